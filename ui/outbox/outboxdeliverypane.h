#pragma once

#include "domain/runevents.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace dpm {

class CopyableField;
class JsonTreeView;
class RequestTracker;
class StoreSession;

// A delivery and the event it delivers, as the Outbox page's detail pane shows them.
struct OutboxDeliveryDetail
{
    OutboxDelivery delivery;
    std::optional<RunEvent> event;
};

// One outbox delivery in full: status, attempts of the maximum, last error (monospace,
// selectable), next attempt, created and delivered times, the relay's lease, the payload as a
// JSON tree and the event it belongs to. Reads the delivery itself, so the listing's row may be
// older than what it shows.
class OutboxDeliveryPane : public QWidget
{
    Q_OBJECT

public:
    explicit OutboxDeliveryPane(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    QString outboxId() const { return m_detail ? m_detail->delivery.outboxId : QString(); }
    const std::optional<OutboxDeliveryDetail> &detail() const { return m_detail; }
    bool isLoading() const;
    QString statusText() const;
    QString lastErrorText() const;
    JsonTreeView *payloadView() const { return m_payload; }
    JsonTreeView *eventView() const { return m_event; }

public Q_SLOTS:
    void showDelivery(const QString &outboxId);
    // Reads the shown delivery again (after a repair or a refresh).
    void reload();
    void clear();

Q_SIGNALS:
    void loaded();
    void openRunRequested(const QString &runId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showLoaded(const OutboxDeliveryDetail &detail);
    void showMessage(const QString &text);
    void updateStatusColor();

    QPointer<StoreSession> m_session;
    RequestTracker *m_request; // the delivery being read
    QString m_requestedId;
    std::optional<OutboxDeliveryDetail> m_detail;

    QLabel *m_message;
    QWidget *m_content;
    QLabel *m_status;
    CopyableField *m_outboxId;
    QLabel *m_topic;
    QLabel *m_attempts;
    QLabel *m_nextAttempt;
    QLabel *m_created;
    QLabel *m_delivered;
    QLabel *m_lease;
    QLabel *m_run;
    QPlainTextEdit *m_lastError;
    QTabWidget *m_tabs;
    JsonTreeView *m_payload;
    JsonTreeView *m_event;
};

} // namespace dpm
