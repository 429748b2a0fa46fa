// Stored text reaches terminals and tables only as visible text: control characters and bidi
// overrides become escapes, so a comment cannot clear a screen or set a window title.
#include "domain/printabletext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dpm;

class TestPrintableText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printableText_escapesControls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "rr_1 ok é 日本" << "rr_1 ok é 日本";
        QTest::newRow("clear screen") << "a\x1b[2Jb" << "a\\x1b[2Jb";
        QTest::newRow("title (OSC … BEL)") << "\x1b]0;owned\x07" << "\\x1b]0;owned\\x07";
        QTest::newRow("NUL, DEL") << QStringLiteral("a\u0000b\u007f") << "a\\x00b\\u007f";
        QTest::newRow("C1 CSI") << QStringLiteral("a\u009b2J") << "a\\u009b2J";
        QTest::newRow("bidi override") << QStringLiteral("abc\u202Etxt.exe") << "abc\\u202etxt.exe";
        QTest::newRow("isolates, marks") << QStringLiteral("\u2066\u2069\u200f") << "\\u2066\\u2069\\u200f";
        QTest::newRow("line breaks") << "a\nb\tc\rd" << "a\\nb\\tc\\rd";
    }
    void printableText_escapesControls()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(printableText(text), expected);
    }

    void printableText_keepLineBreaks_keepsLinesAndTabsOnly()
    {
        QCOMPARE(printableText(QStringLiteral("a\nb\tc\r\x1b"), LineBreaks::Keep), QStringLiteral("a\nb\tc\\r\\x1b"));
    }

    void printableText_ofJson_isStillTheSameJson()
    {
        const QJsonObject object { { QStringLiteral("comment"),
            QStringLiteral("\x1b[2J\u009b\u202e\u007f end") } };
        const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
        const QString shown = printableText(QString::fromUtf8(json), LineBreaks::Keep);
        QVERIFY(!shown.contains(QChar(0x1b)) && !shown.contains(QChar(0x9b)) && !shown.contains(QChar(0x202e)));
        QCOMPARE(QJsonDocument::fromJson(shown.toUtf8()).object(), object);
    }
};

QTEST_GUILESS_MAIN(TestPrintableText)
#include "tst_printabletext.moc"
