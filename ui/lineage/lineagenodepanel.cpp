#include "lineage/lineagenodepanel.h"

#include "common/statuscolors.h"
#include "lineage/lineagenodeitem.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dpm {

namespace {

QString optional(const std::optional<QString> &value)
{
    return value.value_or(QString());
}

} // namespace

LineageNodePanel::LineageNodePanel(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
{
    m_title = new QLabel(tr("Select a node to see its attributes."), this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_title->setAccessibleName(tr("Selected node"));
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Attribute"), tr("Value") });
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Node attributes"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setTextElideMode(Qt::ElideMiddle); // the full value is in the tooltip
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setAccessibleName(tr("Open the selected node"));
    m_recentre = new QPushButton(tr("&Centre here"), this);
    m_recentre->setAccessibleName(tr("Centre the graph on the selected node"));
    m_expand = new QPushButton(tr("E&xpand"), this);
    m_expand->setAccessibleName(tr("Expand the selected node"));
    for (QPushButton *button : { m_open, m_recentre, m_expand })
        button->setEnabled(false);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_kind == LineageNodeKind::Run)
            Q_EMIT openRunRequested(m_id);
        else if (m_kind == LineageNodeKind::Operation)
            Q_EMIT openOperationRequested(m_id);
        else if (m_kind == LineageNodeKind::Proposal)
            Q_EMIT openProposalRequested(m_id);
    });
    connect(m_recentre, &QPushButton::clicked, this, [this] { Q_EMIT recentreRequested(m_id); });
    connect(m_expand, &QPushButton::clicked, this, [this] { Q_EMIT expandRequested(m_id); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_recentre);
    buttons->addWidget(m_expand);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);
}

void LineageNodePanel::setSession(StoreSession *session)
{
    if (session != m_session)
        m_request->forget(); // an answer from the old session is not this panel's
    m_session = session;
}

bool LineageNodePanel::isLoading() const
{
    return m_request->isBusy();
}

QString LineageNodePanel::attribute(const QString &name) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->text(0) == name)
            return m_tree->topLevelItem(i)->text(1);
    }
    return {};
}

void LineageNodePanel::showNode(const QString &id, LineageNodeKind kind)
{
    m_id = id;
    m_kind = kind;
    m_tree->clear();
    const bool openable
        = kind == LineageNodeKind::Run || kind == LineageNodeKind::Operation || kind == LineageNodeKind::Proposal;
    m_open->setEnabled(!id.isEmpty() && openable);
    m_recentre->setEnabled(!id.isEmpty());
    m_expand->setEnabled(!id.isEmpty());
    if (id.isEmpty() || !m_session) {
        m_request->cancel(); // a node selected before is no longer wanted
        m_title->setText(tr("Select a node to see its attributes."));
        return;
    }
    m_title->setText(tr("Loading %1…").arg(id));
    m_request->start(
        *m_session,
        [id, kind](SupportStore &store) {
            Rows rows;
            if (kind == LineageNodeKind::Run) {
                if (const std::optional<RebalanceRun> run = store.getRun(id)) {
                    rows << Row { QStringLiteral("rebalance_run_id"), run->rebalanceRunId }
                         << Row { QStringLiteral("status"), run->status() }
                         << Row { QStringLiteral("correlation_id"), run->correlationId }
                         << Row { QStringLiteral("request_hash"), run->requestHash }
                         << Row { QStringLiteral("idempotency_key"), optional(run->idempotencyKey) }
                         << Row { QStringLiteral("portfolio_id"), run->portfolioId }
                         << Row { QStringLiteral("created_at"), run->createdAt };
                    return rows;
                }
            } else if (kind == LineageNodeKind::Operation) {
                if (const std::optional<AsyncOperation> op = store.getOperation(id)) {
                    rows << Row { QStringLiteral("operation_id"), op->operationId }
                         << Row { QStringLiteral("operation_type"), op->operationType }
                         << Row { QStringLiteral("status"), op->status }
                         << Row { QStringLiteral("correlation_id"), op->correlationId }
                         << Row { QStringLiteral("created_at"), op->createdAt }
                         << Row { QStringLiteral("started_at"), optional(op->startedAt) }
                         << Row { QStringLiteral("finished_at"), optional(op->finishedAt) }
                         << Row { QStringLiteral("request_json"), optional(op->requestJson) }
                         << Row { QStringLiteral("result_json"), optional(op->resultJson) }
                         << Row { QStringLiteral("error_json"), optional(op->errorJson) };
                    return rows;
                }
            } else if (kind == LineageNodeKind::Proposal && store.proposals().isAvailable()) {
                if (const std::optional<ProposalAggregate> a = store.proposals().loadAggregate(id)) {
                    const ProposalRecord &p = a->proposal;
                    rows << Row { QStringLiteral("proposal_id"), p.proposalId }
                         << Row { QStringLiteral("current_state"), p.currentState }
                         << Row { QStringLiteral("title"), optional(p.title) }
                         << Row { QStringLiteral("portfolio_id"), p.portfolioId }
                         << Row { QStringLiteral("created_by"), p.createdBy }
                         << Row { QStringLiteral("created_at"), p.createdAt }
                         << Row { QStringLiteral("current_version_no"), QString::number(p.currentVersionNo) };
                    QHash<qint64, QString> correlations;
                    for (const ProposalCorrelationLink &link : store.proposals().listCorrelationLinks({}, { id }))
                        correlations.insert(link.versionNo, link.correlationId);
                    // Its versions: status at creation, when, and the correlation id they carry.
                    for (const ProposalVersionHeader &v : a->versions) {
                        rows << Row { QStringLiteral("version %1").arg(v.versionNo), v.statusAtCreation }
                             << Row { QStringLiteral("created_at"), v.createdAt, true }
                             << Row { QStringLiteral("correlation_id"),
                                    correlations.value(v.versionNo, QStringLiteral("—")), true };
                    }
                    return rows;
                }
            }
            // Other kinds (and runs, operations or proposals with no stored row): the edges touching it.
            for (const LineageEdge &edge : store.listLineageEdges(id)) {
                const bool outgoing = edge.sourceEntityId == id;
                rows << Row {
                    outgoing ? QStringLiteral("→ %1").arg(edge.edgeType) : QStringLiteral("← %1").arg(edge.edgeType),
                    QStringLiteral("%1  (%2)%3")
                        .arg(outgoing ? edge.targetEntityId : edge.sourceEntityId, edge.createdAt,
                            edge.metadataJson.isEmpty() || edge.metadataJson == QLatin1String("{}")
                                ? QString()
                                : QStringLiteral("  ") + edge.metadataJson) };
            }
            return rows;
        },
        [this, id, kind](const Rows &rows) {
            LineageGraphNode node;
            node.id = id;
            node.kind = kind;
            const QString kindText = LineageNodeItem::contentFor(node, font(), font()).title;
            m_title->setText(QStringLiteral("<b>%1</b> %2").arg(kindText.toHtmlEscaped(), id.toHtmlEscaped()));
            const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            QTreeWidgetItem *parent = nullptr;
            for (const auto &[name, value, child] : rows) {
                auto *item = child && parent ? new QTreeWidgetItem(parent, { name, value })
                                             : new QTreeWidgetItem(m_tree, { name, value });
                if (!child)
                    parent = item;
                item->setToolTip(1, value);
                item->setFont(1, fixed);
                if (name == QLatin1String("status")) {
                    item->setForeground(1,
                        kind == LineageNodeKind::Run ? runStatusColor(value, palette())
                                                     : operationStatusColor(value, palette()));
                } else if (name == QLatin1String("current_state")) {
                    item->setForeground(1, proposalStateColor(value, palette()));
                }
            }
            if (rows.isEmpty())
                new QTreeWidgetItem(m_tree, { tr("(nothing stored)"), tr("No row and no edge names this id.") });
            m_tree->setRootIsDecorated(std::any_of(rows.cbegin(), rows.cend(), [](const Row &r) { return r.child; }));
            m_tree->expandAll();
            Q_EMIT loaded();
        },
        [this](const Error &error) {
            m_title->setText(
                QStringLiteral("<b>%1</b> %2").arg(error.code().toHtmlEscaped(), error.message().toHtmlEscaped()));
            Q_EMIT loaded();
        });
}

} // namespace dpm
