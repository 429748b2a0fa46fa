// diffJson: the leaf differences two versions' payloads show in the console's diff and in
// `dpmctl proposals diff`, with unambiguous JSON Pointer paths.
#include "services/proposaldiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace dpm;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList summary(const QList<JsonDifference> &diffs)
{
    QStringList out;
    for (const JsonDifference &d : diffs)
        out << toWire(d.kind) + QLatin1Char(' ') + d.path;
    return out;
}

} // namespace

class TestProposalDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalDocumentsHaveNoDifference()
    {
        const QJsonValue a = json("{\"a\":1,\"b\":[1,{\"c\":null}]}");
        QVERIFY(diffJson(a, a).isEmpty());
    }

    void addedRemovedAndChangedLeaves()
    {
        const QJsonValue a = json("{\"status\":\"READY\",\"gone\":1,\"intents\":[{\"qty\":45},{\"qty\":110}]}");
        const QJsonValue b = json("{\"status\":\"BLOCKED\",\"new\":{\"x\":1},\"intents\":[{\"qty\":50}]}");
        QCOMPARE(summary(diffJson(a, b)),
            (QStringList { QStringLiteral("removed /gone"), QStringLiteral("changed /intents/0/qty"),
                QStringLiteral("removed /intents/1"), QStringLiteral("added /new"), QStringLiteral("changed /status") }));
        const QList<JsonDifference> diffs = diffJson(a, b);
        QCOMPARE(diffs[1].before.toInt(), 45);
        QCOMPARE(diffs[1].after.toInt(), 50);
        QVERIFY(diffs[3].before.isUndefined());
        QCOMPARE(diffs[3].after.toObject().value(QStringLiteral("x")).toInt(), 1);
    }

    void typeChangeIsOneChangeAndKeysAreEscaped()
    {
        const QJsonValue a = json("{\"a/b\":{\"x\":1},\"m~n\":[1]}");
        const QJsonValue b = json("{\"a/b\":[1],\"m~n\":[1,2]}");
        QCOMPARE(summary(diffJson(a, b)),
            (QStringList { QStringLiteral("changed /a~1b"), QStringLiteral("added /m~0n/1") }));
    }

    void jsonOutputOmitsTheMissingSide()
    {
        ProposalVersionDiff diff;
        diff.proposalId = QStringLiteral("pp_1");
        diff.fromVersion = 1;
        diff.toVersion = 2;
        diff.result = diffJson(json("{\"a\":1}"), json("{\"b\":2}"));
        const QJsonObject out = proposalVersionDiffJson(diff);
        const QJsonArray result = out.value(QStringLiteral("result")).toArray();
        QCOMPARE(result.size(), 2);
        QVERIFY(!result[0].toObject().contains(QStringLiteral("after")));
        QVERIFY(!result[1].toObject().contains(QStringLiteral("before")));
        QCOMPARE(out.value(QStringLiteral("to_version")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestProposalDiff)
#include "tst_proposaldiff.moc"
