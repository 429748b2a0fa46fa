#pragma once

#include "domain/page.h"
#include "summary/summarysnapshot.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QDateEdit;
class QFrame;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace dpm {

class RequestTracker;
class StoreSession;

// The summary dashboard (issue 5): status, action and reason-code distributions, runs and
// decisions per day over a chosen range, the totals and the supportability posture. Every chart
// element opens the listing it counts. The numbers come from the maintained counters and the
// per-day index reads, on the session's worker thread; charts are rebuilt from the last
// snapshot when the palette changes, so they follow light and dark.
class SummaryPage : public QWidget
{
    Q_OBJECT

public:
    // The per-day range: the last 30 or 90 days of the data (ending on the newest run's day, so
    // a store of old demo data still shows bars) or the chosen days.
    enum class RangePreset { Last30Days, Last90Days, Custom };
    Q_ENUM(RangePreset)

    using Snapshot = SummarySnapshot;

    explicit SummaryPage(QWidget *parent = nullptr);
    ~SummaryPage() override;

    void setSession(StoreSession *session);

    // The range of the per-day charts; setting it reloads.
    RangePreset rangePreset() const;
    void setRangePreset(RangePreset preset);
    void setCustomRange(const QDate &from, const QDate &to);

    // The last snapshot shown (nullopt before the first load finished).
    const std::optional<Snapshot> &snapshot() const { return m_snapshot; }
    bool isLoading() const;

    // The numbers of the dashboard as `dpmctl summary --json` prints them (same bytes for the
    // same store and moment). Empty before the first load.
    QByteArray summaryJsonBytes() const;
    // Write the JSON (atomically) or a PNG of the whole dashboard. Throw dpm::Error
    // (EXPORT_WRITE_FAILED / EXPORT_NOTHING_LOADED).
    void exportJson(const QString &path) const;
    void exportPng(const QString &path) const;

public Q_SLOTS:
    void refresh();
    // Stops waiting for the load in flight; what was shown before stays.
    void cancelLoading();

Q_SIGNALS:
    void openRunsRequested(const dpm::RunFilter &filter);
    void openOperationsRequested(const dpm::OperationFilter &filter);
    void openDecisionsRequested(const dpm::DecisionFilter &filter);
    void openProposalsRequested(const dpm::ProposalFilter &filter);
    // A load finished (shown) or failed (error shown); for tests and the window's status bar.
    void loaded();
    void loadFailed(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildCharts();
    void showSnapshot();
    void showError(const QString &code, const QString &message);
    void showLoading(bool loading);
    void showPlaceholder(const QString &text);
    // Throws EXPORT_NOTHING_LOADED before the first load.
    void requireSnapshot() const;
    void chooseExportJson();
    void chooseExportPng();

    QPointer<StoreSession> m_session;
    RequestTracker *m_request; // the snapshot being read
    std::optional<Snapshot> m_snapshot;

    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_refresh;
    QPushButton *m_exportPng;
    QPushButton *m_exportJson;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QFrame *m_errorBar;
    QLabel *m_errorText;
    QPushButton *m_retry;
    QStackedWidget *m_pages; // the placeholder until a first snapshot, then the dashboard
    QLabel *m_placeholder;
    QScrollArea *m_scroll;
    QWidget *m_content;
    QLabel *m_totals;
    QLabel *m_posture;
    QChartView *m_runStatusView;
    QChartView *m_operationStatusView;
    QChartView *m_actionView;
    QChartView *m_reasonCodeView;
    QChartView *m_runsPerDayView;
    QChartView *m_decisionsPerDayView;
    QChartView *m_proposalStateView;
    QChartView *m_approvalsPerDayView;
};

} // namespace dpm
