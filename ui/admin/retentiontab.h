#pragma once

#include "services/retentionpurge.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

#include <memory>

class QDateTimeEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace dpm {

class ActionStatusWidget;
class PurgeReportModel;
class RequestTracker;
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
    bool isBusy() const;

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
    void purge(PurgeTarget target);
    void confirmAndPurge(const PurgeOptions &options, const PurgeReport &preview);
    // Starts the request: the status shows `sentence` with Cancel for a new token.
    std::shared_ptr<CancelToken> startAction(const QString &sentence);
    void endAction();
    void updateButtons();
    PurgeOptions optionsFor(PurgeTarget target) const;

    QPointer<StoreSession> m_session;
    bool m_unlocked = false;
    RequestTracker *m_request;
    std::shared_ptr<CancelToken> m_cancel; // of the dry run or purge in flight

    QSpinBox *m_days;
    QSpinBox *m_ttl;
    QDateTimeEdit *m_now;
    QPushButton *m_nowButton;
    QPushButton *m_dryRun;
    QPushButton *m_purgeRuns;
    QPushButton *m_purgeOperations;
    ActionStatusWidget *m_actionStatus;
    PurgeReportModel *m_report;
    QTableView *m_reportView;
};

} // namespace dpm
