#include "proposals/proposalspage.h"

#include "common/statusbadgedelegate.h"
#include "common/statuscolors.h"
#include "common/timerangefilter.h"
#include "domain/proposalvocabulary.h"
#include "listing/listrows.h"
#include "proposals/proposalcheckallpanel.h"
#include "proposals/proposalrows.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

ProposalsPage::ProposalsPage(QWidget *parent)
    : ListingPage(QStringLiteral("proposals"), proposalListColumns(), parent)
    , m_time(new TimeRangeFilter(this))
    , m_checkAll(new ProposalCheckAllPanel(this))
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
}

void ProposalsPage::setSession(StoreSession *session)
{
    m_checkAll->setSession(session);
    m_checkAll->setEnabled(!isUnavailable());
    ListingPage::setSession(session);
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
