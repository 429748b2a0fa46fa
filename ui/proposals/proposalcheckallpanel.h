#pragma once

#include "services/proposalintegrity.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace dpm {

class CancelToken;
class ProposalFindingsModel;
class StoreSession;

// The listing page's "Check all": checkAllProposals on the session's worker thread with the
// number checked and found so far, and Cancel (the check stops between two proposals and shows
// what it covered). The findings are a table below; Enter opens a finding's proposal.
class ProposalCheckAllPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProposalCheckAllPanel(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    bool isRunning() const { return m_cancel != nullptr; }
    const std::optional<ProposalIntegrityReport> &report() const { return m_report; }
    ProposalFindingsModel *findingsModel() const { return m_model; }
    QString statusText() const;

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void openProposalRequested(const QString &proposalId);
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Tone { Neutral, Good, Warning, Bad };
    void applyTone();

    void showReport(const ProposalIntegrityReport &report);
    void setRunning(bool running);

    QPointer<StoreSession> m_session;
    std::shared_ptr<CancelToken> m_cancel; // set while a check runs
    quint64 m_generation = 0;
    Tone m_tone = Tone::Neutral;
    std::optional<ProposalIntegrityReport> m_report;
    QPushButton *m_start;
    QPushButton *m_stop;
    QProgressBar *m_busy;
    QLabel *m_status;
    ProposalFindingsModel *m_model;
    QTableView *m_view;
};

} // namespace dpm
