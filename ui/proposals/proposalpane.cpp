#include "proposals/proposalpane.h"

#include "common/entitylink.h"
#include "common/icons.h"
#include "common/statuscolors.h"
#include "proposals/proposaldifftab.h"
#include "proposals/proposalfindingsmodel.h"
#include "proposals/proposaltablemodels.h"
#include "proposals/proposaltimelinemodel.h"
#include "proposals/proposalversionviewer.h"
#include "domain/redaction.h"
#include "services/proposalreads.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace dpm {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    view->setModel(model);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QWidget *column(std::initializer_list<QWidget *> widgets, QWidget *stretch)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    for (QWidget *w : widgets)
        layout->addWidget(w, w == stretch ? 1 : 0);
    return page;
}

QLabel *summaryLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProposalPane::ProposalPane(QWidget *parent)
    : QWidget(parent)
    , m_load(new RequestTracker(this))
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("proposalPane"));
    setAccessibleName(tr("Proposal"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Proposal state"));
    m_pages->addWidget(m_message);
    m_pages->addWidget(buildLoadedPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    showMessage(tr("Open a proposal from the Proposals page or find it by any of its identifiers (Ctrl+K)."));

    for (int i = 0; i < TabCount; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (m_state == State::Loaded)
                m_tabs->setCurrentIndex(i);
        });
    }
}

QWidget *ProposalPane::buildLoadedPage()
{
    auto *page = new QWidget;
    m_title = new QLabel(page);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_title->setAccessibleName(tr("Proposal title"));
    m_title->setWordWrap(true);
    m_stateBadge = new QLabel(page);
    m_stateBadge->setAccessibleName(tr("Proposal state"));
    m_stateBadge->setFont(titleFont);
    m_facts = new QLabel(page);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_facts->setAccessibleName(tr("Proposal facts"));
    m_facts->setWordWrap(true);
    m_lineageButton = new QToolButton(page);
    m_lineageButton->setObjectName(QStringLiteral("proposalLineageButton"));
    m_lineageButton->setText(tr("&Lineage"));
    m_lineageButton->setIcon(glyphIcon(QStringLiteral("lineage")));
    m_lineageButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_lineageButton->setToolTip(tr("The lineage graph centred on this proposal (Ctrl+Shift+G)"));
    m_lineageButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(m_lineageButton, &QToolButton::clicked, this, [this] {
        if (!m_proposalId.isEmpty())
            Q_EMIT lineageRequested(m_proposalId);
    });
    m_copyLinkButton = new QToolButton(page);
    m_copyLinkButton->setObjectName(QStringLiteral("proposalCopyLinkButton"));
    m_copyLinkButton->setText(tr("Copy lin&k"));
    m_copyLinkButton->setToolTip(tr("Copy this proposal's dpm:// link (with the version shown on the Versions tab)"));
    connect(m_copyLinkButton, &QToolButton::clicked, this, [this] {
        const QString link = currentLink();
        if (link.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(link);
        Q_EMIT linkCopied(link);
    });
    auto *header = new QHBoxLayout;
    header->addWidget(m_stateBadge);
    header->addWidget(m_title, 1);
    header->addWidget(m_lineageButton);
    header->addWidget(m_copyLinkButton);

    m_tabs = new QTabWidget(page);
    m_tabs->setAccessibleName(tr("Proposal sections"));
    m_tabs->setDocumentMode(true);

    m_timeline = new ProposalTimelineModel(this);
    m_timelineSummary = summaryLabel();
    QTableView *timelineView = makeTable(m_timeline, tr("Timeline"), page);
    m_tabs->addTab(column({ m_timelineSummary, timelineView }, timelineView), tr("T&imeline"));

    m_versions = new ProposalVersionsModel(this);
    m_versionsView = makeTable(m_versions, tr("Versions"), page);
    m_viewer = new ProposalVersionViewer;
    // Room for the four versions a proposal usually has, the rest for the viewer.
    m_versionsView->setMinimumHeight(m_versionsView->verticalHeader()->defaultSectionSize() * 5 + 8
        + m_versionsView->horizontalHeader()->sizeHint().height());
    auto *versionSplit = new QSplitter(Qt::Vertical);
    versionSplit->addWidget(m_versionsView);
    versionSplit->addWidget(m_viewer);
    versionSplit->setStretchFactor(0, 0);
    versionSplit->setStretchFactor(1, 1);
    versionSplit->setCollapsible(0, false);
    m_tabs->addTab(versionSplit, tr("&Versions"));
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                m_viewer->showVersion(
                    m_proposalId, current.data(ProposalVersionsModel::VersionNoRole).toLongLong());
        });

    m_diff = new ProposalDiffTab;
    m_tabs->addTab(m_diff, tr("&Diff"));

    m_operations = new ProposalOperationsModel(this);
    m_tabs->addTab(makeTable(m_operations, tr("Async operations"), page), tr("&Operations"));
    m_idempotency = new ProposalIdempotencyModel(this);
    m_tabs->addTab(makeTable(m_idempotency, tr("Idempotency"), page), tr("Ide&mpotency"));

    m_findings = new ProposalFindingsModel(this);
    m_integritySummary = summaryLabel();
    m_integritySummary->setAccessibleName(tr("Integrity summary"));
    QTableView *findingsView = makeTable(m_findings, tr("Integrity findings"), page);
    // A finding's sentence is what matters and is longer than a cell: the selected one in full.
    m_findingText = summaryLabel();
    m_findingText->setAccessibleName(tr("Selected finding"));
    m_findingText->setFrameShape(QFrame::StyledPanel);
    m_findingText->setMargin(6);
    connect(findingsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            m_findingText->setText(current.isValid()
                    ? m_findings->cellText(current.row(), ProposalFindingsModel::CodeColumn) + QStringLiteral(": ")
                        + m_findings->cellText(current.row(), ProposalFindingsModel::MessageColumn)
                    : QString());
        });
    m_tabs->addTab(column({ m_integritySummary, findingsView, m_findingText }, findingsView), tr("Inte&grity"));
    m_findingsView = findingsView;
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabToolTip(i, tr("Ctrl+%1").arg(i + 1));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ProposalPane::currentTabChanged);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(header);
    layout->addWidget(m_facts);
    layout->addWidget(m_tabs, 1);
    return page;
}

void ProposalPane::setSession(StoreSession *session)
{
    m_session = session;
    m_load->forget();
    m_viewer->setSession(session);
    m_diff->setSession(session);
    m_proposalId.clear();
    m_data.reset();
    showMessage(tr("Open a proposal from the Proposals page or find it by any of its identifiers (Ctrl+K)."));
}

void ProposalPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_pages->setCurrentIndex(0);
}

void ProposalPane::showProposal(const QString &proposalId, std::optional<qint64> versionNo)
{
    m_proposalId = proposalId.trimmed();
    m_openVersion = versionNo;
    reload();
}

void ProposalPane::reload()
{
    if (!m_session || m_proposalId.isEmpty())
        return;
    m_state = State::Loading;
    m_errorCode.clear();
    showMessage(tr("Loading proposal %1…").arg(m_proposalId));
    m_load->start(
        *m_session,
        [id = m_proposalId](SupportStore &store) {
            ProposalStore &proposals = store.proposals();
            std::optional<ProposalAggregate> aggregate = proposals.loadAggregate(id);
            if (!aggregate)
                requireProposal(proposals, id); // throws PROPOSAL_NOT_FOUND
            ProposalPaneData data { std::move(*aggregate), checkProposal(proposals, id) };
            return data;
        },
        [this](const ProposalPaneData &data) { showData(data); },
        [this](const Error &error) {
            m_state = State::Error;
            m_errorCode = error.code();
            m_data.reset();
            showMessage(QStringLiteral("<b>%1</b><br>%2").arg(error.code().toHtmlEscaped(),
                redactSecrets(error.message()).toHtmlEscaped()));
            Q_EMIT loadFailed(error);
        });
}

void ProposalPane::showData(const ProposalPaneData &data)
{
    m_data = data;
    m_state = State::Loaded;
    const ProposalAggregate &a = data.aggregate;
    const ProposalRecord &p = a.proposal;
    m_title->setText(p.title ? tr("%1 — %2").arg(p.proposalId, *p.title) : p.proposalId);
    const QString none = QStringLiteral("—");
    const auto fact = [](const QString &label, const QString &value) {
        return QStringLiteral("<b>%1</b>&nbsp;%2").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    m_facts->setText(QStringList { fact(tr("Portfolio"), p.portfolioId), fact(tr("Mandate"), p.mandateId.value_or(none)),
        fact(tr("Jurisdiction"), p.jurisdiction.value_or(none)), fact(tr("Created by"), p.createdBy),
        fact(tr("Created"), p.createdAt), fact(tr("Last event"), p.lastEventAt),
        fact(tr("Current version"), QString::number(p.currentVersionNo)) }
                         .join(QStringLiteral(" &nbsp;&nbsp; ")));
    updateColours();

    m_timeline->setHistory(a.events, a.approvals);
    m_timelineSummary->setText(tr("Workflow events: %1, approvals: %2, merged oldest first.")
                                   .arg(m_timeline->eventCount())
                                   .arg(m_timeline->approvalCount()));

    m_versions->setVersions(a.versions);
    QList<qint64> numbers;
    for (const ProposalVersionHeader &v : a.versions)
        numbers << v.versionNo;
    m_viewer->clear();
    m_diff->setProposal(p.proposalId, numbers);
    m_operations->setOperations(a.operations);
    m_idempotency->setIdempotency(a.idempotency);

    m_findings->setFindings(data.integrity.findings);
    const qsizetype findings = data.integrity.findings.size();
    m_integritySummary->setText(findings == 0
            ? tr("\u2714 No integrity findings: the history replays by the §4.2 transition map and every artifact "
                 "hash matches.")
            : tr("\u2718 %n integrity finding(s) for this proposal.", nullptr, int(findings)));
    m_findingText->clear();
    m_findingText->setVisible(findings > 0);
    if (findings > 0)
        m_findingsView->setCurrentIndex(m_findings->index(0, 0));
    m_tabs->setTabText(IntegrityTab, findings == 0 ? tr("Inte&grity") : tr("Inte&grity (%1)").arg(findings));

    for (QTableView *view : findChildren<QTableView *>())
        view->resizeColumnsToContents();
    m_pages->setCurrentIndex(1);

    // The version asked for (a search by version id), else the current one.
    const qint64 open = m_openVersion.value_or(p.currentVersionNo);
    const int row = m_versions->rowOf(open) >= 0 ? m_versions->rowOf(open) : m_versions->rowCount() - 1;
    if (row >= 0)
        m_versionsView->setCurrentIndex(m_versions->index(row, 0));
    if (m_openVersion)
        m_tabs->setCurrentIndex(VersionsTab);
    currentTabChanged();
    Q_EMIT proposalLoaded(p.proposalId);
}

void ProposalPane::updateColours()
{
    if (!m_data)
        return;
    const QString state = m_data->aggregate.proposal.currentState;
    const QColor color = proposalStateColor(state, palette());
    m_stateBadge->setText(state);
    m_stateBadge->setStyleSheet(QStringLiteral("QLabel { color: %1; border: 1px solid %1; border-radius: 6px; "
                                               "padding: 1px 8px; }")
                                    .arg(color.name()));
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText,
        m_data->integrity.findings.isEmpty() ? goodColor(palette()) : badColor(palette()));
    m_integritySummary->setPalette(pal);
}

void ProposalPane::currentTabChanged()
{
    if (m_state == State::Loaded && m_tabs->currentIndex() == DiffTab)
        m_diff->ensureCompared();
}

QString ProposalPane::headerText() const
{
    return m_stateBadge->text() + QLatin1Char(' ') + m_title->text() + QLatin1Char('\n') + m_facts->text();
}

QString ProposalPane::currentLink() const
{
    if (m_state != State::Loaded || !m_data)
        return {};
    std::optional<qint64> version;
    const QModelIndex current = m_versionsView->currentIndex();
    if (m_tabs->currentIndex() == VersionsTab && current.isValid())
        version = current.data(ProposalVersionsModel::VersionNoRole).toLongLong();
    return proposalLink(m_data->aggregate.proposal.proposalId, version);
}

QString ProposalPane::integritySummary() const
{
    return m_integritySummary->text();
}

void ProposalPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

} // namespace dpm
