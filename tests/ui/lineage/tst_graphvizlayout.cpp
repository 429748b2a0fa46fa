// GraphvizLayout: dot's layered layout read back into scene coordinates — ranks ordered along
// the rank direction, distinct positions, edges with spline points and labels, and a 500-node
// graph laid out (with its time printed), also from several threads at once.

#include "lineage/graphvizlayout.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace dpm;

namespace {

GraphvizLayout::Input chain(int length, GraphvizLayout::RankDirection direction)
{
    GraphvizLayout::Input input;
    input.direction = direction;
    for (int i = 0; i < length; ++i)
        input.nodes << GraphvizLayout::Node { QStringLiteral("n%1").arg(i), QSizeF(120, 36) };
    for (int i = 0; i + 1 < length; ++i)
        input.edges << GraphvizLayout::Edge { QStringLiteral("n%1").arg(i), QStringLiteral("n%1").arg(i + 1),
            QStringLiteral("replayed_from") };
    return input;
}

bool distinct(const QList<QPointF> &points)
{
    QSet<QString> seen;
    for (const QPointF &p : points)
        seen.insert(QStringLiteral("%1,%2").arg(p.x()).arg(p.y()));
    return seen.size() == points.size();
}

} // namespace

class TestGraphvizLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_chainLeftToRight_ranksGrowAlongX()
    {
        const GraphvizLayout::Result result
            = GraphvizLayout::layout(chain(4, GraphvizLayout::RankDirection::LeftToRight));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.nodeCentres.size(), 4);
        QVERIFY(distinct(result.nodeCentres));
        for (int i = 0; i + 1 < 4; ++i)
            QVERIFY(result.nodeCentres.at(i).x() + 120 <= result.nodeCentres.at(i + 1).x());
        QCOMPARE(result.edges.size(), 3);
        for (const GraphvizLayout::PlacedEdge &edge : result.edges) {
            QVERIFY(edge.points.size() >= 4);
            QCOMPARE((edge.points.size() - 1) % 3, 0);
            QVERIFY(edge.arrowHead.has_value());
            QVERIFY(edge.labelPosition.has_value());
        }
        for (const QPointF &p : result.nodeCentres)
            QVERIFY(result.boundingRect.contains(p));
    }

    void layout_chainTopToBottom_ranksGrowDownwards()
    {
        const GraphvizLayout::Result result
            = GraphvizLayout::layout(chain(3, GraphvizLayout::RankDirection::TopToBottom));
        QVERIFY(result.ok);
        QVERIFY(result.nodeCentres.at(0).y() + 36 <= result.nodeCentres.at(1).y());
        QVERIFY(result.nodeCentres.at(1).y() + 36 <= result.nodeCentres.at(2).y());
    }

    void layout_fan_leavesShareARankAndDoNotOverlap()
    {
        GraphvizLayout::Input input;
        input.nodes << GraphvizLayout::Node { QStringLiteral("hub"), QSizeF(100, 40) };
        for (int i = 0; i < 8; ++i) {
            input.nodes << GraphvizLayout::Node { QStringLiteral("leaf%1").arg(i), QSizeF(100, 40) };
            input.edges << GraphvizLayout::Edge { QStringLiteral("hub"), QStringLiteral("leaf%1").arg(i), {} };
        }
        const GraphvizLayout::Result result = GraphvizLayout::layout(input);
        QVERIFY(result.ok);
        QVERIFY(distinct(result.nodeCentres));
        const double leafX = result.nodeCentres.at(1).x();
        for (int i = 1; i <= 8; ++i) {
            QCOMPARE(result.nodeCentres.at(i).x(), leafX);
            QVERIFY(result.nodeCentres.at(0).x() < leafX);
            for (int j = i + 1; j <= 8; ++j)
                QVERIFY(std::abs(result.nodeCentres.at(i).y() - result.nodeCentres.at(j).y()) >= 40);
            QVERIFY(!result.edges.at(i - 1).points.isEmpty());
            QVERIFY(!result.edges.at(i - 1).labelPosition.has_value()); // no label asked for
        }
    }

    void layout_edgeToUnknownNode_isIgnored()
    {
        GraphvizLayout::Input input = chain(2, GraphvizLayout::RankDirection::LeftToRight);
        input.edges << GraphvizLayout::Edge { QStringLiteral("n0"), QStringLiteral("missing"), {} };
        const GraphvizLayout::Result result = GraphvizLayout::layout(input);
        QVERIFY(result.ok);
        QCOMPARE(result.edges.size(), 2);
        QVERIFY(result.edges.at(1).points.isEmpty());
    }

    void layout_empty_isOk()
    {
        const GraphvizLayout::Result result = GraphvizLayout::layout({});
        QVERIFY(result.ok);
        QVERIFY(result.nodeCentres.isEmpty());
    }

    void layout_500Nodes_completes()
    {
        // A tree of 500 lineage-like nodes: each run fans out to a few others, labels on edges.
        GraphvizLayout::Input input;
        for (int i = 0; i < 500; ++i) {
            input.nodes << GraphvizLayout::Node { QStringLiteral("n%1").arg(i), QSizeF(190, 34) };
            if (i > 0)
                input.edges << GraphvizLayout::Edge { QStringLiteral("n%1").arg((i - 1) / 4),
                    QStringLiteral("n%1").arg(i), QStringLiteral("derived_from") };
        }
        QElapsedTimer timer;
        timer.start();
        const GraphvizLayout::Result result = GraphvizLayout::layout(input);
        qInfo("500 nodes, 499 labelled edges: dot layout %lld ms", timer.elapsed());
        QVERIFY(result.ok);
        QCOMPARE(result.nodeCentres.size(), 500);
        QVERIFY(distinct(result.nodeCentres));
    }

    void layout_fromSeveralThreads_takesTurns()
    {
        QList<QFuture<GraphvizLayout::Result>> futures;
        for (int i = 0; i < 4; ++i) {
            futures << QtConcurrent::run(
                [] { return GraphvizLayout::layout(chain(30, GraphvizLayout::RankDirection::LeftToRight)); });
        }
        const GraphvizLayout::Result first = futures.first().result();
        for (QFuture<GraphvizLayout::Result> &future : futures) {
            const GraphvizLayout::Result result = future.result();
            QVERIFY(result.ok);
            QCOMPARE(result.nodeCentres, first.nodeCentres); // dot is deterministic
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphvizLayout)
#include "tst_graphvizlayout.moc"
