// JsonTreeModel (and the JsonTreeView over it): the tree of a JSON document, its paths, search,
// truncation and copy-as-JSON; every model under QAbstractItemModelTester.

#include "common/entitylink.h"
#include "common/jsontreemodel.h"
#include "common/jsontreeview.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>

using namespace dpm;

namespace {

QJsonObject sampleDocument()
{
    // Plain literals: moc does not read raw string literals.
    return QJsonDocument::fromJson("{\"result\": {\"status\": \"READY\", \"intents\": ["
                                   "{\"intent_id\": \"oi_1\", \"side\": \"SELL\", \"quantity\": \"45\"},"
                                   "{\"intent_id\": \"oi_2\", \"side\": \"BUY\", \"dependencies\": [\"oi_1\"]}],"
                                   "\"gate_decision\": null, \"odd key\": {\"it's\": true}}, \"count\": 3}")
        .object();
}

QModelIndex child(const JsonTreeModel &model, const QModelIndex &parent, const QString &key)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString() == key)
            return i;
    }
    return {};
}

} // namespace

class TestJsonTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setJson_nestedObjectsAndArrays_buildsTheTree()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(sampleDocument());
        QCOMPARE(model.rowCount(), 2); // count, result (QJsonObject keeps keys sorted)
        const QModelIndex result = child(model, {}, QStringLiteral("result"));
        QVERIFY(result.isValid());
        QCOMPARE(result.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), QStringLiteral("object"));
        QCOMPARE(result.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("{4 keys}"));
        const QModelIndex intents = child(model, result, QStringLiteral("intents"));
        QCOMPARE(model.rowCount(intents), 2);
        const QModelIndex second = model.index(1, 0, intents);
        QCOMPARE(second.data().toString(), QStringLiteral("[1]"));
        const QModelIndex side = child(model, second, QStringLiteral("side"));
        QCOMPARE(side.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("BUY"));
        QCOMPARE(side.parent(), second);
        const QModelIndex gate = child(model, result, QStringLiteral("gate_decision"));
        QCOMPARE(gate.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("null"));
        QCOMPARE(gate.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), QStringLiteral("null"));

        model.setJson(QJsonArray { 1, QStringLiteral("two") });
        QCOMPARE(model.rowCount(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void setJson_scalarRoot_isOneRow()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(QJsonValue(true));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("true"));
        QCOMPARE(model.index(0, 0).data(JsonTreeModel::JsonPathRole).toString(), QStringLiteral("$"));
    }

    void jsonPath_membersAndIndexes_useDotsAndBrackets()
    {
        JsonTreeModel model;
        model.setJson(sampleDocument());
        const QModelIndex result = child(model, {}, QStringLiteral("result"));
        const QModelIndex side
            = child(model, model.index(1, 0, child(model, result, QStringLiteral("intents"))), QStringLiteral("side"));
        QCOMPARE(side.data(JsonTreeModel::JsonPathRole).toString(), QStringLiteral("$.result.intents[1].side"));
        const QModelIndex odd = child(model, child(model, result, QStringLiteral("odd key")), QStringLiteral("it's"));
        QCOMPARE(model.jsonPath(odd), QStringLiteral("$.result['odd key']['it\\'s']"));
    }

    void search_findsKeysAndValues_caseInsensitive_inDocumentOrder()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(sampleDocument());
        QStringList paths;
        for (const QModelIndex &i : model.search(QStringLiteral("oi_1")))
            paths << model.jsonPath(i);
        QCOMPARE(paths,
            QStringList({ QStringLiteral("$.result.intents[0].intent_id"),
                QStringLiteral("$.result.intents[1].dependencies[0]") }));
        QCOMPARE(model.search(QStringLiteral("SIDE")).size(), 2); // keys
        QCOMPARE(model.search(QStringLiteral("sell")).size(), 1); // values
        QVERIFY(model.search(QString()).isEmpty());
        QVERIFY(model.search(QStringLiteral("nothing like this")).isEmpty());

        model.setHighlightText(QStringLiteral("sell"));
        const QModelIndex hit = model.search(QStringLiteral("sell")).constFirst();
        QVERIFY(hit.data(JsonTreeModel::IsMatchRole).toBool());
        model.setHighlightText(QString());
        QVERIFY(!hit.data(JsonTreeModel::IsMatchRole).toBool());
    }

    void longString_isTruncatedForDisplay_fullInRoleAndTooltip()
    {
        JsonTreeModel model;
        const QString longText(1000, QLatin1Char('x'));
        model.setJson(QJsonObject { { QStringLiteral("raw"), longText } });
        const QModelIndex value = model.index(0, JsonTreeModel::ValueColumn);
        QVERIFY(value.data().toString().size() <= JsonTreeModel::kDisplayLimit + 1);
        QCOMPARE(value.data(JsonTreeModel::FullValueRole).toString(), longText);
        QCOMPARE(value.data(Qt::ToolTipRole).toString(), longText);
    }

    void valueAsJson_containersAndScalars_areValidJson()
    {
        JsonTreeModel model;
        model.setJson(sampleDocument());
        const QModelIndex result = child(model, {}, QStringLiteral("result"));
        const QModelIndex intents = child(model, result, QStringLiteral("intents"));
        const QJsonDocument parsed = QJsonDocument::fromJson(model.valueAsJson(intents).toUtf8());
        QCOMPARE(parsed.array(),
            sampleDocument().value(QStringLiteral("result")).toObject().value(QStringLiteral("intents")).toArray());
        const QModelIndex status = child(model, result, QStringLiteral("status"));
        QCOMPARE(model.valueAsJson(status), QStringLiteral("\"READY\""));
        QCOMPARE(model.valueAsText(status), QStringLiteral("READY"));
        QCOMPARE(model.valueAsJson(child(model, {}, QStringLiteral("count"))), QStringLiteral("3"));
    }

    void view_findField_countsMatchesAndJumpsWithEnterAndF3()
    {
        JsonTreeView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(800, 400);
        view.setJson(sampleDocument());
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        view.treeView()->setFocus();
        QTest::keyClick(view.treeView(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(view.searchField()->hasFocus());
        QTest::keyClicks(view.searchField(), QStringLiteral("oi_"));
        QCOMPARE(view.matchStatus(), QStringLiteral("3 matches"));
        QTest::keyClick(view.searchField(), Qt::Key_Return);
        QCOMPARE(view.matchStatus(), QStringLiteral("1 of 3"));
        QCOMPARE(
            view.model()->jsonPath(view.treeView()->currentIndex()), QStringLiteral("$.result.intents[0].intent_id"));
        QVERIFY(view.treeView()->isExpanded(view.treeView()->currentIndex().parent()));
        QTest::keyClick(view.searchField(), Qt::Key_F3);
        QCOMPARE(view.matchStatus(), QStringLiteral("2 of 3"));
        QTest::keyClick(view.searchField(), Qt::Key_F3, Qt::ShiftModifier);
        QTest::keyClick(view.searchField(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(view.matchStatus(), QStringLiteral("3 of 3")); // wraps around

        view.copyPath();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("$.result.intents[1].intent_id"));
        view.copyValueAsJson();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("\"oi_2\""));
    }

    void entityLink_roundTrips_andRejectsOtherText()
    {
        QCOMPARE(
            entityLink(EntityLinkKind::Run, QStringLiteral("rr_1a2b3c4d")), QStringLiteral("dpm://run/rr_1a2b3c4d"));
        const QString odd = QStringLiteral("op/with space?#%:x");
        const QString link = entityLink(EntityLinkKind::Operation, odd);
        QVERIFY(!link.contains(QLatin1Char(' ')));
        QCOMPARE(parseEntityLink(link), (EntityLink { EntityLinkKind::Operation, odd }));
        QCOMPARE(parseEntityLink(QStringLiteral(" dpm://decision/dwd_1 ")),
            (EntityLink { EntityLinkKind::Decision, QStringLiteral("dwd_1") }));
        QVERIFY(!parseEntityLink(QStringLiteral("dpm://planet/x")));
        QVERIFY(!parseEntityLink(QStringLiteral("dpm://run/")));
        QVERIFY(!parseEntityLink(QStringLiteral("rr_1a2b3c4d")));
    }
};

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
