#pragma once

#include "domain/error.h"
#include "services/storestatus.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace dpm {

class RequestTracker;
class StoreSession;

// The Store health panel: connected, server version, primary or replica with its replay lag,
// the pool, latency and failures per query kind, and the dual-write figures. What
// `dpmctl store status` prints, read through the session on a worker; Refresh asks again.
class StoreHealthDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StoreHealthDialog(QWidget *parent = nullptr);

    // The session to ask; refresh() starts at once when one is set.
    void setSession(StoreSession *session);
    const StoreStatus &status() const { return m_status; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    void showStatus(const StoreStatus &status);
    void showError(const Error &error);

    QPointer<StoreSession> m_session;
    RequestTracker *m_request;
    StoreStatus m_status;
    QLabel *m_state;
    QLabel *m_connection;
    QLabel *m_server;
    QLabel *m_role;
    QLabel *m_pool;
    QLabel *m_targets;
    QLabel *m_dualWrite;
    QTableWidget *m_latency;
    QPushButton *m_refresh;
};

} // namespace dpm
