#include "proposals/proposalspage.h"

#include "common/statusbadgedelegate.h"
#include "common/statuscolors.h"
#include "common/timerangefilter.h"
#include "connect/passwordprompt.h"
#include "domain/proposalvocabulary.h"
#include "listing/listrows.h"
#include "proposals/proposalcheckallpanel.h"
#include "proposals/proposalrows.h"
#include "session/proposalsnotice.h"
#include "session/requesttracker.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

ProposalsPage::ProposalsPage(QWidget *parent)
    : ListingPage(QStringLiteral("proposals"), proposalListColumns(), parent)
    , m_time(new TimeRangeFilter(this))
    , m_checkAll(new ProposalCheckAllPanel(this))
    , m_retry(new QPushButton(tr("Retr&y"), this))
    , m_retryRequest(new RequestTracker(this))
{
    setObjectName(QStringLiteral("proposalsPage"));
    listing()->table()->setAccessibleName(tr("Proposals"));
    addFilterField(tr("&Created:"), m_time);
    connect(m_time, &TimeRangeFilter::changed, this, &ProposalsPage::scheduleApply);
    m_state = addChoiceFilter(tr("S&tate:"), proposalStateWireValues());
    m_portfolio = addTextFilter(tr("&Portfolio:"), tr("portfolio id"));
    m_createdBy = addTextFilter(tr("Created &by:"), tr("actor id"));
    listing()->model()->setStatusColumn(proposalStateColumn());
    listing()->model()->setStatusColors([](const QString &state) {
        const QColor color = proposalStateColor(state, QGuiApplication::palette());
        return color.isValid() ? QVariant(color) : QVariant();
    });
    listing()->table()->setItemDelegateForColumn(proposalStateColumn(), new StatusBadgeDelegate(this));
    connect(listing(), &ListingView::rowActivated, this,
        [this](int row) { Q_EMIT openProposalRequested(listing()->model()->row(row).id); });

    // The check's findings share the page with the listing, below it.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("proposalsSplitter"));
    delete pageLayout()->replaceWidget(listing(), splitter); // the caller owns the replaced item
    splitter->addWidget(listing());
    splitter->addWidget(m_checkAll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    connect(m_checkAll, &ProposalCheckAllPanel::openProposalRequested, this, &ProposalsPage::openProposalRequested);

    // Under the notice that says the proposal store is unreachable.
    m_retry->setObjectName(QStringLiteral("retryProposalStore"));
    m_retry->setAccessibleName(tr("Retry the proposal store"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &ProposalsPage::retryProposalStore);
    connect(m_retryRequest, &RequestTracker::busyChanged, m_retry, [this](bool busy) { m_retry->setDisabled(busy); });
    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch(1);
    pageLayout()->insertLayout(1, retryRow);
}

void ProposalsPage::setRetryable(bool retryable)
{
    m_retry->setVisible(retryable);
}

void ProposalsPage::retryProposalStore()
{
    reach(true);
}

void ProposalsPage::reach(bool retry)
{
    if (!session())
        return;
    m_retryRequest->start(
        *session(), [retry](SupportStore &store) { return reachProposalStore(store, retry); },
        [this, retry](const ProposalStoreReach &reach) {
            setRetryable(reach.unreachable.has_value());
            if (retry) { // the notice of the open stands until then
                setUnavailable(proposalsNoticeFor(reach, false));
                m_checkAll->setEnabled(!isUnavailable());
                applyFilter();
            }
            if (reach.cause && needsPassword(*reach.cause))
                Q_EMIT proposalStorePasswordWanted();
        },
        [this](const Error &error) { setStoreNotice(error.code() + QStringLiteral(": ") + error.message()); });
}

void ProposalsPage::setSession(StoreSession *session)
{
    m_checkAll->setSession(session);
    m_checkAll->setEnabled(!isUnavailable());
    setRetryable(false);
    ListingPage::setSession(session);
    // A proposal store that could not be reached: say whether Retry can help, or its password.
    if (session && isUnavailable())
        reach(false);
}

ProposalFilter ProposalsPage::filter() const
{
    ProposalFilter filter;
    filter.createdFrom = m_time->from();
    filter.createdTo = m_time->to();
    filter.state = optionalFilterText(m_state->currentData().toString());
    filter.portfolioId = optionalFilterText(m_portfolio->text());
    filter.createdBy = optionalFilterText(m_createdBy->text());
    return filter;
}

void ProposalsPage::setFilter(const ProposalFilter &filter)
{
    m_time->setRange(filter.createdFrom, filter.createdTo);
    {
        // One load for the whole filter, not one per field.
        const QSignalBlocker block(m_state);
        m_state->setCurrentIndex(qMax(0, m_state->findData(filter.state.value_or(QString()))));
    }
    m_portfolio->setText(filter.portfolioId.value_or(QString()));
    m_createdBy->setText(filter.createdBy.value_or(QString()));
    applyFilter();
}

PageLoader ProposalsPage::makeLoader() const
{
    return [filter = filter()](SupportStore &store, const PageRequest &request) {
        return listPageOf(store.proposals().listProposals(filter, request), proposalListRow);
    };
}

void ProposalsPage::resetFilterFields()
{
    m_time->clear();
    {
        const QSignalBlocker block(m_state);
        m_state->setCurrentIndex(0);
    }
    m_portfolio->clear();
    m_createdBy->clear();
}

} // namespace dpm
