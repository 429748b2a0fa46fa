// The lineage graph (built once for SQLite and once for PostgreSQL) on demo data plus hand-made
// chains: a run's neighbourhood, expansion by double-click, upstream/downstream depth, the node
// cap's "N more", re-centring and back/forward (the focused node keeping its place through all
// of them), the side panel, Open, find, PNG/SVG export, a cancelled load, and a 500-node
// neighbourhood's layout and scene-build time; and the graph the console draws is the one
// `dpmctl lineage graph` prints (the real binary), at equal and at separate depths.

#include "bundle/runbundlepane.h"
#include "clisupport.h"
#include "demo/demogenerator.h"
#include "lineage/lineagegraphview.h"
#include "lineage/lineagegraphwidget.h"
#include "lineage/lineagenodeitem.h"
#include "lineage/lineagenodepanel.h"
#include "lineage/lineagepage.h"
#include "session/storesession.h"
#include "store/proposalstore.h"
#include "uitestbackend.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGraphicsScene>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace dpm;
using namespace dpm::test;

namespace {

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

void addEdge(SupportStore &store, const QString &source, const QString &type, const QString &target, int minute)
{
    store.appendLineageEdge(LineageEdge { source, type, target,
        QStringLiteral("2024-03-01T10:%1:00+00:00").arg(minute % 60, 2, 10, QLatin1Char('0')),
        QStringLiteral("{\"note\":\"%1\"}").arg(minute) });
}

} // namespace

class TestLineageGraph : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreSession> m_session;
    QString m_richRunId; // a demo run with several edges
    QString m_richRunStatus;

    // Shows `id` and waits for its layout.
    static bool showAndWait(LineageGraphWidget &graph, const QString &id)
    {
        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        graph.showEntity(id);
        return changed.wait(20000);
    }
    // A graph on the test store, on screen, at the given depths.
    void showGraph(LineageGraphWidget &graph, int upstream, int downstream, QSize size = { 900, 600 })
    {
        graph.setSession(m_session.get());
        graph.resize(size);
        graph.show();
        graph.setDepths(upstream, downstream);
    }
    static QPoint onScreen(LineageGraphWidget &graph, const QString &id)
    {
        return graph.view()->mapFromScene(graph.nodeItem(id)->pos());
    }
    static void verifySamePlace(const QPointF &a, const QPointF &b)
    {
        QVERIFY2(std::abs(a.x() - b.x()) < 0.01 && std::abs(a.y() - b.y()) < 0.01,
            qPrintable(QStringLiteral("(%1,%2) != (%3,%4)").arg(a.x()).arg(a.y()).arg(b.x()).arg(b.y())));
    }
    static void doubleClick(LineageGraphWidget &graph, const QString &id)
    {
        QTest::mouseDClick(graph.view()->viewport(), Qt::LeftButton, {}, onScreen(graph, id));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DPM_UI_REQUIRE_BACKEND();
        m_session = std::make_unique<StoreSession>(dpm::test::freshUiTestStore(m_dir, QStringLiteral("ui_lineage")));
        await(m_session->open(OpenOptions { .applyMigrations = true }));
        const auto facts = await(m_session->run([](SupportStore &store) {
            DemoOptions options;
            options.runCount = 80;
            generateDemoData(store, options);
            // A chain ent_a -> ent_b -> ... -> ent_e, a hub with 30 leaves, a 500-node tree.
            const QStringList chain { "ent_a", "ent_b", "ent_c", "ent_d", "ent_e" };
            for (int i = 0; i + 1 < chain.size(); ++i)
                addEdge(store, chain.at(i), QStringLiteral("derived_from"), chain.at(i + 1), i);
            for (int i = 0; i < 30; ++i)
                addEdge(store, QStringLiteral("hub_1"), QStringLiteral("caused_by"),
                    QStringLiteral("leaf_%1").arg(i, 2, 10, QLatin1Char('0')), i);
            for (int i = 1; i < 500; ++i)
                addEdge(store, QStringLiteral("tree_%1").arg((i - 1) / 4), QStringLiteral("derived_from"),
                    QStringLiteral("tree_%1").arg(i), i);
            QPair<QString, QString> rich;
            int best = 0;
            for (const RunListItem &run : store.listRuns({}, PageRequest { 200, {} }).items) {
                const int edges = int(store.listLineageEdges(run.rebalanceRunId).size());
                if (edges > best) {
                    best = edges;
                    rich = { run.rebalanceRunId, run.status };
                }
            }
            return rich;
        }));
        m_richRunId = facts.first;
        m_richRunStatus = facts.second;
        QVERIFY(!m_richRunId.isEmpty());
    }

    void page_demoRun_drawsItsNeighbourhoodTyped()
    {
        LineagePage page;
        page.setSession(m_session.get());
        page.resize(1000, 700);
        page.show();
        QSignalSpy changed(page.graph(), &LineageGraphWidget::graphChanged);
        auto *entity = byName<QLineEdit>(&page, QStringLiteral("Entity id"));
        QVERIFY(entity);
        entity->setFocus();
        QTest::keyClicks(entity, m_richRunId);
        QTest::keyClick(entity, Qt::Key_Return);
        QVERIFY(changed.wait(20000));
        QCOMPARE(page.focusedEntity(), m_richRunId);
        LineageNodeItem *focus = page.graph()->nodeItem(m_richRunId);
        QVERIFY(focus);
        QVERIFY(focus->isFocusNode());
        QCOMPARE(focus->content().kind, LineageNodeKind::Run);
        QCOMPARE(focus->content().status, m_richRunStatus); // coloured by status
        QVERIFY(page.graph()->nodeIds().size() > 2);
        QVERIFY(page.graph()->edgeItemCount() > 0);
        // A correlation node is there (CORRELATION_TO_RUN), drawn as a correlation.
        bool correlation = false;
        for (const QString &id : page.graph()->nodeIds())
            correlation |= page.graph()->nodeItem(id)->content().kind == LineageNodeKind::Correlation;
        QVERIFY(correlation);
    }

    void sidePanel_selectedRun_showsStatus_andOpenEmits()
    {
        LineagePage page;
        page.setSession(m_session.get());
        page.resize(1000, 700);
        page.show();
        QVERIFY(showAndWait(*page.graph(), m_richRunId));
        QSignalSpy loaded(page.nodePanel(), &LineageNodePanel::loaded);
        page.graph()->view()->setFocus();
        QTest::mouseClick(page.graph()->view()->viewport(), Qt::LeftButton, {}, onScreen(*page.graph(), m_richRunId));
        QCOMPARE(page.graph()->selectedEntity(), m_richRunId);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(page.nodePanel()->attribute(QStringLiteral("status")), m_richRunStatus);
        QCOMPARE(page.nodePanel()->attribute(QStringLiteral("rebalance_run_id")), m_richRunId);
        QSignalSpy open(&page, &LineagePage::openRunRequested);
        QTest::mouseClick(page.nodePanel()->openButton(), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), m_richRunId);
    }

    // The node's context menu: "Open run" on a run, no open action on a correlation, and
    // "Centre the graph here" re-centres.
    void nodeMenu_opensTheRun_andCentresOnACorrelation()
    {
        LineageGraphWidget graph;
        showGraph(graph, 2, 2);
        QVERIFY(showAndWait(graph, m_richRunId));
        const auto actionNamed = [](QMenu *menu, const QString &text) -> QAction * {
            for (QAction *action : menu->actions()) {
                if (action->text() == text)
                    return action;
            }
            return nullptr;
        };
        std::unique_ptr<QMenu> runMenu(graph.createNodeMenu(m_richRunId));
        QVERIFY(runMenu);
        QAction *open = actionNamed(runMenu.get(), QStringLiteral("Open run"));
        QVERIFY(open);
        QSignalSpy openRun(&graph, &LineageGraphWidget::openRunRequested);
        open->trigger();
        QCOMPARE(openRun.count(), 1);
        QCOMPARE(openRun.first().first().toString(), m_richRunId);

        QString correlation;
        for (const QString &id : graph.nodeIds()) {
            if (graph.nodeItem(id)->content().kind == LineageNodeKind::Correlation && !graph.nodeItem(id)->isMore())
                correlation = id;
        }
        QVERIFY(!correlation.isEmpty());
        std::unique_ptr<QMenu> correlationMenu(graph.createNodeMenu(correlation));
        QVERIFY(correlationMenu);
        QVERIFY(!actionNamed(correlationMenu.get(), QStringLiteral("Open run")));
        QVERIFY(!actionNamed(correlationMenu.get(), QStringLiteral("Open operation")));
        QAction *centre = actionNamed(correlationMenu.get(), QStringLiteral("Centre the graph here"));
        QVERIFY(centre);
        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        centre->trigger();
        QVERIFY(changed.wait(20000));
        QCOMPARE(graph.focusedEntity(), correlation);
        QVERIFY(!graph.createNodeMenu(QStringLiteral("no_such_node")));
    }

    // A proposal node's panel: each version's created_at and correlation id are rows of their
    // own, and at the page's usual size the value column holds a whole timestamp (never elided).
    void sidePanel_selectedProposal_showsVersionTimestampsWhole()
    {
        const QString proposalId = await(m_session->run([](SupportStore &store) {
            const QList<ProposalRecord> items = store.proposals().listProposals({}, PageRequest { 1, {} }).items;
            return items.isEmpty() ? QString() : items.first().proposalId;
        }));
        QVERIFY(!proposalId.isEmpty());
        LineagePage page;
        page.setSession(m_session.get());
        page.resize(1000, 700);
        page.show();
        QVERIFY(showAndWait(*page.graph(), proposalId));
        QSignalSpy loaded(page.nodePanel(), &LineageNodePanel::loaded);
        page.graph()->selectNode(proposalId);
        QVERIFY(loaded.wait(20000));
        QTreeWidget *tree = page.nodePanel()->attributes();
        const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        const int valueWidth = tree->viewport()->width() - tree->columnWidth(0);
        const QList<QTreeWidgetItem *> versions = tree->findItems(QStringLiteral("version 1"), Qt::MatchExactly);
        QCOMPARE(versions.size(), 1);
        QTreeWidgetItem *version = versions.first();
        QCOMPARE(version->childCount(), 2);
        QCOMPARE(version->child(0)->text(0), QStringLiteral("created_at"));
        QCOMPARE(version->child(1)->text(0), QStringLiteral("correlation_id"));
        for (const QString &stamp : { version->child(0)->text(1), page.nodePanel()->attribute(QStringLiteral("created_at")) }) {
            QVERIFY(stamp.startsWith(QLatin1String("20")));
            QVERIFY2(fixed.horizontalAdvance(stamp) < valueWidth,
                qPrintable(QStringLiteral("%1 px for %2 in %3 px").arg(fixed.horizontalAdvance(stamp)).arg(stamp).arg(valueWidth)));
        }
    }

    void expand_doubleClick_addsNodes_andFocusStaysPut()
    {
        LineageGraphWidget graph;
        showGraph(graph, 1, 1);
        QVERIFY(showAndWait(graph, QStringLiteral("ent_b")));
        QCOMPARE(graph.nodeIds().size(), 3); // ent_a, ent_b, ent_c
        QVERIFY(!graph.nodeItem(QStringLiteral("ent_d")));
        const QPointF scenePos = graph.nodeItem(QStringLiteral("ent_b"))->pos();
        const QPoint screenPos = onScreen(graph, QStringLiteral("ent_b"));
        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        doubleClick(graph, QStringLiteral("ent_c"));
        QVERIFY(changed.wait(20000));
        QVERIFY(graph.nodeItem(QStringLiteral("ent_d")));
        QCOMPARE(graph.focusedEntity(), QStringLiteral("ent_b"));
        verifySamePlace(graph.nodeItem(QStringLiteral("ent_b"))->pos(), scenePos);
        QCOMPARE(onScreen(graph, QStringLiteral("ent_b")), screenPos);
        // Enter on the selected node expands too.
        graph.selectNode(QStringLiteral("ent_d"));
        graph.view()->setFocus();
        QTest::keyClick(graph.view(), Qt::Key_Return);
        QVERIFY(changed.wait(20000));
        QVERIFY(graph.nodeItem(QStringLiteral("ent_e")));
        verifySamePlace(graph.nodeItem(QStringLiteral("ent_b"))->pos(), scenePos);
    }

    void cancel_keepsTheGraphOnScreen_andDropsTheAnswer()
    {
        LineageGraphWidget graph;
        showGraph(graph, 1, 1);
        QVERIFY(showAndWait(graph, QStringLiteral("ent_b")));
        const QStringList before = graph.nodeIds();
        auto *cancel = byName<QPushButton>(&graph, QStringLiteral("Cancel loading the graph"));
        QVERIFY(cancel && !cancel->isVisible());

        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        graph.showEntity(QStringLiteral("ent_d"));
        QVERIFY(graph.isLoading());
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!graph.isLoading());
        QVERIFY(!cancel->isVisible());
        QCOMPARE(graph.focusedEntity(), QStringLiteral("ent_b"));
        QVERIFY(!changed.wait(1000)); // the cancelled layout never replaces the graph
        QCOMPARE(graph.nodeIds(), before);
        QVERIFY(byName<QLabel>(&graph, QStringLiteral("Graph status"))->text().endsWith(QLatin1String("cancelled")));
    }

    void depth_upstreamAndDownstreamSeparately_focusStaysPut()
    {
        LineageGraphWidget graph;
        showGraph(graph, 1, 0);
        QVERIFY(showAndWait(graph, QStringLiteral("ent_c")));
        QCOMPARE(graph.nodeIds(), QStringList({ "ent_c", "ent_b" })); // upstream = sources
        const QPointF scenePos = graph.nodeItem(QStringLiteral("ent_c"))->pos();
        const QPoint screenPos = onScreen(graph, QStringLiteral("ent_c"));

        // Downstream 2 by keyboard, as a person would.
        auto *downstream = byName<QSpinBox>(&graph, QStringLiteral("Downstream depth"));
        QVERIFY(downstream);
        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        downstream->setFocus();
        downstream->selectAll();
        QTest::keyClicks(downstream, QStringLiteral("2"));
        QTest::keyClick(downstream, Qt::Key_Return);
        QVERIFY(changed.wait(20000));
        QStringList ids = graph.nodeIds();
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, QStringList({ "ent_b", "ent_c", "ent_d", "ent_e" }));
        verifySamePlace(graph.nodeItem(QStringLiteral("ent_c"))->pos(), scenePos);
        QCOMPARE(onScreen(graph, QStringLiteral("ent_c")), screenPos);

        auto *upstream = byName<QSpinBox>(&graph, QStringLiteral("Upstream depth"));
        upstream->setValue(0);
        QVERIFY(changed.wait(20000));
        ids = graph.nodeIds();
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, QStringList({ "ent_c", "ent_d", "ent_e" }));
        verifySamePlace(graph.nodeItem(QStringLiteral("ent_c"))->pos(), scenePos);
    }

    void recentre_keepsNewFocusInPlace_andBackForwardRestore()
    {
        LineageGraphWidget graph;
        showGraph(graph, 1, 1);
        QVERIFY(showAndWait(graph, QStringLiteral("ent_b")));
        QVERIFY(!graph.canGoBack());
        const QPointF cPos = graph.nodeItem(QStringLiteral("ent_c"))->pos();
        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        graph.selectNode(QStringLiteral("ent_c"));
        graph.view()->setFocus();
        QTest::keyClick(graph.view(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(changed.wait(20000));
        QCOMPARE(graph.focusedEntity(), QStringLiteral("ent_c"));
        QVERIFY(graph.nodeItem(QStringLiteral("ent_d")));
        QVERIFY(!graph.nodeItem(QStringLiteral("ent_a")));
        verifySamePlace(graph.nodeItem(QStringLiteral("ent_c"))->pos(), cPos);

        QVERIFY(graph.canGoBack());
        QTest::keyClick(graph.view(), Qt::Key_BracketLeft, Qt::AltModifier);
        QVERIFY(changed.wait(20000));
        QCOMPARE(graph.focusedEntity(), QStringLiteral("ent_b"));
        QVERIFY(graph.nodeItem(QStringLiteral("ent_a")));
        QVERIFY(graph.canGoForward());
        QTest::keyClick(graph.view(), Qt::Key_BracketRight, Qt::AltModifier);
        QVERIFY(changed.wait(20000));
        QCOMPARE(graph.focusedEntity(), QStringLiteral("ent_c"));
        QVERIFY(!graph.canGoForward());
    }

    void nodeCap_showsNMore_andExpandingItShowsMore()
    {
        LineageGraphWidget graph;
        showGraph(graph, 0, 1);
        graph.setNodeCap(10);
        QVERIFY(showAndWait(graph, QStringLiteral("hub_1")));
        QCOMPARE(graph.nodeIds().size(), 10);
        LineageNodeItem *more = graph.nodeItem(LineageNodeItem::moreNodeId(QStringLiteral("hub_1")));
        QVERIFY(more);
        QCOMPARE(more->content().moreCount, 21);
        QCOMPARE(more->content().title, QStringLiteral("21 more not shown"));
        QSignalSpy changed(&graph, &LineageGraphWidget::graphChanged);
        doubleClick(graph, LineageNodeItem::moreNodeId(QStringLiteral("hub_1")));
        QVERIFY(changed.wait(20000));
        QCOMPARE(graph.nodeIds().size(), 20);
        more = graph.nodeItem(LineageNodeItem::moreNodeId(QStringLiteral("hub_1")));
        QVERIFY(more);
        QCOMPARE(more->content().moreCount, 11);
    }

    void find_selectsTheNextMatchingNode()
    {
        LineagePage page;
        page.setSession(m_session.get());
        page.resize(1000, 700);
        page.show();
        page.graph()->setDepths(2, 2);
        QVERIFY(showAndWait(*page.graph(), QStringLiteral("ent_c")));
        auto *find = byName<QLineEdit>(&page, QStringLiteral("Find a node"));
        find->setFocus();
        QTest::keyClicks(find, QStringLiteral("ENT_"));
        QTest::keyClick(find, Qt::Key_Return);
        const QString first = page.graph()->selectedEntity();
        QVERIFY(first.startsWith(QStringLiteral("ent_")));
        QTest::keyClick(find, Qt::Key_Return);
        QVERIFY(page.graph()->selectedEntity() != first);
        QVERIFY(!page.graph()->findNode(QStringLiteral("nothing-like-this")));
    }

    void export_pngAndSvg_writeNonEmptyFiles()
    {
        LineageGraphWidget graph;
        graph.setSession(m_session.get());
        graph.resize(900, 600);
        graph.show();
        QVERIFY(showAndWait(graph, m_richRunId));
        const QString png = m_dir.filePath(QStringLiteral("g.png"));
        const QString svg = m_dir.filePath(QStringLiteral("g.svg"));
        QVERIFY(graph.exportPng(png));
        QVERIFY(graph.exportSvg(svg));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        bool mentionsRun = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::Characters)
                mentionsRun |= xml.text().contains(m_richRunId.left(8));
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(mentionsRun);
        QString error;
        QVERIFY(!graph.exportPng(m_dir.filePath(QStringLiteral("no/such/dir/g.png")), &error));
        QVERIFY(!error.isEmpty());
    }

    void bundlePane_graphTab_drawsTheRunWhenFirstShown()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.resize(1000, 700);
        pane.show();
        pane.showRun(m_richRunId);
        QTRY_COMPARE_WITH_TIMEOUT(pane.state(), RunBundlePane::State::Loaded, 20000);
        QVERIFY(pane.graphWidget()->focusedEntity().isEmpty()); // nothing drawn before the tab is shown
        QSignalSpy changed(pane.graphWidget(), &LineageGraphWidget::graphChanged);
        pane.tabs()->setFocus();
        QTest::keyClick(pane.tabs(), Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(pane.tabs()->currentWidget(), pane.graphWidget());
        QVERIFY(changed.wait(20000));
        QVERIFY(pane.graphWidget()->nodeItem(m_richRunId));
        QVERIFY(pane.graphWidget()->nodeItem(m_richRunId)->isFocusNode());
        // Ctrl+1 inside the graph is 1:1 zoom, not the Overview tab.
        pane.graphWidget()->view()->setFocus();
        QTest::keyClick(pane.graphWidget()->view(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(pane.tabs()->currentWidget(), pane.graphWidget());
        QCOMPARE(pane.graphWidget()->view()->zoom(), 1.0);
        // Ctrl+Shift+G: the lineage page on this run; a proposal node's "Open proposal" goes to find.
        QSignalSpy lineage(&pane, &RunBundlePane::lineageRequested);
        QApplication::setActiveWindow(&pane); // the button's shortcut is a window shortcut
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        auto *lineageButton = pane.findChild<QToolButton *>(QStringLiteral("runLineageButton"));
        QVERIFY(lineageButton);
        QTest::keyClick(pane.graphWidget()->view(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(lineage.count(), 1); // a button's shortcut clicks it animated, after 100 ms
        QCOMPARE(lineage.first().first().toString(), m_richRunId);
        QSignalSpy openRun(&pane, &RunBundlePane::openRunRequested);
        std::unique_ptr<QMenu> menu(pane.graphWidget()->createNodeMenu(m_richRunId));
        QVERIFY(menu && !menu->actions().isEmpty());
        menu->actions().first()->trigger(); // "Open run"
        QCOMPARE(openRun.count(), 1);
    }

    void sameGraphAsDpmctl_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<int>("upstream");
        QTest::addColumn<int>("downstream");
        QTest::addColumn<int>("cap");
        QTest::addColumn<bool>("depthOption"); // dpmctl --depth N rather than --up N --down N
        QTest::newRow("demo run, default depths") << m_richRunId << 2 << 2 << 200 << true;
        QTest::newRow("demo run, --depth 3") << m_richRunId << 3 << 3 << 200 << true;
        QTest::newRow("demo run, up 3 down 0") << m_richRunId << 3 << 0 << 200 << false;
        QTest::newRow("demo run, up 1 down 3") << m_richRunId << 1 << 3 << 200 << false;
        QTest::newRow("chain, up 1 down 2") << QStringLiteral("ent_c") << 1 << 2 << 200 << false;
        QTest::newRow("tree, down 3") << QStringLiteral("tree_0") << 0 << 3 << 200 << false;
        QTest::newRow("hub, node cap 10") << QStringLiteral("hub_1") << 0 << 1 << 10 << false;
        QTest::newRow("tree, node cap 30") << QStringLiteral("tree_0") << 2 << 4 << 30 << false;
    }

    void sameGraphAsDpmctl()
    {
        QFETCH(QString, entity);
        QFETCH(int, upstream);
        QFETCH(int, downstream);
        QFETCH(int, cap);
        QFETCH(bool, depthOption);

        LineageGraphWidget graph;
        showGraph(graph, upstream, downstream);
        graph.setNodeCap(cap);
        QVERIFY(showAndWait(graph, entity));
        QStringList consoleNodes;
        for (const LineageGraphNode &node : graph.lineageGraph().nodes())
            consoleNodes << QStringLiteral("%1 %2 %3").arg(node.id, toWire(node.kind)).arg(node.depth);
        QStringList consoleEdges;
        for (const LineageGraphEdge &edge : graph.lineageGraph().edges())
            consoleEdges << QStringLiteral("%1 %2 %3 x%4")
                                .arg(edge.sourceEntityId, edge.edgeType, edge.targetEntityId)
                                .arg(edge.count);
        int moreShown = 0;
        int moreNodes = 0;
        for (const QString &id : graph.lineageGraph().nodesWithHiddenNeighbours()) {
            const LineageNodeItem *more = graph.nodeItem(LineageNodeItem::moreNodeId(id));
            QVERIFY(more);
            moreShown += more->content().moreCount;
            ++moreNodes;
        }

        QStringList args { QStringLiteral("lineage"), QStringLiteral("graph"), entity };
        if (depthOption) {
            QCOMPARE(upstream, downstream);
            args << QStringLiteral("--depth") << QString::number(upstream);
        } else {
            args << QStringLiteral("--up") << QString::number(upstream) << QStringLiteral("--down")
                 << QString::number(downstream);
        }
        args << QStringLiteral("--max-nodes") << QString::number(cap) << QStringLiteral("--store")
             << m_session->location().withoutSecrets() << QStringLiteral("--json");
        QTemporaryDir sandbox;
        const CliResult cli = runDpmctl(args, sandboxEnvironment(sandbox.path()));
        CLI_OK(cli);
        const QJsonObject json = cli.json();
        QStringList cliNodes;
        for (const QJsonValue &value : json.value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject node = value.toObject();
            cliNodes << QStringLiteral("%1 %2 %3")
                            .arg(node.value(QStringLiteral("id")).toString(),
                                node.value(QStringLiteral("kind")).toString())
                            .arg(node.value(QStringLiteral("depth")).toInt());
        }
        QStringList cliEdges;
        for (const QJsonValue &value : json.value(QStringLiteral("edges")).toArray()) {
            const QJsonObject edge = value.toObject();
            cliEdges << QStringLiteral("%1 %2 %3 x%4")
                            .arg(edge.value(QStringLiteral("source_entity_id")).toString(),
                                edge.value(QStringLiteral("edge_type")).toString(),
                                edge.value(QStringLiteral("target_entity_id")).toString())
                            .arg(edge.value(QStringLiteral("count")).toInt());
        }
        QCOMPARE(consoleNodes, cliNodes);
        QCOMPARE(consoleEdges, cliEdges);
        QVERIFY(consoleNodes.size() > 1);
        QCOMPARE(json.value(QStringLiteral("upstream_depth")).toInt(), upstream);
        QCOMPARE(json.value(QStringLiteral("downstream_depth")).toInt(), downstream);
        // What is drawn: those nodes, those edges, and one "N more" node (and dashed edge) per node
        // whose neighbours the cap left out, counting what dpmctl counts as left out.
        QCOMPARE(graph.nodeIds().size(), cliNodes.size());
        QCOMPARE(graph.edgeItemCount(), cliEdges.size() + moreNodes);
        QCOMPARE(moreShown, json.value(QStringLiteral("omitted_node_count")).toInt());
        QCOMPARE(moreShown > 0, json.value(QStringLiteral("truncated")).toBool());
    }

    void neighbourhood500_laysOutOffTheUiThread_andBuildsQuickly()
    {
        LineageGraphWidget graph;
        showGraph(graph, 0, 6, { 1200, 800 });
        graph.setNodeCap(1000);
        QElapsedTimer total;
        total.start();
        QVERIFY(showAndWait(graph, QStringLiteral("tree_0")));
        QCOMPARE(graph.nodeIds().size(), 500);
        QElapsedTimer paint;
        paint.start();
        graph.view()->fitGraph();
        const QPixmap shot = graph.view()->viewport()->grab();
        const qint64 paintMs = paint.elapsed();
        qInfo("500 nodes: load+layout on the worker %lld ms (dot %lld ms), scene build on the UI thread %lld ms, "
              "paint (fit, whole graph) %lld ms",
            total.elapsed(), graph.lastLayoutMs(), graph.lastSceneBuildMs(), paintMs);
        QVERIFY(!shot.isNull());
        QVERIFY2(graph.lastSceneBuildMs() < 1000, "building the scene of 500 nodes froze the UI");
    }
};

DPM_BACKEND_TEST_MAIN(TestLineageGraph)
#include "tst_lineagegraph.moc"
