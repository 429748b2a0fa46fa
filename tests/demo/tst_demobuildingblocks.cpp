// The demo generator's building blocks, without a store: its random numbers and ids, microsecond
// timestamps, the canonical JSON text writer and COPY's text escaping.

#include "demo/demorandom.h"
#include "demo/jsontextwriter.h"
#include "domain/canonicaljson.h"
#include "domain/timestamp.h"
#include "store/sqlbulkloader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace dpm;

class DemoBuildingBlocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoRandom_matchesXoshiroReference();
    void demoRandom_sameSeed_sameSequence();
    void demoRandom_below_staysInRangeAndCoversIt();
    void permute32_isCollisionFreeOverAMillionCounters();
    void permute48_isCollisionFreeAndKeyed();
    void appendHex_padsToDigits();
    void formatTimestampMicros_matchesFormatTimestampForMilliseconds();
    void formatTimestampMicros_keepsMicrosecondsAndDropsZeroFraction();
    void timestampMicros_roundTripsAndRejectsText();
    void jsonTextWriter_matchesCanonicalJson();
    void jsonTextWriter_escapesLikePython();
    void appendDecimal_writesFixedScale();
    void appendCopyTextField_escapesBackslashTabNewlineAndNull();
};

void DemoBuildingBlocks::demoRandom_matchesXoshiroReference()
{
    // splitmix64 from 0 (its published first outputs) seeds xoshiro256**; the outputs below come
    // from an independent implementation of the reference algorithms. The demo data depends on
    // this exact sequence, so it must never change.
    quint64 state = 0;
    QCOMPARE(splitMix64(state), Q_UINT64_C(0xe220a8397b1dcdaf));
    QCOMPARE(splitMix64(state), Q_UINT64_C(0x6e789e6aa1b965f4));
    DemoRandom rng(0);
    QCOMPARE(rng.next(), Q_UINT64_C(0x99ec5f36cb75f2b4));
    QCOMPARE(rng.next(), Q_UINT64_C(0xbf6e1f784956452a));
    QCOMPARE(rng.next(), Q_UINT64_C(0x1a5f849d4933e6e0));
}

void DemoBuildingBlocks::demoRandom_sameSeed_sameSequence()
{
    DemoRandom a(42);
    DemoRandom b(42);
    DemoRandom c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const quint64 x = a.next();
        QCOMPARE(b.next(), x);
        differs = differs || c.next() != x;
    }
    QVERIFY(differs);
}

void DemoBuildingBlocks::demoRandom_below_staysInRangeAndCoversIt()
{
    DemoRandom rng(7);
    QList<int> seen(10, 0);
    for (int i = 0; i < 10000; ++i) {
        const quint64 v = rng.below(10);
        QVERIFY(v < 10);
        ++seen[int(v)];
    }
    for (const int n : seen)
        QVERIFY2(n > 800 && n < 1200, qPrintable(QString::number(n)));
    for (int i = 0; i < 1000; ++i) {
        const qint64 v = rng.between(-3, 3);
        QVERIFY(v >= -3 && v <= 3);
    }
    QCOMPARE(rng.below(1), quint64(0));
}

void DemoBuildingBlocks::permute32_isCollisionFreeOverAMillionCounters()
{
    QSet<quint32> seen;
    seen.reserve(1000000);
    for (quint32 i = 0; i < 1000000; ++i)
        seen.insert(permute32(i, 0x1234567890abcdefULL));
    QCOMPARE(seen.size(), 1000000);
}

void DemoBuildingBlocks::permute48_isCollisionFreeAndKeyed()
{
    QSet<quint64> seen;
    for (quint64 i = 0; i < 200000; ++i) {
        const quint64 v = permute48(i, 99);
        QVERIFY(v < (quint64(1) << 48));
        seen.insert(v);
    }
    QCOMPARE(seen.size(), 200000);
    QVERIFY(permute48(5, 1) != permute48(5, 2));
}

void DemoBuildingBlocks::appendHex_padsToDigits()
{
    QByteArray out("rr_");
    appendHex(out, 0xab, 8);
    QCOMPARE(out, QByteArray("rr_000000ab"));
    QByteArray wide;
    appendHex(wide, 0xffffffffffffffffULL, 16);
    QCOMPARE(wide, QByteArray("ffffffffffffffff"));
}

void DemoBuildingBlocks::formatTimestampMicros_matchesFormatTimestampForMilliseconds()
{
    // Leap days, year and month ends, the epoch and before it.
    const QList<QDateTime> moments { QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(2025, 12, 31), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(2026, 3, 1), QTime(12, 30, 5, 7), Qt::UTC), QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(1969, 12, 31), QTime(23, 0, 0, 500), Qt::UTC),
        QDateTime(QDate(2000, 2, 29), QTime(1, 2, 3), Qt::UTC), QDateTime(QDate(2100, 3, 1), QTime(4, 5, 6), Qt::UTC) };
    for (const QDateTime &moment : moments)
        QCOMPARE(formatTimestampMicros(moment.toMSecsSinceEpoch() * 1000), formatTimestamp(moment));
}

void DemoBuildingBlocks::formatTimestampMicros_keepsMicrosecondsAndDropsZeroFraction()
{
    const qint64 base = QDateTime(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
    QCOMPARE(formatTimestampMicros(base), QStringLiteral("2026-02-20T12:00:00+00:00"));
    QCOMPARE(formatTimestampMicros(base + 123456), QStringLiteral("2026-02-20T12:00:00.123456+00:00"));
    QCOMPARE(formatTimestampMicros(base + 1), QStringLiteral("2026-02-20T12:00:00.000001+00:00"));
}

void DemoBuildingBlocks::timestampMicros_roundTripsAndRejectsText()
{
    const QString text = QStringLiteral("2026-02-20T12:00:00.123456+00:00");
    const auto micros = timestampMicros(text);
    QVERIFY(micros);
    QCOMPARE(formatTimestampMicros(*micros), text);
    QCOMPARE(timestampMicros(QStringLiteral("2026-02-20T20:00:00+08:00")),
        timestampMicros(QStringLiteral("2026-02-20T12:00:00Z")));
    QCOMPARE(formatTimestampMicros(*timestampMicros(QStringLiteral("1969-12-31T23:59:59.250000+00:00"))),
        QStringLiteral("1969-12-31T23:59:59.250000+00:00"));
    QVERIFY(!timestampMicros(QStringLiteral("yesterday")));
}

void DemoBuildingBlocks::jsonTextWriter_matchesCanonicalJson()
{
    QByteArray out;
    JsonTextWriter w(out);
    w.beginObject()
        .key("a")
        .beginArray()
        .integer(1)
        .string("x")
        .null()
        .boolean(true)
        .beginObject()
        .endObject()
        .beginArray()
        .endArray()
        .endArray()
        .moneyField("b", -1250, "SGD")
        .field("c", "text")
        .rawField("d", "{\"k\":[1,2]}")
        .endObject();
    const QJsonObject expected {
        { QStringLiteral("a"),
            QJsonArray { 1, QStringLiteral("x"), QJsonValue::Null, true, QJsonObject {}, QJsonArray {} } },
        { QStringLiteral("b"),
            QJsonObject { { QStringLiteral("amount"), QStringLiteral("-12.50") },
                { QStringLiteral("currency"), QStringLiteral("SGD") } } },
        { QStringLiteral("c"), QStringLiteral("text") },
        { QStringLiteral("d"), QJsonObject { { QStringLiteral("k"), QJsonArray { 1, 2 } } } }
    };
    QCOMPARE(out, canonicalJson(expected));
    QCOMPARE(canonicalizeJsonText(out), out);
}

void DemoBuildingBlocks::jsonTextWriter_escapesLikePython()
{
    const QString tricky = QStringLiteral("q\"b\\s/n\nt\tc\x01 é \U0001F600");
    QByteArray out;
    JsonTextWriter(out).beginArray().string(tricky.toUtf8()).endArray();
    QCOMPARE(out, canonicalJson(QJsonArray { tricky }));
}

void DemoBuildingBlocks::appendDecimal_writesFixedScale()
{
    const auto decimal = [](qint64 units, int scale) {
        QByteArray out;
        appendDecimal(out, units, scale);
        return out;
    };
    QCOMPARE(decimal(450000, 2), QByteArray("4500.00"));
    QCOMPARE(decimal(5, 2), QByteArray("0.05"));
    QCOMPARE(decimal(-1250, 2), QByteArray("-12.50"));
    QCOMPARE(decimal(4591, 4), QByteArray("0.4591"));
    QCOMPARE(decimal(7, 0), QByteArray("7"));
    QCOMPARE(decimal(0, 2), QByteArray("0.00"));
}

void DemoBuildingBlocks::appendCopyTextField_escapesBackslashTabNewlineAndNull()
{
    const auto field = [](const QByteArray &value) {
        QByteArray out;
        appendCopyTextField(out, value);
        return out;
    };
    QCOMPARE(field(QByteArray()), QByteArray("\\N"));
    QCOMPARE(field(QByteArray("")), QByteArray(""));
    QCOMPARE(field("a\tb\nc\rd\\e"), QByteArray("a\\tb\\nc\\rd\\\\e"));
    QCOMPARE(field("\\N"), QByteArray("\\\\N")); // the text "\N", not NULL
    QCOMPARE(field("plain {\"json\":1}"), QByteArray("plain {\"json\":1}"));
}

QTEST_GUILESS_MAIN(DemoBuildingBlocks)
#include "tst_demobuildingblocks.moc"
