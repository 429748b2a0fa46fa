#pragma once

#include "services/storemigrations.h"
#include "store/storelocation.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;

namespace dpm {

class AuditLogTab;
class CutoverTab;
class MigrationsTab;
class RequestTracker;
class RetentionTab;
class TransferTab;
class StoreSession;

// The admin page: Migrations, Cutover check, Retention and Audit log under a lock bar. The page
// is read-only until the person unlocks it (a confirmation naming the database and the role
// that changes will be made as); while locked every changing action is disabled and its slot
// refuses. Every action previews, confirms naming the database, reports progress and writes an
// audit entry, and the Audit log tab lists them.
class AdminPage : public QWidget
{
    Q_OBJECT

public:
    explicit AdminPage(QWidget *parent = nullptr);

    // The store to administer (its location from session->location()); locks the page again.
    void setSession(StoreSession *session);
    bool isUnlocked() const { return m_unlocked; }
    // The store has no DPM tables yet: a notice says to apply the migrations, and the tabs that
    // read the tables wait until that succeeded.
    void setSchemaMissing(bool missing);
    QString schemaNotice() const;
    // The store is read over a server (remote mode; set by setSession from the location): every
    // tab and the lock are off, and the notice says why and where admin work is done instead.
    void setReadOnlyRemote(bool remote);
    bool isReadOnlyRemote() const { return m_readOnlyRemote; }

    // For tests and the screenshots tool: where the service's variables come from (default: this
    // process's environment) and which migration files are applied (default: the embedded ones).
    void setEnvironment(const QProcessEnvironment &environment);
    void setMigrationCatalog(OptionalCatalog catalog);

    MigrationsTab *migrationsTab() const { return m_migrations; }
    CutoverTab *cutoverTab() const { return m_cutover; }
    RetentionTab *retentionTab() const { return m_retention; }
    TransferTab *transferTab() const { return m_transfer; }
    AuditLogTab *auditLogTab() const { return m_auditLog; }
    QTabWidget *tabs() const { return m_tabs; }
    QString lockText() const;

public Q_SLOTS:
    // Asks (naming the database and role), then enables the actions.
    void unlock();
    void lock();
    void toggleLock();

Q_SIGNALS:
    // Migrations were applied or rows purged: views of the store should reload.
    void storeChanged();
    // A store opened without the DPM tables has them now (the migrations created them).
    void schemaCreated();
    // Unlocked or locked again (the Outbox page's repairs follow the same lock).
    void unlockedChanged(bool unlocked);
    // The Transfer tab's "Open the target": the console should switch to that store.
    void openStoreRequested(const dpm::StoreLocation &location);

private:
    void setUnlocked(bool unlocked);
    void updateLockBar();
    void checkSchemaCreated();
    void enableTabsThatReadTables(bool enabled);

    QPointer<StoreSession> m_session;
    bool m_unlocked = false;
    QString m_role; // "alice" or "alice as dpm_admin", read when the session is set
    RequestTracker *m_roleRequest;
    RequestTracker *m_schemaRequest;

    bool m_schemaMissing = false;
    bool m_readOnlyRemote = false;
    QLabel *m_schemaNotice;
    QLabel *m_lockText;
    QPushButton *m_lockButton;
    QTabWidget *m_tabs;
    MigrationsTab *m_migrations;
    CutoverTab *m_cutover;
    RetentionTab *m_retention;
    TransferTab *m_transfer;
    AuditLogTab *m_auditLog;
};

} // namespace dpm
