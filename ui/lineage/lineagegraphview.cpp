#include "lineage/lineagegraphview.h"

#include "lineage/lineagenodeitem.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <cmath>
#include <limits>

namespace dpm {

namespace {

constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 8;
constexpr double kStep = 1.25;

bool isViewKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (mods == Qt::ControlModifier || mods == (Qt::ControlModifier | Qt::ShiftModifier))
        return key == Qt::Key_Equal || key == Qt::Key_Plus || key == Qt::Key_Minus || key == Qt::Key_0
            || key == Qt::Key_1 || key == Qt::Key_Return || key == Qt::Key_Enter;
    if (mods == Qt::NoModifier)
        return key == Qt::Key_Return || key == Qt::Key_Enter;
    return false;
}

} // namespace

LineageGraphView::LineageGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
}

LineageNodeItem *LineageGraphView::selectedNode() const
{
    if (!scene())
        return nullptr;
    const QList<QGraphicsItem *> selected = scene()->selectedItems();
    return selected.isEmpty() ? nullptr : qgraphicsitem_cast<LineageNodeItem *>(selected.first());
}

void LineageGraphView::selectNode(LineageNodeItem *item, bool ensureVisible)
{
    if (!scene() || !item)
        return;
    scene()->clearSelection();
    item->setSelected(true);
    scene()->setFocusItem(item);
    if (ensureVisible)
        this->ensureVisible(item, 40, 40);
}

void LineageGraphView::zoomIn()
{
    setZoom(zoom() * kStep);
}

void LineageGraphView::zoomOut()
{
    setZoom(zoom() / kStep);
}

void LineageGraphView::fitGraph()
{
    if (!scene())
        return;
    const QRectF items = scene()->itemsBoundingRect();
    if (items.isEmpty())
        return;
    fitInView(items.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    // Never blow a small graph up beyond 1:1, nor shrink past the minimum.
    if (zoom() > 1)
        setZoom(1);
    else if (zoom() < kMinZoom)
        setZoom(kMinZoom);
    centerOn(items.center());
    Q_EMIT zoomChanged(zoom());
}

void LineageGraphView::actualSize()
{
    setZoom(1);
}

void LineageGraphView::setZoom(double value)
{
    value = std::clamp(value, kMinZoom, kMaxZoom);
    const ViewportAnchor anchor = transformationAnchor();
    if (!underMouse())
        setTransformationAnchor(AnchorViewCenter);
    setTransform(QTransform::fromScale(value, value));
    setTransformationAnchor(anchor);
    Q_EMIT zoomChanged(value);
}

bool LineageGraphView::event(QEvent *event)
{
    // Take our keys before an enclosing window or pane's shortcuts (the bundle pane's Ctrl+1).
    if (event->type() == QEvent::ShortcutOverride && isViewKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void LineageGraphView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    const int key = event->key();
    if (mods == Qt::ControlModifier) {
        switch (key) {
        case Qt::Key_Equal:
        case Qt::Key_Plus:
            zoomIn();
            return;
        case Qt::Key_Minus:
            zoomOut();
            return;
        case Qt::Key_0:
            fitGraph();
            return;
        case Qt::Key_1:
            actualSize();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (LineageNodeItem *item = selectedNode())
                Q_EMIT recentreRequested(item);
            return;
        default:
            break;
        }
    }
    if (mods == Qt::NoModifier) {
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (LineageNodeItem *item = selectedNode())
                Q_EMIT nodeActivated(item);
            return;
        }
        if ((key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down)
            && moveSelection(key))
            return;
    }
    QGraphicsView::keyPressEvent(event);
}

bool LineageGraphView::moveSelection(int key)
{
    if (!scene())
        return false;
    LineageNodeItem *current = selectedNode();
    QList<LineageNodeItem *> nodes;
    for (QGraphicsItem *item : scene()->items()) {
        if (auto *node = qgraphicsitem_cast<LineageNodeItem *>(item))
            nodes << node;
    }
    if (nodes.isEmpty())
        return false;
    if (!current) {
        for (LineageNodeItem *node : std::as_const(nodes)) {
            if (node->isFocusNode())
                current = node;
        }
        selectNode(current ? current : nodes.first());
        return true;
    }
    // The nearest node in that direction, preferring ones straight ahead.
    const QPointF from = current->pos();
    LineageNodeItem *best = nullptr;
    double bestScore = std::numeric_limits<double>::max();
    for (LineageNodeItem *node : std::as_const(nodes)) {
        if (node == current)
            continue;
        const QPointF d = node->pos() - from;
        double along = 0;
        double across = 0;
        switch (key) {
        case Qt::Key_Left:
            along = -d.x(), across = d.y();
            break;
        case Qt::Key_Right:
            along = d.x(), across = d.y();
            break;
        case Qt::Key_Up:
            along = -d.y(), across = d.x();
            break;
        default:
            along = d.y(), across = d.x();
            break;
        }
        if (along <= 1)
            continue;
        const double score = along + 2 * std::abs(across);
        if (score < bestScore) {
            bestScore = score;
            best = node;
        }
    }
    if (best)
        selectNode(best);
    return true;
}

void LineageGraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setZoom(zoom() * std::pow(1.15, steps));
    event->accept();
}

void LineageGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->position().toPoint())) {
        if (auto *node = qgraphicsitem_cast<LineageNodeItem *>(item)) {
            selectNode(node, false);
            Q_EMIT nodeActivated(node);
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

} // namespace dpm
