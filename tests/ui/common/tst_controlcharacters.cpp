// Stored text with control characters or bidi overrides is shown visibly in tables and detail
// fields (printableText), never handed raw to the text engine; copying still takes the value.
#include "common/copyablefield.h"
#include "common/jsontreemodel.h"
#include "common/preparedtablemodel.h"
#include "listing/listrows.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLineEdit>
#include <QtTest>

using namespace dpm;

namespace {

const QString kHostile = QStringLiteral("ok\x1b[2J\x1b]0;owned\x07\u009b\u202Eevil");

bool hasRawControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() == 0x1b || c.unicode() == 0x07 || c.unicode() == 0x9b || c.unicode() == 0x202e;
    });
}

class OneRowModel : public PreparedTableModel
{
public:
    OneRowModel()
        : PreparedTableModel({ QStringLiteral("Comment") })
    {
        setRows({ { kHostile } });
    }
};

} // namespace

class TestControlCharacters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preparedTable_showsControlsVisibly()
    {
        OneRowModel model;
        QAbstractItemModelTester tester(&model);
        const QString shown = model.data(model.index(0, 0)).toString();
        QVERIFY2(!hasRawControl(shown), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("\\x1b[2J")));
        QVERIFY(shown.contains(QLatin1String("\\u202e")));
        QVERIFY(!hasRawControl(model.data(model.index(0, 0), Qt::ToolTipRole).toString()));
        QCOMPARE(model.cellText(0, 0), kHostile); // copy takes what is stored
    }

    void listRows_showControlsVisibly()
    {
        const WorkflowDecision decision { QStringLiteral("wd_1"), QStringLiteral("rr_1"), QStringLiteral("APPROVE"),
            QStringLiteral("OK"), kHostile, QStringLiteral("actor\x1b[31m"), QStringLiteral("2026-02-20T12:00:00+00:00"),
            QStringLiteral("corr") };
        const ListRow row = decisionListRow(decision);
        for (const QString &cell : row.display)
            QVERIFY2(!hasRawControl(cell) && !cell.contains(QChar(0x1b)), qPrintable(cell));
        QVERIFY(row.values.contains(kHostile));
    }

    void jsonTree_showsStringValuesVisibly()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model);
        model.setJson(QJsonObject { { QStringLiteral("comment"), kHostile } });
        QModelIndex value;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex root = model.index(row, JsonTreeModel::KeyColumn);
            for (int child = 0; child < model.rowCount(root); ++child)
                value = model.index(child, JsonTreeModel::ValueColumn, root);
            if (!value.isValid())
                value = model.index(row, JsonTreeModel::ValueColumn);
        }
        const QString shown = model.data(value).toString();
        QVERIFY2(shown.contains(QLatin1String("\\x1b[2J")) && !hasRawControl(shown), qPrintable(shown));
    }

    void copyableField_showsControlsVisiblyAndCopiesTheValue()
    {
        CopyableField field(QStringLiteral("comment"));
        field.setValue(kHostile);
        QVERIFY2(!hasRawControl(field.lineEdit()->text()), qPrintable(field.lineEdit()->text()));
        QCOMPARE(field.value(), kHostile);
        field.copy();
        QCOMPARE(QGuiApplication::clipboard()->text(), kHostile);
    }
};

QTEST_MAIN(TestControlCharacters)
#include "tst_controlcharacters.moc"
