#include "domain/canonicaljson.h"
#include "domain/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace dpm;

// Expected texts were produced by Python's json.dumps(v, sort_keys=True, separators=(",", ":")),
// which is what the service stores and hashes.
class TestCanonicalJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canonicalizeJsonText_matchesPython_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("sorted keys, no spaces")
            << QByteArray(R"({"b": 1, "a": [1.5, "x"]})") << QByteArray(R"({"a":[1.5,"x"],"b":1})");
        QTest::newRow("non-ascii escaped") << QByteArray("\"\xc3\xa9\"") << QByteArray(R"("\u00e9")");
        QTest::newRow("astral as surrogates") << QByteArray("\"\xf0\x9f\x98\x80\"") << QByteArray(R"("\ud83d\ude00")");
        QTest::newRow("controls and DEL") << QByteArray(R"("\u007f\n\t\u0001")") << QByteArray(R"("\u007f\n\t\u0001")");
        QTest::newRow("keys by code point")
            << QByteArray(R"({"\u00e9":1,"z":2,"A":3})") << QByteArray(R"({"A":3,"z":2,"\u00e9":1})");
        QTest::newRow("small float exponent") << QByteArray("1e-05") << QByteArray("1e-05");
        QTest::newRow("float 1e-4 stays plain") << QByteArray("0.0001") << QByteArray("0.0001");
        QTest::newRow("big float exponent") << QByteArray("1e16") << QByteArray("1e+16");
        QTest::newRow("float below 1e16 plain") << QByteArray("1e15") << QByteArray("1000000000000000.0");
        QTest::newRow("integral float keeps .0") << QByteArray("100.0") << QByteArray("100.0");
        QTest::newRow("shortest repr") << QByteArray("0.1") << QByteArray("0.1");
        QTest::newRow("long mantissa") << QByteArray("123456789012345678.0") << QByteArray("1.2345678901234568e+17");
        QTest::newRow("negative small") << QByteArray("-2.5e-7") << QByteArray("-2.5e-07");
        QTest::newRow("integer") << QByteArray("42") << QByteArray("42");
        QTest::newRow("literals") << QByteArray("[true, false, null]") << QByteArray("[true,false,null]");
        QTest::newRow("decimal strings untouched")
            << QByteArray(R"({"amount":"4500.00"})") << QByteArray(R"({"amount":"4500.00"})");
    }
    void canonicalizeJsonText_matchesPython()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(canonicalizeJsonText(input), expected);
    }

    void canonicalizeJsonText_dropKey_removesAtEveryDepth()
    {
        const QByteArray text
            = R"({"evidence":{"hashes":{"artifact_hash":"x","request_hash":"r"}},"artifact_hash":"y","l":[{"artifact_hash":1}]})";
        QCOMPARE(canonicalizeJsonText(text, [](const QString &k) { return k == QLatin1String("artifact_hash"); }),
            QByteArray(R"({"evidence":{"hashes":{"request_hash":"r"}},"l":[{}]})"));
    }

    void canonicalizeJsonText_numbersAsPythonReprintsThem()
    {
        QCOMPARE(canonicalizeJsonText("-0"), QByteArray("0"));
        QCOMPARE(canonicalizeJsonText("123456789012345678901234567890"), QByteArray("123456789012345678901234567890"));
        QCOMPARE(canonicalizeJsonText(R"({"a":1,"a":2})"), QByteArray(R"({"a":2})"));
        QCOMPARE(canonicalizeJsonText(R"("a\/b")"), QByteArray(R"("a/b")"));
    }

    void sha256Hash_isPrefixedHexOfCanonicalText()
    {
        const QJsonObject value { { QStringLiteral("b"), QJsonArray { true, QJsonValue::Null } },
            { QStringLiteral("a"), 1 } };
        QCOMPARE(sha256Hash(value),
            QStringLiteral("sha256:1cc69c7fa23616ca2ec3ee70d24390a6225c8832db8a4c814c7e0e7f942f8668"));
    }

    void canonicalizeJsonText_notJson_throwsInvalidJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("broken object") << QByteArray("{not json");
        // Numbers outside JSON's grammar, found by tests/fuzz/fuzz_canonicaljson (Python's
        // json.loads rejects them all; the reader used to copy them through).
        QTest::newRow("leading zero float") << QByteArray("01e40");
        QTest::newRow("leading zero fraction") << QByteArray("[00.5]");
        QTest::newRow("plus sign") << QByteArray("+1");
        QTest::newRow("minus inside") << QByteArray("1-2");
        QTest::newRow("no fraction digits") << QByteArray("1.");
        QTest::newRow("no exponent digits") << QByteArray("1e");
        QTest::newRow("short \\u escape with NULs") << QByteArray("\"\\ud\0\0\0ll0\"", 11);
        QTest::newRow("signed \\u escape") << QByteArray("\"\\u+04a\"");
        QTest::newRow("exponent sign only") << QByteArray("{\"a\":2E+}");
    }
    void canonicalizeJsonText_notJson_throwsInvalidJson()
    {
        QFETCH(QByteArray, text);
        try {
            const QByteArray out = canonicalizeJsonText(text);
            QFAIL(qPrintable(QStringLiteral("expected INVALID_JSON, got ") + QString::fromUtf8(out)));
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_JSON"));
        }
    }

    void parseJsonText_acceptsScalarsAndRejectsGarbage()
    {
        QCOMPARE(parseJsonText(QStringLiteral("\"READY\"")).toString(), QStringLiteral("READY"));
        QVERIFY(parseJsonText(QStringLiteral("<html>")).isUndefined());
        QVERIFY(parseJsonText(QStringLiteral("1 2")).isUndefined());
    }
};

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
