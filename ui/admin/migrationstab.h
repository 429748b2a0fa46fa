#pragma once

#include "migrate/migrationcatalog.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace dpm {

class FindingsModel;
class MigrationStatusModel;
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
    void setCatalog(std::optional<MigrationCatalog> catalog);

    MigrationStatusModel *statusModel() const { return m_status; }
    FindingsModel *validationModel() const { return m_validation; }
    QString planText() const;
    // What the last apply did or why it failed (also shown on the tab).
    QString resultText() const;
    bool isBusy() const { return m_busy; }

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
    void showResult(const QString &text, bool failed);

    QPointer<StoreSession> m_session;
    std::optional<MigrationCatalog> m_catalog;
    bool m_unlocked = false;
    bool m_busy = false;
    bool m_isSql = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;

    QPushButton *m_refresh;
    QPushButton *m_apply;
    QLabel *m_summary;
    MigrationStatusModel *m_status;
    QTableView *m_table;
    QPlainTextEdit *m_plan;
    FindingsModel *m_validation;
    QTableView *m_validationView;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_cancelButton;
    QLabel *m_result;
};

} // namespace dpm
