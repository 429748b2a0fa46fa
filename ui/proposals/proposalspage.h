#pragma once

#include "domain/proposals.h"
#include "listing/listingpage.h"

class QComboBox;
class QLineEdit;
class QPushButton;

namespace dpm {

class ProposalCheckAllPanel;
class RequestTracker;
class TimeRangeFilter;

// The advisory proposal listing (issue 14) with every filter of list_proposals (created range,
// state, portfolio, created by), state badges, keyset pages as the user scrolls, copy/export as
// the other listings, and "Check all" (the integrity check over every proposal). Enter or
// double-click opens the proposal.
class ProposalsPage : public ListingPage
{
    Q_OBJECT

public:
    explicit ProposalsPage(QWidget *parent = nullptr);

    void setSession(StoreSession *session) override;
    ProposalFilter filter() const;
    // Shows exactly this filter (the summary opens the listing this way) and applies it.
    void setFilter(const ProposalFilter &filter);
    ProposalCheckAllPanel *checkAllPanel() const { return m_checkAll; }
    // The proposal store could not be reached (the notice says why): Retry, shown only then,
    // tries again and loads the proposals once it answers. Set after setUnavailable().
    void setRetryable(bool retryable);
    QPushButton *retryButton() const { return m_retry; }

public Q_SLOTS:
    void retryProposalStore();

Q_SIGNALS:
    void openProposalRequested(const QString &proposalId);
    // A retry found that the proposal store's server wants a password.
    void proposalStorePasswordWanted();

protected:
    PageLoader makeLoader() const override;
    void resetFilterFields() override;

private:
    // Asks where the proposals stand (retry: after trying the proposal store again) and shows it.
    void reach(bool retry);

    TimeRangeFilter *m_time;
    QComboBox *m_state;
    QLineEdit *m_portfolio;
    QLineEdit *m_createdBy;
    ProposalCheckAllPanel *m_checkAll;
    QPushButton *m_retry;
    RequestTracker *m_retryRequest;
};

} // namespace dpm
