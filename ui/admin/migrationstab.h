#pragma once

#include "services/storemigrations.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace dpm {

class ActionStatusWidget;
class FindingsModel;
class MigrationStatusModel;
class RequestTracker;
class StoreSession;

// The Migrations tab of the admin page: every namespace's migrations with their state, the plan
// with its SQL, the result of validate, and Apply with progress and Cancel (between
// migrations: those finished stay applied). On PostgreSQL it waits for a namespace's advisory
// lock without blocking, naming the session that holds it.
class MigrationsTab : public QWidget
{
    Q_OBJECT

public:
    explicit MigrationsTab(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    void setUnlocked(bool unlocked);
    // The files to apply; nullopt (the default) for the ones built into the console.
    void setCatalog(OptionalCatalog catalog);

    MigrationStatusModel *statusModel() const { return m_status; }
    FindingsModel *validationModel() const { return m_validation; }
    QString planText() const;
    // What the last apply did or why it failed (also shown on the tab).
    QString resultText() const;
    bool isBusy() const;

public Q_SLOTS:
    void refresh();
    // Confirms, then applies every pending migration. Refused while the page is locked.
    void applyPending();
    void cancelApply();

Q_SIGNALS:
    void storeChanged();
    void actionRecorded();

private:
    void updateButtons();
    void showOverview(const MigrationOverview &overview);
    void showApplied(const MigrationApplyResult &result);
    void finishApply();

    QPointer<StoreSession> m_session;
    OptionalCatalog m_catalog;
    bool m_unlocked = false;
    bool m_isSql = false;
    RequestTracker *m_overviewRequest;
    RequestTracker *m_applyRequest;
    std::shared_ptr<CancelToken> m_cancel; // of the apply in flight

    QPushButton *m_refresh;
    QPushButton *m_apply;
    QLabel *m_summary;
    MigrationStatusModel *m_status;
    QTableView *m_table;
    QPlainTextEdit *m_plan;
    FindingsModel *m_validation;
    QTableView *m_validationView;
    ActionStatusWidget *m_actionStatus;
};

} // namespace dpm
