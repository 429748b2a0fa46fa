#pragma once

#include <QGraphicsView>

namespace dpm {

class LineageNodeItem;

// The lineage graph's view: wheel zooms under the mouse, dragging pans, and the keys work
// wherever the view sits (they are taken before any enclosing shortcut): Ctrl+= / Ctrl+- zoom,
// Ctrl+0 fits, Ctrl+1 is 1:1, arrows move the selection to the nearest node that way, Enter
// expands the selected node and Ctrl+Enter re-centres the graph on it.
class LineageGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit LineageGraphView(QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    LineageNodeItem *selectedNode() const;
    void selectNode(LineageNodeItem *item, bool ensureVisible = true);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitGraph();
    void actualSize();

Q_SIGNALS:
    // Double-click or Enter on a node ("N more" nodes included).
    void nodeActivated(dpm::LineageNodeItem *item);
    // Ctrl+Enter on a node.
    void recentreRequested(dpm::LineageNodeItem *item);
    void zoomChanged(double zoom);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void setZoom(double zoom);
    bool moveSelection(int key);
};

} // namespace dpm
