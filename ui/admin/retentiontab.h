#pragma once

#include <QPointer>
#include <QProcessEnvironment>
#include "session/querycancel.h"

#include <QWidget>

class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace dpm {

class PurgeReportModel;
class StoreSession;

// The Retention tab of the admin page: retention days and the async-operation TTL (pre-filled
// from the service's variables), the moment the cut-off is taken from, a dry run counting per
// table, and the two purges, each confirmed with the counts and recorded in the audit log.
class RetentionTab : public QWidget
{
    Q_OBJECT

public:
    explicit RetentionTab(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    void setUnlocked(bool unlocked);
    // Pre-fills the fields from DPM_SUPPORTABILITY_RETENTION_DAYS and DPM_ASYNC_OPERATIONS_TTL_SECONDS.
    void setEnvironment(const QProcessEnvironment &environment);

    QSpinBox *retentionDaysField() const { return m_days; }
    QSpinBox *ttlSecondsField() const { return m_ttl; }
    QDateTimeEdit *nowField() const { return m_now; }
    PurgeReportModel *reportModel() const { return m_report; }
    QString resultText() const;
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    // Counts what both purges would delete; changes nothing, so it works while locked.
    void dryRun();
    // Counts, confirms with the counts, purges and records. Refused while the page is locked.
    void purgeRuns();
    void purgeOperations();
    void resetNow();
    // Stops the dry run or purge in flight on the database; a purge then deletes nothing (its
    // one transaction is rolled back) and is recorded as cancelled.
    void cancel();

Q_SIGNALS:
    void storeChanged();
    void actionRecorded();

private:
    enum class Target { Runs, Operations };
    void purge(Target target);
    void setBusy(bool busy, const QString &text = {});
    void showResult(const QString &text, bool failed);
    void updateButtons();
    QString nowText() const;

    QPointer<StoreSession> m_session;
    bool m_unlocked = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    std::shared_ptr<QueryCancel> m_cancel; // of the request in flight

    QSpinBox *m_days;
    QSpinBox *m_ttl;
    QDateTimeEdit *m_now;
    QPushButton *m_nowButton;
    QPushButton *m_dryRun;
    QPushButton *m_purgeRuns;
    QPushButton *m_purgeOperations;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_cancelButton;
    PurgeReportModel *m_report;
    QTableView *m_reportView;
    QLabel *m_result;
};

} // namespace dpm
