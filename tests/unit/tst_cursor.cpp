#include "domain/cursor.h"
#include "domain/error.h"

#include <QTest>

using namespace dpm;

class TestCursor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_roundTripsConsoleCursor()
    {
        const QString text
            = encodeCursor(CursorListing::Runs, QStringLiteral("2026-02-20T12:00:00+00:00"), QStringLiteral("rr_1"));
        QVERIFY(text.startsWith(QLatin1String("c1.")));
        const auto cursor = decodeCursor(CursorListing::Runs, text);
        QVERIFY(cursor && !cursor->isLegacy());
        QCOMPARE(*cursor->sortKey, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(cursor->id, QStringLiteral("rr_1"));
    }

    void decode_bareIdIsLegacyCursor()
    {
        const auto cursor = decodeCursor(CursorListing::Operations, QStringLiteral("dop_0123456789ab"));
        QVERIFY(cursor && cursor->isLegacy());
        QCOMPARE(cursor->id, QStringLiteral("dop_0123456789ab"));
        QVERIFY(!decodeCursor(CursorListing::Runs, QString()).has_value());
        QVERIFY(!decodeCursor(CursorListing::Runs, std::nullopt).has_value());
    }

    void decode_brokenOrForeign_isInvalidCursor_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not base64") << "c1.!!!";
        QTest::newRow("not json") << QString(QLatin1String("c1.") + QString::fromLatin1(QByteArray("nope").toBase64()));
        QTest::newRow("foreign listing") << encodeCursor(
            CursorListing::Decisions, QStringLiteral("t"), QStringLiteral("d"));
        // PostgreSQL's text cannot hold a NUL: such a key failed in the driver (exit 9) before.
        QTest::newRow("NUL in sort key") << encodeCursor(
            CursorListing::Runs, QStringLiteral("2026-02-20T12:00:00\u0000"), QStringLiteral("rr_1"));
        QTest::newRow("NUL in id") << encodeCursor(
            CursorListing::Runs, QStringLiteral("2026-02-20T12:00:00+00:00"), QStringLiteral("rr\u0000_1"));
        QTest::newRow("escape in id") << encodeCursor(
            CursorListing::Runs, QStringLiteral("t"), QStringLiteral("rr_\x1b[2J"));
        QTest::newRow("invalid UTF-8") << QString(QLatin1String("c1.")
            + QString::fromLatin1(QByteArray("{\"id\":\"\xff\",\"k\":\"t\",\"l\":\"runs\"}")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        QTest::newRow("huge id") << encodeCursor(CursorListing::Runs, QStringLiteral("t"), QString(5000, u'x'));
        QTest::newRow("legacy id with NUL") << QStringLiteral("rr_1\u0000x");
        QTest::newRow("legacy id with escape") << QStringLiteral("rr_1\x1b]0;title\x07");
    }
    void decode_brokenOrForeign_isInvalidCursor()
    {
        QFETCH(QString, text);
        try {
            decodeCursor(CursorListing::Runs, text);
            QFAIL("expected INVALID_CURSOR");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_CURSOR"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCursor)
#include "tst_cursor.moc"
