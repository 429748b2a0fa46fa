#include "outbox/outboxpage.h"

#include "common/consolesettings.h"
#include "common/statusbadgedelegate.h"
#include "common/statuscolors.h"
#include "common/timerangefilter.h"
#include "domain/timestamp.h"
#include "outbox/failuregroupsmodel.h"
#include "outbox/outboxbacklogtiles.h"
#include "outbox/outboxdeliverypane.h"
#include "outbox/outboxrepairpanel.h"
#include "listing/listrows.h"
#include "outbox/outboxrows.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QComboBox>
#include <QFrame>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace dpm {

namespace {

// What one backlog read brings back.
struct Backlog
{
    OutboxStats stats;
    QList<OutboxFailureGroup> groups;
};

void keepSplitterState(QSplitter *splitter)
{
    if (const QByteArray state = ConsoleSettings::instance().layoutState(splitter->objectName()); !state.isEmpty())
        splitter->restoreState(state);
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
        [splitter] { ConsoleSettings::instance().setLayoutState(splitter->objectName(), splitter->saveState()); });
}

} // namespace

OutboxPage::OutboxPage(QWidget *parent)
    : ListingPage(QStringLiteral("outbox"), outboxListColumns(), parent)
    , m_backlog(new RequestTracker(this))
    , m_tiles(new OutboxBacklogTiles(this))
    , m_backlogMessage(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_autoRefresh(new QComboBox(this))
    , m_autoTimer(new QTimer(this))
    , m_time(new TimeRangeFilter(this))
    , m_groups(new FailureGroupsModel(this))
    , m_groupsView(new QTableView(this))
    , m_detail(new OutboxDeliveryPane(this))
    , m_repairs(new OutboxRepairPanel(this))
{
    setObjectName(QStringLiteral("outboxPage"));
    listing()->table()->setAccessibleName(tr("Outbox deliveries"));
    m_status = addChoiceFilter(tr("&Status:"), outboxStatuses());
    m_topic = addTextFilter(tr("To&pic:"), tr("topic"));
    m_run = addTextFilter(tr("R&un:"), tr("run id"));
    addFilterField(tr("&Created:"), m_time);
    connect(m_time, &TimeRangeFilter::changed, this, &OutboxPage::scheduleApply);
    listing()->model()->setStatusColumn(outboxStatusColumn());
    listing()->model()->setStatusColors(
        [](const QString &status) { return QVariant(outboxStatusColor(status, QGuiApplication::palette())); });
    listing()->table()->setItemDelegateForColumn(outboxStatusColumn(), new StatusBadgeDelegate(this));

    // Refresh and auto-refresh beside the tiles.
    m_refresh->setAccessibleName(tr("Refresh the outbox"));
    m_refresh->setToolTip(tr("Read the backlog, the groups and the listing again (F5)"));
    connect(m_refresh, &QPushButton::clicked, this, &OutboxPage::refresh);
    for (const int seconds : { 0, 5, 15, 60 })
        m_autoRefresh->addItem(seconds == 0 ? tr("Off") : tr("every %1 s").arg(seconds), seconds);
    m_autoRefresh->setAccessibleName(tr("Auto-refresh interval"));
    m_autoRefresh->setToolTip(
        tr("Reads the outbox again at this interval; a tick is skipped while a read is running."));
    auto *autoLabel = new QLabel(tr("&Auto-refresh:"), this);
    autoLabel->setBuddy(m_autoRefresh);
    connect(m_autoRefresh, &QComboBox::currentIndexChanged, this, [this] {
        const int seconds = autoRefreshSeconds();
        if (seconds > 0)
            m_autoTimer->start(seconds * 1000);
        else
            m_autoTimer->stop();
    });
    connect(m_autoTimer, &QTimer::timeout, this, &OutboxPage::autoRefreshTick);
    auto *controls = new QVBoxLayout;
    controls->addWidget(m_refresh);
    auto *autoRow = new QHBoxLayout;
    autoRow->addWidget(autoLabel);
    autoRow->addWidget(m_autoRefresh);
    controls->addLayout(autoRow);
    controls->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_tiles, 1);
    top->addLayout(controls);

    m_backlogMessage->setWordWrap(true);
    m_backlogMessage->setAccessibleName(tr("Outbox backlog message"));
    m_backlogMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backlogMessage->hide();

    pageLayout()->insertWidget(0, buildLockBar());
    pageLayout()->insertLayout(1, top);
    pageLayout()->insertWidget(2, m_backlogMessage);

    // Listing over the failure groups on the left, the delivery and the repairs on the right.
    auto *left = new QSplitter(Qt::Vertical, this);
    left->setObjectName(QStringLiteral("outboxListSplitter"));
    delete pageLayout()->replaceWidget(listing(), left); // the caller owns the replaced item
    left->addWidget(listing());
    left->addWidget(buildGroupsBox());
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    keepSplitterState(left);
    auto *detailBox = new QGroupBox(tr("Delivery"), this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(m_repairs);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("outboxSplitter"));
    delete pageLayout()->replaceWidget(left, splitter);
    splitter->addWidget(left);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 700, 450 });
    keepSplitterState(splitter);

    connect(listing(), &ListingView::currentRowChanged, this, &OutboxPage::rowChanged);
    connect(listing()->model(), &KeysetListModel::firstPageArrived, this, &OutboxPage::reselect);
    connect(m_detail, &OutboxDeliveryPane::loaded, this,
        [this] { m_repairs->setSelectedDelivery(m_detail->outboxId(), m_detail->statusText()); });
    connect(m_detail, &OutboxDeliveryPane::openRunRequested, this, &OutboxPage::openRunRequested);
    connect(listing(), &ListingView::rowActivated, this, [this](int row) {
        const QString runId = listing()->model()->row(row).runId;
        if (!runId.isEmpty())
            Q_EMIT openRunRequested(runId);
    });
    connect(m_repairs, &OutboxRepairPanel::storeChanged, this, &OutboxPage::refresh);
    updateLockBar();
}

QWidget *OutboxPage::buildLockBar()
{
    auto *bar = new QFrame(this);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::AlternateBase);
    m_lockText = new QLabel(bar);
    m_lockText->setAccessibleName(tr("Outbox lock state"));
    m_lockText->setWordWrap(true);
    m_lockButton = new QPushButton(bar);
    m_lockButton->setAccessibleName(tr("Unlock or lock admin actions"));
    connect(m_lockButton, &QPushButton::clicked, this, &OutboxPage::lockToggleRequested);
    auto *icon = new QLabel(bar);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(icon);
    layout->addWidget(m_lockText, 1);
    layout->addWidget(m_lockButton);
    return bar;
}

QWidget *OutboxPage::buildGroupsBox()
{
    auto *box = new QGroupBox(tr("Failure groups (FAILED and DEAD deliveries by their error)"), this);
    m_groupsView->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_groupsView->setModel(m_groups);
    m_groupsView->setAccessibleName(tr("Failure groups"));
    m_groupsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groupsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupsView->setWordWrap(false);
    m_groupsView->setAlternatingRowColors(true);
    m_groupsView->verticalHeader()->hide();
    m_groupsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_groupsView->horizontalHeader()->setStretchLastSection(true);
    connect(m_groupsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            m_repairs->setSelectedGroup(current.data(FailureGroupsModel::GroupIdRole).toString(),
                current.data(FailureGroupsModel::CountRole).toLongLong());
        });
    connect(m_groups, &QAbstractItemModel::modelReset, this, [this] { m_repairs->setSelectedGroup({}, 0); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_repairs->retryGroupButton());
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_groupsView, 1);
    layout->addLayout(buttons);
    return box;
}

void OutboxPage::setSession(StoreSession *session)
{
    m_backlog->forget();
    m_stats.reset();
    m_tiles->setStats(std::nullopt);
    m_groups->setGroups({});
    m_selectedId.clear();
    m_detail->setSession(session);
    m_repairs->setSession(session);
    m_repairs->setUnlocked(m_unlocked);
    ListingPage::setSession(session);
    m_backlogWhenShown = !isVisible();
    if (session && !m_backlogWhenShown)
        loadBacklog();
}

void OutboxPage::showEvent(QShowEvent *event)
{
    ListingPage::showEvent(event);
    if (m_backlogWhenShown && session())
        loadBacklog();
}

void OutboxPage::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    m_repairs->setUnlocked(unlocked);
    updateLockBar();
}

void OutboxPage::updateLockBar()
{
    if (m_unlocked) {
        m_lockText->setText(
            tr("Unlocked: Retry, Discard and Purge change the outbox (each asks first and is audited)."));
        m_lockButton->setText(tr("&Lock again"));
    } else {
        m_lockText->setText(tr("Read-only. Unlock admin actions to retry, discard or purge deliveries."));
        m_lockButton->setText(tr("U&nlock…"));
    }
}

OutboxFilter OutboxPage::filter() const
{
    OutboxFilter filter;
    filter.status = optionalFilterText(m_status->currentData().toString());
    filter.topic = optionalFilterText(m_topic->text());
    filter.rebalanceRunId = optionalFilterText(m_run->text());
    filter.createdFrom = m_time->from();
    filter.createdTo = m_time->to();
    return filter;
}

void OutboxPage::setFilter(const OutboxFilter &filter)
{
    m_status->setCurrentIndex(qMax(0, m_status->findData(filter.status.value_or(QString()))));
    m_topic->setText(filter.topic.value_or(QString()));
    m_run->setText(filter.rebalanceRunId.value_or(QString()));
    m_time->setRange(filter.createdFrom, filter.createdTo);
    applyFilter();
}

PageLoader OutboxPage::makeLoader() const
{
    return [filter = filter()](SupportStore &store, const PageRequest &request) {
        return listPageOf(store.runEvents().listOutbox(filter, request), outboxListRow);
    };
}

void OutboxPage::resetFilterFields()
{
    m_status->setCurrentIndex(0);
    m_topic->clear();
    m_run->clear();
    m_time->clear();
}

void OutboxPage::setAutoRefreshSeconds(int seconds)
{
    m_autoRefresh->setCurrentIndex(qMax(0, m_autoRefresh->findData(seconds)));
}

int OutboxPage::autoRefreshSeconds() const
{
    return m_autoRefresh->currentData().toInt();
}

bool OutboxPage::isRefreshing() const
{
    return m_backlog->isBusy() || listing()->model()->isLoading() || m_detail->isLoading() || m_repairs->isBusy();
}

void OutboxPage::autoRefreshTick()
{
    // Never a second read behind one that is still running (a slow database would pile them up).
    if (isRefreshing()) {
        ++m_skippedTicks;
        return;
    }
    refresh();
}

void OutboxPage::refresh()
{
    if (!session())
        return;
    ++m_refreshCount;
    loadBacklog();
    applyFilter(); // reselect() finds the selected delivery again in the first page
    m_detail->reload();
}

void OutboxPage::loadBacklog()
{
    m_backlogWhenShown = false;
    m_refresh->setEnabled(!isUnavailable());
    if (isUnavailable()) {
        m_backlogMessage->hide(); // the page's notice says why
        return;
    }
    m_refresh->setEnabled(false);
    m_backlog->start(
        *session(),
        [](SupportStore &store) {
            RunEventStore &events = store.runEvents();
            events.requireAvailable();
            return Backlog { events.outboxStats(nowTimestamp()), events.failureGroups() };
        },
        [this](const Backlog &backlog) {
            m_refresh->setEnabled(true);
            m_stats = backlog.stats;
            m_tiles->setStats(backlog.stats);
            const QString selectedGroup = m_groupsView->currentIndex().data(FailureGroupsModel::GroupIdRole).toString();
            m_groups->setGroups(backlog.groups);
            for (int row = 0; row < m_groups->rowCount(); ++row) {
                if (m_groups->index(row, 0).data(FailureGroupsModel::GroupIdRole).toString() == selectedGroup)
                    m_groupsView->setCurrentIndex(m_groups->index(row, 0));
            }
            m_groupsView->resizeColumnsToContents();
            m_backlogMessage->hide();
            Q_EMIT backlogLoaded();
        },
        [this](const Error &error) {
            m_refresh->setEnabled(true);
            m_stats.reset();
            m_tiles->setStats(std::nullopt);
            m_groups->setGroups({});
            m_backlogMessage->setText(QStringLiteral("%1: %2").arg(error.code(), error.message()));
            m_backlogMessage->show();
            Q_EMIT backlogLoaded();
        });
}

QString OutboxPage::backlogMessage() const
{
    return m_backlogMessage->isHidden() ? QString() : m_backlogMessage->text();
}

void OutboxPage::rowChanged(int row)
{
    if (row < 0) {
        // A reload empties the table for a moment: the delivery stays shown until the first page.
        return;
    }
    const ListRow &r = listing()->model()->row(row);
    m_selectedId = r.id;
    m_repairs->setSelectedDelivery(r.id, r.status);
    m_detail->showDelivery(r.id);
}

void OutboxPage::reselect()
{
    if (m_selectedId.isEmpty())
        return;
    KeysetListModel *model = listing()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->row(row).id == m_selectedId) {
            const QSignalBlocker block(listing());
            listing()->table()->setCurrentIndex(model->index(row, 0));
            return;
        }
    }
}

} // namespace dpm
