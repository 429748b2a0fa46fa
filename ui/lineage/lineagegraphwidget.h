#pragma once

#include "domain/error.h"
#include "lineage/graphvizlayout.h"
#include "lineage/lineagenodeitem.h"
#include "services/lineagegraph.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QGraphicsScene;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolButton;

class QMenu;

namespace dpm {

class LineageGraphView;
class RequestTracker;
class StoreSession;

// The lineage neighbourhood of one entity drawn as a graph (issue 5), with the controls every
// place that shows it needs: upstream and downstream depth, node cap, back/forward through
// re-centrings, zoom (wheel, Ctrl+= / Ctrl+-, fit Ctrl+0, 1:1 Ctrl+1). The walk is core's
// LineageGraph (the one dpmctl lineage graph prints); it, the run statuses and the Graphviz
// layout run on the session's worker threads; the UI thread only builds the scene. After every relayout the focused
// node keeps its place on screen. Double-click or Enter expands a node (its "N more not shown" node shows the next
// batch), Ctrl+Enter re-centres.
class LineageGraphWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LineageGraphWidget(QWidget *parent = nullptr);
    ~LineageGraphWidget() override;

    void setSession(StoreSession *session);
    // Re-centres on the entity with the current depths (a step in the back/forward history).
    void showEntity(const QString &id);
    QString focusedEntity() const { return m_focusId; }
    QString selectedEntity() const;
    // The node's context menu (right-click or the Menu key on the graph): open the run, operation
    // or proposal, centre the graph on the node, expand it, copy its id. Null for no node; the
    // caller owns the menu.
    QMenu *createNodeMenu(const QString &sceneId);

    void setDepths(int upstream, int downstream);
    int upstreamDepth() const;
    int downstreamDepth() const;
    void setNodeCap(int cap);
    int nodeCap() const;

    // Expands the node (both directions, up to the node cap of new nodes).
    void expandNode(const QString &id);
    // Selects the next visible node whose id contains `text` (case-insensitive) after the
    // selected one and scrolls to it; false when none does.
    bool findNode(const QString &text);
    void selectNode(const QString &id);

    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }

    // The whole graph, on the palette's base colour. False (and `error`) when the file could not
    // be written.
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportSvg(const QString &path, QString *error = nullptr);

    bool isLoading() const;
    LineageGraphView *view() const { return m_view; }
    QGraphicsScene *scene() const { return m_scene; }
    // Drawn nodes by entity id; "N more" nodes under LineageNodeItem::moreNodeId(parent).
    LineageNodeItem *nodeItem(const QString &id) const { return m_items.value(id); }
    QStringList nodeIds() const;
    int edgeItemCount() const;
    // The graph drawn (its nodes and edges; the "more" nodes stand for its left-out neighbours).
    const LineageGraph &lineageGraph() const { return m_graph; }
    // Timings of the last relayout: dot on the worker, building the scene on the UI thread.
    qint64 lastLayoutMs() const { return m_lastLayoutMs; }
    qint64 lastSceneBuildMs() const { return m_lastSceneBuildMs; }

    QAction *backAction() const { return m_backAction; }
    QAction *forwardAction() const { return m_forwardAction; }

public Q_SLOTS:
    void goBack();
    void goForward();
    void reload();
    // Stops waiting for the load or expansion in flight; the graph on screen stays.
    void cancelLoading();

Q_SIGNALS:
    // A new layout is on screen.
    void graphChanged();
    void selectedEntityChanged(const QString &id);
    void loadFailed(const dpm::Error &error);
    void loadingChanged(bool loading);
    void openRunRequested(const QString &runId);
    void openOperationRequested(const QString &operationId);
    void openProposalRequested(const QString &proposalId);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct DrawnEdge
    {
        QString source;
        QString target;
        QString label;
        QString toolTip;
        bool dashed = false;
    };
    // What a worker prepares: the neighbourhood, every node's text and size, and the layout.
    struct Prepared
    {
        LineageGraph graph;
        QList<LineageNodeItem::Content> nodes;
        QList<DrawnEdge> edges;
        GraphvizLayout::Result layout;
        qint64 layoutMs = 0;
    };
    enum class Operation { Load, Expand };

    void request(Operation operation, const QString &id);
    static Prepared prepare(
        const LineageGraph &graph, const QFont &titleFont, const QFont &idFont, const QFont &labelFont);
    void apply(const Prepared &prepared, const QString &anchorId);
    void buildScene(const QPointF &offset);
    void updateNavigation();
    void nodeActivated(LineageNodeItem *item);
    void updateStatus();

    QPointer<StoreSession> m_session;
    RequestTracker *m_request; // the load or expansion being read and laid out
    QString m_focusId;
    QStringList m_back;
    QStringList m_forward;
    LineageGraph m_graph;
    Prepared m_prepared;
    QPointF m_offset; // added to the layout's coordinates so that the focus stays put
    QHash<QString, LineageNodeItem *> m_items;
    qint64 m_lastLayoutMs = 0;
    qint64 m_lastSceneBuildMs = 0;
    QFont m_titleFont;
    QFont m_idFont;
    QFont m_labelFont;

    QSpinBox *m_upstream;
    QSpinBox *m_downstream;
    QSpinBox *m_nodeCap;
    QAction *m_backAction;
    QAction *m_forwardAction;
    QLabel *m_status;
    QPushButton *m_cancel;
    QString m_focusBeforeLoad; // restored when a load is cancelled
    QGraphicsScene *m_scene;
    LineageGraphView *m_view;
};

} // namespace dpm
