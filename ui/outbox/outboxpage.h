#pragma once

#include "domain/runevents.h"
#include "listing/listingpage.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace dpm {

class FailureGroupsModel;
class OutboxBacklogTiles;
class OutboxDeliveryPane;
class OutboxRepairPanel;
class RequestTracker;
class TimeRangeFilter;

// The Outbox page (issue 15): the backlog tiles, the deliveries listing with filters (status,
// topic, run, created range) and keyset paging, the failure groups with Retry group, the
// selected delivery in full, and the repairs (retry, discard, purge) through the admin lock.
// F5 reads everything again; the optional auto-refresh skips a tick while a read is in flight,
// so requests never stack up behind a slow database.
class OutboxPage : public ListingPage
{
    Q_OBJECT

public:
    explicit OutboxPage(QWidget *parent = nullptr);

    void setSession(StoreSession *session) override;
    // Follows the admin lock (the Admin page owns it).
    void setUnlocked(bool unlocked);
    bool isUnlocked() const { return m_unlocked; }

    OutboxFilter filter() const;
    void setFilter(const OutboxFilter &filter);

    // 0 (off), 5, 15 or 60 seconds.
    void setAutoRefreshSeconds(int seconds);
    int autoRefreshSeconds() const;
    QTimer *autoRefreshTimer() const { return m_autoTimer; }
    // A read of the backlog, the listing or the detail is in flight.
    bool isRefreshing() const;
    int refreshCount() const { return m_refreshCount; }
    int skippedTicks() const { return m_skippedTicks; }

    const std::optional<OutboxStats> &stats() const { return m_stats; }
    OutboxBacklogTiles *tiles() const { return m_tiles; }
    FailureGroupsModel *groupsModel() const { return m_groups; }
    QTableView *groupsView() const { return m_groupsView; }
    OutboxDeliveryPane *detail() const { return m_detail; }
    OutboxRepairPanel *repairs() const { return m_repairs; }
    QString backlogMessage() const;

public Q_SLOTS:
    // Backlog, groups, listing (keeping the selected delivery) and detail, read again.
    void refresh();
    void autoRefreshTick();

Q_SIGNALS:
    void openRunRequested(const QString &runId);
    // The lock bar's button: the window asks the Admin page to unlock (or lock again).
    void lockToggleRequested();
    // The backlog figures and groups arrived (or failed: backlogMessage says why).
    void backlogLoaded();

protected:
    PageLoader makeLoader() const override;
    void resetFilterFields() override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildLockBar();
    QWidget *buildGroupsBox();
    void loadBacklog();
    void rowChanged(int row);
    void reselect();
    void updateLockBar();

    bool m_unlocked = false;
    bool m_backlogWhenShown = false;
    QString m_selectedId;
    std::optional<OutboxStats> m_stats;
    int m_refreshCount = 0;
    int m_skippedTicks = 0;

    RequestTracker *m_backlog; // stats and failure groups
    QLabel *m_lockText;
    QPushButton *m_lockButton;
    OutboxBacklogTiles *m_tiles;
    QLabel *m_backlogMessage;
    QPushButton *m_refresh;
    QComboBox *m_autoRefresh;
    QTimer *m_autoTimer;
    TimeRangeFilter *m_time;
    QComboBox *m_status;
    QLineEdit *m_topic;
    QLineEdit *m_run;
    FailureGroupsModel *m_groups;
    QTableView *m_groupsView;
    OutboxDeliveryPane *m_detail;
    OutboxRepairPanel *m_repairs;
};

} // namespace dpm
