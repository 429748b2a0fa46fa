#include "lineage/lineagegraphwidget.h"

#include "common/icons.h"
#include "lineage/lineageedgeitem.h"
#include "lineage/lineagegraphview.h"
#include "session/requesttracker.h"
#include "session/storesession.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QElapsedTimer>
#include <QEvent>
#include <QFontDatabase>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace dpm {

namespace {

constexpr int kMaxExportPixels = 16000; // per side, so a huge graph still makes a PNG
constexpr int kMaxMetadataShown = 3;
constexpr int kMaxMetadataChars = 400;

QString edgeToolTip(const LineageGraphEdge &edge)
{
    QStringList lines;
    lines << QStringLiteral("%1 → %2 → %3").arg(edge.sourceEntityId, edge.edgeType, edge.targetEntityId);
    if (edge.count > 1) {
        lines << LineageGraphWidget::tr("%1 stored rows, created %2 … %3")
                     .arg(edge.count)
                     .arg(edge.firstCreatedAt, edge.lastCreatedAt);
    } else {
        lines << LineageGraphWidget::tr("created %1").arg(edge.firstCreatedAt);
    }
    for (int i = 0; i < edge.metadata.size() && i < kMaxMetadataShown; ++i) {
        QString json = edge.metadata.at(i);
        if (json.size() > kMaxMetadataChars)
            json = json.left(kMaxMetadataChars) + QChar(0x2026);
        lines << LineageGraphWidget::tr("metadata: %1").arg(json);
    }
    if (edge.metadata.size() > kMaxMetadataShown)
        lines << LineageGraphWidget::tr("… more metadata values not shown: %1")
                     .arg(edge.metadata.size() - kMaxMetadataShown);
    return lines.join(QLatin1Char('\n'));
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    return button;
}

} // namespace

LineageGraphWidget::LineageGraphWidget(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
{
    m_titleFont = font();
    m_titleFont.setPointSizeF(m_titleFont.pointSizeF() * 0.9);
    m_idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_idFont.setPointSizeF(m_titleFont.pointSizeF());
    m_labelFont = font();
    m_labelFont.setPointSizeF(m_labelFont.pointSizeF() * 0.85);

    // The view first: Tab enters the widget at the graph (its focus proxy), then goes on to the
    // depth controls and the zoom buttons.
    m_view = new LineageGraphView(this);
    const auto spin = [this](int min, int max, int value, const QString &name, const QString &tip) {
        auto *box = new QSpinBox(this);
        box->setRange(min, max);
        box->setValue(value);
        box->setAccessibleName(name);
        box->setToolTip(tip);
        box->setKeyboardTracking(false); // typing "12" loads once, not for "1" and then "12"
        connect(box, &QSpinBox::valueChanged, this, &LineageGraphWidget::reload);
        return box;
    };
    m_upstream = spin(0, kLineageGraphMaxDepth, kLineageGraphDefaultDepth, tr("Upstream depth"),
        tr("How many hops a path may take against the edges' direction (towards sources); no node is "
           "further than the larger of the two depths"));
    m_downstream = spin(0, kLineageGraphMaxDepth, kLineageGraphDefaultDepth, tr("Downstream depth"),
        tr("How many hops a path may take along the edges' direction (towards targets); no node is "
           "further than the larger of the two depths"));
    m_nodeCap = spin(1, kLineageGraphMaxMaxNodes, kLineageGraphDefaultMaxNodes, tr("Node cap"),
        tr("At most this many nodes are added at once; the rest show as \"N more not shown\""));

    m_backAction = new QAction(glyphIcon(QStringLiteral("back")), tr("Back"), this);
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_BracketLeft));
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_backAction->setToolTip(tr("Back to the previous centre (Alt+[)"));
    connect(m_backAction, &QAction::triggered, this, &LineageGraphWidget::goBack);
    addAction(m_backAction);
    m_forwardAction = new QAction(glyphIcon(QStringLiteral("forward")), tr("Forward"), this);
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_BracketRight));
    m_forwardAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forwardAction->setToolTip(tr("Forward to the next centre (Alt+])"));
    connect(m_forwardAction, &QAction::triggered, this, &LineageGraphWidget::goForward);
    addAction(m_forwardAction);

    m_scene = new QGraphicsScene(this);
    m_view->setScene(m_scene);
    m_view->setAccessibleName(tr("Lineage graph"));
    m_view->setToolTip(tr("Double-click or Enter: expand a node · Ctrl+Enter: centre on it · right-click or "
                          "Menu key: open it · arrows: move between nodes · wheel: zoom · drag: pan"));
    connect(m_view, &LineageGraphView::nodeActivated, this, &LineageGraphWidget::nodeActivated);
    connect(m_view, &LineageGraphView::recentreRequested, this, [this](LineageNodeItem *item) {
        if (!item->isMore())
            showEntity(item->entityId());
        else
            expandNode(item->entityId());
    });
    connect(
        m_scene, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT selectedEntityChanged(selectedEntity()); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        // The node under the pointer; from the Menu key, the selected node.
        auto *item = qgraphicsitem_cast<LineageNodeItem *>(m_view->itemAt(position));
        if (!item)
            item = m_view->selectedNode();
        if (!item)
            return;
        m_view->selectNode(item, false);
        std::unique_ptr<QMenu> menu(createNodeMenu(m_items.key(item)));
        if (menu)
            menu->exec(m_view->viewport()->mapToGlobal(m_view->mapFromScene(item->sceneBoundingRect().center())));
    });

    const auto viewAction
        = [this](const QString &icon, const QString &text, const QString &tip, void (LineageGraphView::*slot)()) {
              auto *action = new QAction(glyphIcon(icon), text, this);
              action->setToolTip(tip);
              connect(action, &QAction::triggered, m_view, slot);
              return action;
          };
    QAction *zoomOut = viewAction(
        QStringLiteral("zoom-out"), tr("Zoom out"), tr("Zoom out (Ctrl+-, wheel)"), &LineageGraphView::zoomOut);
    QAction *zoomIn = viewAction(
        QStringLiteral("zoom-in"), tr("Zoom in"), tr("Zoom in (Ctrl+=, wheel)"), &LineageGraphView::zoomIn);
    QAction *fit = viewAction(
        QStringLiteral("zoom-fit"), tr("Fit"), tr("Fit the graph in the view (Ctrl+0)"), &LineageGraphView::fitGraph);
    QAction *actual = viewAction(
        QStringLiteral("zoom-actual"), tr("1:1"), tr("Actual size (Ctrl+1)"), &LineageGraphView::actualSize);

    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Graph status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *controls = new QHBoxLayout;
    const auto labelled = [this, controls](const QString &text, QSpinBox *box) {
        auto *label = new QLabel(text, this);
        label->setBuddy(box);
        controls->addWidget(label);
        controls->addWidget(box);
    };
    labelled(tr("&Upstream:"), m_upstream);
    labelled(tr("&Downstream:"), m_downstream);
    labelled(tr("Node ca&p:"), m_nodeCap);
    controls->addSpacing(8);
    QToolButton *back = toolButton(m_backAction, this);
    back->setAccessibleName(tr("Back"));
    QToolButton *forward = toolButton(m_forwardAction, this);
    forward->setAccessibleName(tr("Forward"));
    controls->addWidget(back);
    controls->addWidget(forward);
    controls->addSpacing(8);
    // The zoom buttons show only their glyphs; their names stay for screen readers and tooltips.
    QToolButton *zoomOutButton = toolButton(zoomOut, this);
    zoomOutButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QToolButton *zoomInButton = toolButton(zoomIn, this);
    zoomInButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    controls->addWidget(zoomOutButton);
    controls->addWidget(zoomInButton);
    controls->addWidget(toolButton(fit, this));
    controls->addWidget(toolButton(actual, this));
    controls->addSpacing(8);
    controls->addWidget(m_status, 1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setAccessibleName(tr("Cancel loading the graph"));
    m_cancel->setToolTip(tr("Stop waiting for the graph; the one on screen stays"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &LineageGraphWidget::cancelLoading);
    connect(m_request, &RequestTracker::busyChanged, this, [this](bool busy) {
        m_cancel->setVisible(busy);
        Q_EMIT loadingChanged(busy);
    });
    controls->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    updateNavigation();
    updateStatus();
}

LineageGraphWidget::~LineageGraphWidget()
{
    // Clearing the scene deselects its items: no signal may reach a half-destroyed page.
    m_scene->blockSignals(true);
}

void LineageGraphWidget::setSession(StoreSession *session)
{
    if (session != m_session)
        m_request->forget(); // an answer from the old session is not this graph's
    m_session = session;
}

bool LineageGraphWidget::isLoading() const
{
    return m_request->isBusy();
}

void LineageGraphWidget::showEntity(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return;
    if (!m_focusId.isEmpty() && m_focusId != trimmed) {
        m_back << m_focusId;
        m_forward.clear();
    }
    request(Operation::Load, trimmed);
    updateNavigation();
}

void LineageGraphWidget::goBack()
{
    if (m_back.isEmpty())
        return;
    m_forward.prepend(m_focusId);
    request(Operation::Load, m_back.takeLast());
    updateNavigation();
}

void LineageGraphWidget::goForward()
{
    if (m_forward.isEmpty())
        return;
    m_back << m_focusId;
    request(Operation::Load, m_forward.takeFirst());
    updateNavigation();
}

void LineageGraphWidget::reload()
{
    if (!m_focusId.isEmpty())
        request(Operation::Load, m_focusId);
}

void LineageGraphWidget::expandNode(const QString &id)
{
    if (!id.isEmpty())
        request(Operation::Expand, id);
}

QString LineageGraphWidget::selectedEntity() const
{
    const LineageNodeItem *item = m_view->selectedNode();
    return item && !item->isMore() ? item->entityId() : QString();
}

QMenu *LineageGraphWidget::createNodeMenu(const QString &sceneId)
{
    const LineageNodeItem *item = m_items.value(sceneId);
    if (!item)
        return nullptr;
    const QString id = item->entityId();
    auto *menu = new QMenu(this);
    if (item->isMore()) {
        menu->addAction(tr("Show more"), this, [this, id] { expandNode(id); });
        return menu;
    }
    switch (item->content().kind) {
    case LineageNodeKind::Run:
        menu->addAction(tr("Open run"), this, [this, id] { Q_EMIT openRunRequested(id); });
        break;
    case LineageNodeKind::Operation:
        menu->addAction(tr("Open operation"), this, [this, id] { Q_EMIT openOperationRequested(id); });
        break;
    case LineageNodeKind::Proposal:
        menu->addAction(tr("Open proposal"), this, [this, id] { Q_EMIT openProposalRequested(id); });
        break;
    default:
        break;
    }
    menu->addAction(tr("Centre the graph here"), this, [this, id] { showEntity(id); });
    menu->addAction(tr("Expand"), this, [this, id] { expandNode(id); });
    menu->addSeparator();
    menu->addAction(tr("Copy id"), this, [id] { QGuiApplication::clipboard()->setText(id); });
    return menu;
}

void LineageGraphWidget::setDepths(int upstream, int downstream)
{
    const QSignalBlocker blockUp(m_upstream);
    const QSignalBlocker blockDown(m_downstream);
    m_upstream->setValue(upstream);
    m_downstream->setValue(downstream);
    reload();
}

int LineageGraphWidget::upstreamDepth() const
{
    return m_upstream->value();
}

int LineageGraphWidget::downstreamDepth() const
{
    return m_downstream->value();
}

void LineageGraphWidget::setNodeCap(int cap)
{
    m_nodeCap->setValue(cap);
}

int LineageGraphWidget::nodeCap() const
{
    return m_nodeCap->value();
}

QStringList LineageGraphWidget::nodeIds() const
{
    QStringList ids;
    for (const LineageGraphNode &node : m_graph.nodes())
        ids << node.id;
    return ids;
}

int LineageGraphWidget::edgeItemCount() const
{
    int count = 0;
    for (const QGraphicsItem *item : m_scene->items()) {
        if (item->type() == LineageEdgeItem::Type)
            ++count;
    }
    return count;
}

void LineageGraphWidget::selectNode(const QString &id)
{
    if (LineageNodeItem *item = m_items.value(id))
        m_view->selectNode(item);
}

bool LineageGraphWidget::findNode(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return false;
    const QList<LineageGraphNode> &nodes = m_graph.nodes();
    const QString current = selectedEntity();
    qsizetype start = 0;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).id == current)
            start = i + 1;
    }
    for (qsizetype n = 0; n < nodes.size(); ++n) {
        const QString &id = nodes.at((start + n) % nodes.size()).id;
        if (id.contains(needle, Qt::CaseInsensitive) && m_items.contains(id)) {
            m_view->selectNode(m_items.value(id));
            m_view->centerOn(m_items.value(id));
            return true;
        }
    }
    return false;
}

void LineageGraphWidget::nodeActivated(LineageNodeItem *item)
{
    // A "more" node stands for its parent's left-out neighbours: expanding the parent shows the
    // next batch of them.
    expandNode(item->entityId());
}

void LineageGraphWidget::request(Operation operation, const QString &id)
{
    if (!m_session)
        return;
    LineageGraphOptions options;
    options.upstream = m_upstream->value();
    options.downstream = m_downstream->value();
    options.maxNodes = m_nodeCap->value();
    const QString anchor = operation == Operation::Load ? id : m_focusId;
    if (!m_request->isBusy())
        m_focusBeforeLoad = m_focusId;
    if (operation == Operation::Load)
        m_focusId = id;
    const LineageGraph current = m_graph;
    const QFont titleFont = m_titleFont;
    const QFont idFont = m_idFont;
    const QFont labelFont = m_labelFont;
    // Replaces the request in flight: it stops on the database and its answer is dropped.
    m_request->start(
        *m_session,
        [=](SupportStore &store) {
            LineageGraph graph = operation == Operation::Load ? LineageGraph::walk(store, id, options) : current;
            if (operation == Operation::Expand)
                graph.expand(store, id, options.maxNodes);
            graph.readRunStatuses(store);
            return prepare(graph, titleFont, idFont, labelFont);
        },
        [this, anchor](const Prepared &prepared) {
            if (!prepared.layout.ok) {
                m_status->setText(QStringLiteral("GRAPH_LAYOUT_FAILED: ") + prepared.layout.error);
                return;
            }
            apply(prepared, anchor);
        },
        [this](const Error &error) {
            m_status->setText(QStringLiteral("%1: %2").arg(error.code(), error.message()));
            Q_EMIT loadFailed(error);
        });
    m_status->setText(
        operation == Operation::Load ? tr("Loading the neighbourhood of %1…").arg(id) : tr("Expanding %1…").arg(id));
}

LineageGraphWidget::Prepared LineageGraphWidget::prepare(
    const LineageGraph &graph, const QFont &titleFont, const QFont &idFont, const QFont &labelFont)
{
    Prepared prepared;
    prepared.graph = graph;
    GraphvizLayout::Input input;
    input.labelFontSize = labelFont.pointSizeF() > 0 ? labelFont.pointSizeF() : 8;
    for (const LineageGraphNode &node : graph.nodes()) {
        prepared.nodes << LineageNodeItem::contentFor(node, titleFont, idFont);
        input.nodes << GraphvizLayout::Node { node.id, prepared.nodes.last().size };
    }
    for (const LineageGraphEdge &edge : graph.edges()) {
        const QString label
            = edge.count > 1 ? QStringLiteral("%1 ×%2").arg(edge.edgeType).arg(edge.count) : edge.edgeType;
        prepared.edges << DrawnEdge { edge.sourceEntityId, edge.targetEntityId, label, edgeToolTip(edge), false };
        input.edges << GraphvizLayout::Edge { edge.sourceEntityId, edge.targetEntityId, label };
    }
    for (const QString &parent : graph.nodesWithHiddenNeighbours()) {
        const QString moreId = LineageNodeItem::moreNodeId(parent);
        prepared.nodes << LineageNodeItem::moreContentFor(parent, graph.hiddenNeighbourCount(parent), titleFont);
        input.nodes << GraphvizLayout::Node { moreId, prepared.nodes.last().size };
        prepared.edges << DrawnEdge { parent, moreId, QString(), QString(), true };
        input.edges << GraphvizLayout::Edge { parent, moreId, QString() };
    }
    QElapsedTimer timer;
    timer.start();
    prepared.layout = GraphvizLayout::layout(input);
    prepared.layoutMs = timer.elapsed();
    return prepared;
}

void LineageGraphWidget::apply(const Prepared &prepared, const QString &anchorId)
{
    QElapsedTimer timer;
    timer.start();
    // Where the anchor (the focus) is now, in the scene and on screen.
    const LineageNodeItem *old = m_items.value(anchorId);
    const bool anchored = old != nullptr;
    const QPointF oldScene = anchored ? old->pos() : QPointF();
    const QPoint oldViewport = anchored ? m_view->mapFromScene(oldScene) : QPoint();
    const QString selected = selectedEntity();

    m_prepared = prepared;
    m_graph = prepared.graph;
    m_lastLayoutMs = prepared.layoutMs;
    QPointF newCentre;
    bool found = false;
    for (qsizetype i = 0; i < prepared.nodes.size(); ++i) {
        if (!prepared.nodes.at(i).more && prepared.nodes.at(i).entityId == anchorId) {
            newCentre = prepared.layout.nodeCentres.at(i);
            found = true;
        }
    }
    const bool keepPlace = anchored && found;
    buildScene(keepPlace ? oldScene - newCentre : QPointF());
    if (keepPlace) {
        // Scroll so the anchor is where it was on screen.
        const QPoint delta = m_view->mapFromScene(oldScene) - oldViewport;
        m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->value() + delta.x());
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() + delta.y());
    } else {
        m_view->fitGraph();
        if (m_view->zoom() < 0.5) {
            // A big graph: readable text around the focus rather than all of it as dots.
            m_view->setTransform(QTransform::fromScale(0.75, 0.75));
            if (LineageNodeItem *focus = m_items.value(anchorId))
                m_view->centerOn(focus);
        }
    }
    if (LineageNodeItem *item = m_items.value(selected))
        item->setSelected(true);
    m_lastSceneBuildMs = timer.elapsed();
    updateStatus();
    Q_EMIT graphChanged();
}

void LineageGraphWidget::buildScene(const QPointF &offset)
{
    m_offset = offset;
    const QSignalBlocker block(m_scene); // no selectionChanged storm while clearing
    m_scene->clear();
    m_items.clear();
    const QPalette palette = this->palette();
    const GraphvizLayout::Result &layout = m_prepared.layout;
    for (qsizetype i = 0; i < m_prepared.nodes.size(); ++i) {
        const LineageNodeItem::Content &content = m_prepared.nodes.at(i);
        auto *item = new LineageNodeItem(content, palette, m_titleFont, m_idFont);
        item->setPos(layout.nodeCentres.value(i) + offset);
        item->setFocusNode(!content.more && content.entityId == m_focusId);
        m_scene->addItem(item);
        m_items.insert(content.more ? LineageNodeItem::moreNodeId(content.entityId) : content.entityId, item);
    }
    for (qsizetype i = 0; i < m_prepared.edges.size(); ++i) {
        const DrawnEdge &edge = m_prepared.edges.at(i);
        const GraphvizLayout::PlacedEdge &placed = layout.edges.value(i);
        LineageEdgeItem::Geometry geometry;
        for (const QPointF &p : placed.points)
            geometry.points << p + offset;
        if (placed.arrowHead)
            geometry.arrowHead = *placed.arrowHead + offset;
        if (placed.labelPosition)
            geometry.labelPosition = *placed.labelPosition + offset;
        auto *item
            = new LineageEdgeItem(edge.source, edge.target, edge.label, geometry, palette, m_labelFont, edge.dashed);
        item->setToolTip(edge.toolTip);
        m_scene->addItem(item);
    }
    // Room around the graph (and the part now on screen) so the focus can stay where it is.
    const QRectF items = m_scene->itemsBoundingRect();
    const double margin = std::max(m_view->viewport()->width(), m_view->viewport()->height()) / m_view->zoom();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    m_scene->setSceneRect(items.adjusted(-margin, -margin, margin, margin) | visible);
}

void LineageGraphWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_prepared.nodes.isEmpty()) {
        const QString selected = selectedEntity();
        buildScene(m_offset);
        selectNode(selected);
    }
}

void LineageGraphWidget::cancelLoading()
{
    if (!m_request->isBusy())
        return;
    m_request->cancel(); // the statement stops on the database and the answer is dropped
    m_focusId = m_focusBeforeLoad;
    updateStatus();
    if (!m_focusId.isEmpty())
        m_status->setText(m_status->text() + QStringLiteral(" — ") + tr("cancelled"));
}

void LineageGraphWidget::updateNavigation()
{
    m_backAction->setEnabled(!m_back.isEmpty());
    m_forwardAction->setEnabled(!m_forward.isEmpty());
}

void LineageGraphWidget::updateStatus()
{
    if (m_focusId.isEmpty()) {
        m_status->setText(tr("Enter an entity id to draw its lineage."));
        return;
    }
    QString text = tr("Nodes: %1, edges: %2").arg(m_graph.nodes().size()).arg(m_graph.edges().size());
    if (m_graph.truncated())
        text += QStringLiteral(", ") + tr("not shown (node cap): %1").arg(m_graph.omittedNodeCount());
    m_status->setText(text);
}

bool LineageGraphWidget::exportPng(const QString &path, QString *error)
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-16, -16, 16, 16);
    double scale = 2; // sharp on HiDPI screens and in tickets
    scale = std::min(scale, kMaxExportPixels / std::max(source.width(), source.height()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = tr("The graph is too large to export as an image.");
        return false;
    }
    image.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1; choose a folder you can write to.").arg(path);
        return false;
    }
    return true;
}

bool LineageGraphWidget::exportSvg(const QString &path, QString *error)
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-16, -16, 16, 16);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Lineage of %1").arg(m_focusId));
    // Cached items would be embedded as bitmaps: draw them directly for a vector file.
    QHash<QGraphicsItem *, QGraphicsItem::CacheMode> cached;
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->cacheMode() != QGraphicsItem::NoCache) {
            cached.insert(item, item->cacheMode());
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    QPainter painter;
    const bool ok = painter.begin(&generator);
    if (ok) {
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), palette().color(QPalette::Base));
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
    }
    for (auto it = cached.cbegin(); it != cached.cend(); ++it)
        it.key()->setCacheMode(it.value());
    if (!ok && error)
        *error = tr("Could not write %1; choose a folder you can write to.").arg(path);
    return ok;
}

} // namespace dpm
