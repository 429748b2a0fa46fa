#include "domain/error.h"
#include "domain/timestamp.h"

#include <QTest>

using namespace dpm;

class TestTimestamp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizeTimestamp_producesServiceFormat_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("already canonical") << "2026-02-20T12:00:00+00:00"
                                           << "2026-02-20T12:00:00+00:00";
        QTest::newRow("Z suffix") << "2026-02-20T12:00:00Z"
                                  << "2026-02-20T12:00:00+00:00";
        QTest::newRow("no zone is UTC") << "2026-02-20T12:00:00"
                                        << "2026-02-20T12:00:00+00:00";
        QTest::newRow("offset converted") << "2026-02-20T14:30:00+02:30"
                                          << "2026-02-20T12:00:00+00:00";
        QTest::newRow("negative offset across midnight") << "2026-02-19T23:00:00-05:00"
                                                         << "2026-02-20T04:00:00+00:00";
        QTest::newRow("microseconds kept") << "2026-02-20T12:00:00.123456+00:00"
                                           << "2026-02-20T12:00:00.123456+00:00";
        QTest::newRow("milliseconds padded") << "2026-02-20T12:00:00.5Z"
                                             << "2026-02-20T12:00:00.500000+00:00";
        QTest::newRow("zero fraction dropped") << "2026-02-20T12:00:00.000000+00:00"
                                               << "2026-02-20T12:00:00+00:00";
        QTest::newRow("nanoseconds truncated") << "2026-02-20T12:00:00.123456789Z"
                                               << "2026-02-20T12:00:00.123456+00:00";
        QTest::newRow("space separator") << "2026-02-20 12:00:00+00:00"
                                         << "2026-02-20T12:00:00+00:00";
        QTest::newRow("bare date is midnight UTC") << "2026-02-20"
                                                   << "2026-02-20T00:00:00+00:00";
        QTest::newRow("compact offset") << "2026-02-20T13:00:00+0100"
                                        << "2026-02-20T12:00:00+00:00";
    }
    void normalizeTimestamp_producesServiceFormat()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(normalizeTimestamp(input), expected);
    }

    void normalizeTimestamp_rejectsGarbage_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("words") << "yesterday";
        QTest::newRow("bad month") << "2026-13-01";
        QTest::newRow("bad hour") << "2026-02-20T25:00:00Z";
        QTest::newRow("empty") << "";
        // Found by tests/fuzz/fuzz_timestamp: in UTC these fall outside the years 1..9999, whose
        // four digits keep text order equal to time order.
        QTest::newRow("before year 1 in UTC") << "0001-01-01T00:00:00+14:00";
        QTest::newRow("after year 9999 in UTC") << "9999-12-31T23:30:00-01:00";
    }
    void normalizeTimestamp_rejectsGarbage()
    {
        QFETCH(QString, input);
        try {
            normalizeTimestamp(input);
            QFAIL("expected INVALID_TIMESTAMP");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_TIMESTAMP"));
            QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        }
    }

    void formatTimestamp_textOrderIsTimeOrder()
    {
        const QDateTime base(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC);
        QCOMPARE(formatTimestamp(base), QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(formatTimestamp(base.addMSecs(7)), QStringLiteral("2026-02-20T12:00:00.007000+00:00"));
        QVERIFY(formatTimestamp(base) < formatTimestamp(base.addMSecs(7)));
        QVERIFY(formatTimestamp(base.addMSecs(7)) < formatTimestamp(base.addSecs(1)));
    }

    void addSecondsToTimestamp_outOfTheYears1To9999_isInvalidTimestamp()
    {
        try {
            addSecondsToTimestamp(QStringLiteral("0001-01-01T12:00:00+00:00"), -86400);
            QFAIL("expected INVALID_TIMESTAMP");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_TIMESTAMP"));
        }
        QCOMPARE(addSecondsToTimestamp(QStringLiteral("0001-01-02T12:00:00+00:00"), -86400),
            QStringLiteral("0001-01-01T12:00:00+00:00"));
    }

    void addSecondsToTimestamp_keepsMicroseconds()
    {
        QCOMPARE(addSecondsToTimestamp(QStringLiteral("2026-03-01T00:00:00.000123+00:00"), -86400),
            QStringLiteral("2026-02-28T00:00:00.000123+00:00"));
        QCOMPARE(addSecondsToTimestamp(QStringLiteral("2026-02-20T12:00:00+00:00"), -30 * 86400),
            QStringLiteral("2026-01-21T12:00:00+00:00"));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
