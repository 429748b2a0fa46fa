// dpmctl events … and outbox … end to end on a migrated store (console/0006), and the outbox
// relay against a local HTTP sink that counts: delivered, failed with backoff, dead after the
// limit, redelivered after a crash between delivering and marking, and (PostgreSQL) two relays
// at once never delivering a row twice. Run twice from this executable: SQLite (cli_events_sqlite)
// and PostgreSQL (cli_events_postgres, DPM_TEST_BACKEND=postgres).

#include "clisupport.h"
#include "countingsink.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "store/supportstore.h"
#include "testbackend.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

const bool kPostgres = testBackend() == TestBackend::Postgres;

namespace {

const QString kRun = QStringLiteral("rr_0000000a");

QStringList stringsOf(const QJsonArray &items, const QString &key)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out << item.toObject().value(key).toString();
    return out;
}

} // namespace

class TestCliEvents : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QString m_store;
    std::optional<StoreLocation> m_location;

    CliResult cli(QStringList args, const QProcessEnvironment &extra = {}) const
    {
        args << QStringLiteral("--store") << m_store << QStringLiteral("--json");
        QProcessEnvironment env = sandboxEnvironment(m_sandbox->path());
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        return runDpmctl(args, env);
    }
    CliResult text(QStringList args) const
    {
        args << QStringLiteral("--store") << m_store;
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }
    // Appends an event with one delivery per topic; returns the JSON of the command.
    QJsonObject append(const QString &key, const QStringList &topics = { QStringLiteral("dpm.run") }) const
    {
        QStringList args { QStringLiteral("events"), QStringLiteral("append"), kRun, QStringLiteral("--type"),
            QStringLiteral("NOTE"), QStringLiteral("--idempotency-key"), key, QStringLiteral("--payload"),
            QStringLiteral("{\"n\": 1}") };
        for (const QString &topic : topics)
            args << QStringLiteral("--topic") << topic;
        const CliResult r = cli(args);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.json();
    }
    QJsonObject stats() const { return cli({ QStringLiteral("outbox"), QStringLiteral("stats") }).json(); }
    QJsonArray deliveries() const
    {
        return cli({ QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1000") })
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    }
    CliResult relayOnce(const CountingSink &sink, QStringList extra = {}, const QProcessEnvironment &env = {}) const
    {
        return cli(QStringList { QStringLiteral("outbox"), QStringLiteral("relay"), QStringLiteral("--sink"), sink.url(),
                       QStringLiteral("--once"), QStringLiteral("--timeout-ms"), QStringLiteral("5000") }
                + extra,
            env);
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        std::optional<StoreLocation> &location = m_location;
        if (kPostgres) {
            DPM_REQUIRE_POSTGRES();
            location = PgServer::instance().createDatabase(QString::fromLatin1(QTest::currentTestFunction()));
            m_store = PgServer::instance().url(location->libpqParameter(QStringLiteral("dbname")));
        } else {
            location = StoreLocation::sqlite(m_sandbox->filePath(QStringLiteral("events.db")));
            m_store = QStringLiteral("sqlite:") + location->sqlitePath();
        }
        try {
            const auto store = openStore(*location, OpenOptions { .applyMigrations = true });
            store->saveRun({ kRun, QStringLiteral("corr_a"), QStringLiteral("sha256:a"), std::nullopt,
                QStringLiteral("pf_A"), QStringLiteral("2026-03-01T10:00:00+00:00"), QStringLiteral("{}") });
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void cleanup() { m_sandbox.reset(); }

    void append_thenAgain_createsOnceAndReturnsTheStoredEvent()
    {
        const QJsonObject first = append(QStringLiteral("k1"), { QStringLiteral("a"), QStringLiteral("b") });
        QCOMPARE(first.value("created").toBool(), true);
        const QJsonObject event = first.value("event").toObject();
        QVERIFY(event.value("event_id").toString().startsWith(QLatin1String("evt_")));
        QCOMPARE(event.value("sequence_no").toInteger(), 1);
        QCOMPARE(event.value("payload").toObject().value("n").toInteger(), 1);
        QCOMPARE(first.value("deliveries").toArray().size(), 2);

        const QJsonObject again = append(QStringLiteral("k1"), { QStringLiteral("c") });
        QCOMPARE(again.value("created").toBool(), false);
        QCOMPARE(again.value("event").toObject().value("event_id"), event.value("event_id"));
        QCOMPARE(again.value("deliveries").toArray().size(), 2);
        QCOMPARE(append(QStringLiteral("k2")).value("event").toObject().value("sequence_no").toInteger(), 2);

        const CliResult listed = cli({ QStringLiteral("events"), QStringLiteral("list"), kRun });
        CLI_OK(listed);
        const QJsonArray events = listed.json().value("events").toArray();
        QCOMPARE(stringsOf(events, QStringLiteral("idempotency_key")), (QStringList { "k1", "k2" }));
        QCOMPARE(events.at(0).toObject().value("deliveries").toArray().size(), 2);
        const CliResult shown = text({ QStringLiteral("events"), QStringLiteral("list"), kRun });
        CLI_OK(shown);
        QVERIFY2(shown.out.contains("a PENDING, b PENDING") || shown.out.contains("b PENDING, a PENDING"), shown.out);
    }

    void append_badInput_isRefusedWithItsCode()
    {
        CliResult r = cli({ QStringLiteral("events"), QStringLiteral("append"), QStringLiteral("rr_none"),
            QStringLiteral("--type"), QStringLiteral("T"), QStringLiteral("--idempotency-key"), QStringLiteral("k"),
            QStringLiteral("--payload"), QStringLiteral("{}") });
        CLI_FAILS(r, 3, "DPM_RUN_NOT_FOUND");
        r = cli({ QStringLiteral("events"), QStringLiteral("append"), kRun, QStringLiteral("--type"), QStringLiteral("T"),
            QStringLiteral("--idempotency-key"), QStringLiteral("k"), QStringLiteral("--payload"), QStringLiteral("{x") });
        CLI_FAILS(r, 5, "INVALID_RUN_EVENT");
        r = cli({ QStringLiteral("events"), QStringLiteral("append"), kRun, QStringLiteral("--payload"), QStringLiteral("{}") });
        CLI_FAILS(r, 2, "USAGE_ERROR");
        r = cli({ QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("LOST") });
        CLI_FAILS(r, 5, "INVALID_OUTBOX_STATUS");
        r = cli({ QStringLiteral("outbox"), QStringLiteral("retry") });
        CLI_FAILS(r, 2, "USAGE_ERROR");
        r = cli({ QStringLiteral("outbox"), QStringLiteral("retry"), QStringLiteral("--id"), QStringLiteral("obx_none") });
        CLI_FAILS(r, 3, "OUTBOX_DELIVERY_NOT_FOUND");
    }

    void list_filtersAndPages()
    {
        for (int i = 0; i < 5; ++i)
            append(QStringLiteral("k%1").arg(i), { i % 2 ? QStringLiteral("odd") : QStringLiteral("even") });
        QStringList walked;
        QStringList args { QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2") };
        std::optional<QString> cursor;
        for (int guard = 0; guard < 10; ++guard) {
            const CliResult page = cli(cursor ? args + QStringList { QStringLiteral("--cursor"), *cursor } : args);
            CLI_OK(page);
            walked += stringsOf(page.json().value("items").toArray(), QStringLiteral("outbox_id"));
            if (page.json().value("next_cursor").isNull())
                break;
            cursor = page.json().value("next_cursor").toString();
        }
        QCOMPARE(walked.size(), 5);
        QCOMPARE(QSet<QString>(walked.cbegin(), walked.cend()).size(), 5);
        const CliResult odd = cli({ QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--topic"),
            QStringLiteral("odd"), QStringLiteral("--run"), kRun, QStringLiteral("--status"), QStringLiteral("PENDING") });
        CLI_OK(odd);
        QCOMPARE(odd.json().value("items").toArray().size(), 2);
    }

    void retryDiscardPurge_previewThenChangeAndAudit()
    {
        const QString id = append(QStringLiteral("k1")).value("deliveries").toArray().at(0).toObject().value("outbox_id").toString();
        CliResult r = cli({ QStringLiteral("outbox"), QStringLiteral("discard"), QStringLiteral("--id"), id,
            QStringLiteral("--reason"), QStringLiteral("consumer retired"), QStringLiteral("--dry-run") });
        CLI_OK(r);
        QCOMPARE(r.json().value("affected").toInteger(), 1);
        QCOMPARE(r.json().value("dry_run").toBool(), true);
        QCOMPARE(stats().value("pending").toInteger(), 1);
        r = cli({ QStringLiteral("outbox"), QStringLiteral("discard"), QStringLiteral("--id"), id, QStringLiteral("--reason"),
            QStringLiteral("consumer retired") });
        CLI_OK(r);
        QCOMPARE(r.json().value("recorded").toBool(), true);
        QCOMPARE(stats().value("dead").toInteger(), 1);
        const CliResult groups = cli({ QStringLiteral("outbox"), QStringLiteral("groups") });
        CLI_OK(groups);
        const QJsonObject group = groups.json().value("groups").toArray().at(0).toObject();
        QCOMPARE(group.value("sample_error").toString(), QStringLiteral("discarded: consumer retired"));
        r = cli({ QStringLiteral("outbox"), QStringLiteral("retry"), QStringLiteral("--group"),
            group.value("group_id").toString() });
        CLI_OK(r);
        QCOMPARE(r.json().value("affected").toInteger(), 1);
        QCOMPARE(stats().value("pending").toInteger(), 1);
        QCOMPARE(stats().value("due_now").toInteger(), 1);
        r = cli({ QStringLiteral("outbox"), QStringLiteral("purge"), QStringLiteral("--delivered-older-than-days"),
            QStringLiteral("1"), QStringLiteral("--dry-run") });
        CLI_OK(r);
        QCOMPARE(r.json().value("affected").toInteger(), 0);
        QStringList actions;
        for (const AuditEntry &entry : auditEntries(*m_location))
            actions << entry.action;
        QCOMPARE(actions, (QStringList { "outbox.retry", "outbox.discard" }));
    }

    void stats_reportsTheBacklogFields()
    {
        append(QStringLiteral("k1"));
        const QJsonObject s = stats();
        for (const char *key : { "pending", "delivered", "failed", "dead", "due_now", "oldest_pending_age_seconds",
                 "attempts" })
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QCOMPARE(s.value("pending").toInteger(), 1);
        QVERIFY(s.value("oldest_pending_age_seconds").toInteger() >= 0);
        QCOMPARE(s.value("attempts").toObject().value("0").toInteger(), 1);
    }

    void summary_showsTheOutboxPostureAsTheConsoleDoes()
    {
        append(QStringLiteral("k1"));
        const QJsonObject outbox = cli({ QStringLiteral("summary") }).json().value("outbox").toObject();
        QCOMPARE(outbox.value("pending").toInteger(), 1);
        QVERIFY2(outbox.value("reason").toString().startsWith("outbox_backlog_"), qPrintable(outbox.value("reason").toString()));
        const QString shown = QString::fromUtf8(text({ QStringLiteral("summary") }).out);
        QVERIFY2(shown.contains(QLatin1String("\noutbox:")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("\nproposals:")), qPrintable(shown));
    }

    void relay_okSink_deliversEachDueRowOnceWithItsEventIdAsKey()
    {
        CountingSink sink(200);
        QStringList eventIds;
        for (int i = 0; i < 3; ++i)
            eventIds << append(QStringLiteral("k%1").arg(i)).value("event").toObject().value("event_id").toString();
        const CliResult r = relayOnce(sink);
        CLI_OK(r);
        QCOMPARE(r.json().value("delivered").toInteger(), 3);
        QVERIFY2(r.err.contains("relay: 3 delivered, 0 failed, 0 dead"), r.err);
        QCOMPARE(QSet<QString>(sink.idempotencyKeys().cbegin(), sink.idempotencyKeys().cend()),
            QSet<QString>(eventIds.cbegin(), eventIds.cend()));
        QCOMPARE(stats().value("delivered").toInteger(), 3);
        const CliResult second = relayOnce(sink);
        CLI_OK(second);
        QCOMPARE(second.json().value("delivered").toInteger(), 0);
        QCOMPARE(sink.requestCount(), 3); // nothing due any more
    }

    void relay_failingSink_marksFailedWithBackoff()
    {
        CountingSink sink(500);
        append(QStringLiteral("k1"));
        const QString before = nowTimestamp();
        const CliResult r = relayOnce(sink, { QStringLiteral("--backoff-ms"), QStringLiteral("60000") });
        CLI_OK(r);
        QCOMPARE(r.json().value("failed").toInteger(), 1);
        const QJsonObject d = deliveries().at(0).toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("FAILED"));
        QCOMPARE(d.value("attempts").toInt(), 1);
        QVERIFY2(d.value("last_error").toString().startsWith(QLatin1String("HTTP 500 from http://127.0.0.1:")),
            qPrintable(d.value("last_error").toString()));
        // The first retry waits between half and all of the base delay (jitter).
        const QString next = d.value("next_attempt_at").toString();
        QVERIFY2(next >= addSecondsToTimestamp(before, 30) && next <= addSecondsToTimestamp(nowTimestamp(), 60),
            qPrintable(next));
        const CliResult second = relayOnce(sink);
        CLI_OK(second);
        QCOMPARE(sink.requestCount(), 1); // not due yet
    }

    void relay_failingEveryTime_isDeadAtMaxAttempts()
    {
        CountingSink sink(503);
        append(QStringLiteral("k1"));
        for (int pass = 1; pass <= 5; ++pass) {
            // A 1 ms backoff: due again by the next pass, one attempt per pass.
            QTRY_VERIFY(cli({ QStringLiteral("outbox"), QStringLiteral("stats") }).json().value("due_now").toInteger() == 1);
            const CliResult r = relayOnce(sink, { QStringLiteral("--backoff-ms"), QStringLiteral("1") });
            CLI_OK(r); // (CLI_OK evaluates its argument twice: never a command line)
            QCOMPARE(sink.requestCount(), pass);
        }
        const QJsonObject d = deliveries().at(0).toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("DEAD"));
        QCOMPARE(d.value("attempts").toInt(), 5);
        QVERIFY(d.value("next_attempt_at").isNull());
        const CliResult after = relayOnce(sink);
        CLI_OK(after);
        QCOMPARE(sink.requestCount(), 5);
    }

    void relay_crashBetweenDeliveryAndMarking_isDeliveredAgainNotLost()
    {
        CountingSink sink(200);
        const QString eventId = append(QStringLiteral("k1")).value("event").toObject().value("event_id").toString();
        QProcessEnvironment crash;
        crash.insert(QStringLiteral("DPMCTL_RELAY_TEST_CRASH_AFTER_DELIVERY"), QStringLiteral("1"));
        const CliResult crashed = relayOnce(sink, { QStringLiteral("--lease-ms"), QStringLiteral("300") }, crash);
        QCOMPARE(crashed.exitCode, 86);
        QCOMPARE(sink.requestCount(), 1);
        QCOMPARE(deliveries().at(0).toObject().value("status").toString(), QStringLiteral("PENDING"));
        // When the dead relay's lease ends, the row is due again and the next relay delivers it.
        // (A loop, not QTRY: a relay run is not a condition that may be evaluated twice.)
        qint64 delivered = 0;
        for (QDeadlineTimer deadline(20000); delivered == 0 && !deadline.hasExpired(); QTest::qWait(100)) {
            const CliResult again = relayOnce(sink);
            CLI_OK(again);
            delivered = again.json().value("delivered").toInteger();
        }
        QCOMPARE(delivered, 1);
        QCOMPARE(sink.idempotencyKeys(), (QStringList { eventId, eventId }));
        QCOMPARE(deliveries().at(0).toObject().value("status").toString(), QStringLiteral("DELIVERED"));
    }

    void relay_fileSink_appendsJsonLines()
    {
        append(QStringLiteral("k1"));
        const QString path = m_sandbox->filePath(QStringLiteral("out.jsonl"));
        const CliResult r = cli({ QStringLiteral("outbox"), QStringLiteral("relay"), QStringLiteral("--sink"), path,
            QStringLiteral("--once") });
        CLI_OK(r);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.at(0).contains("\"idempotency_key\":\"evt_"));
    }

    void relay_twoProcessesAtOnce_neverDeliverARowTwice()
    {
        CountingSink sink(200);
        constexpr int kEvents = 40;
        for (int i = 0; i < kEvents; ++i)
            append(QStringLiteral("k%1").arg(i));
        std::vector<std::unique_ptr<QProcess>> relays;
        for (int i = 0; i < 2; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(sandboxEnvironment(m_sandbox->path()));
            process->start(QStringLiteral(DPMCTL_PATH),
                { QStringLiteral("outbox"), QStringLiteral("relay"), QStringLiteral("--sink"), sink.url(),
                    QStringLiteral("--once"), QStringLiteral("--batch"), QStringLiteral("3"), QStringLiteral("--store"),
                    m_store, QStringLiteral("--json") });
            relays.push_back(std::move(process));
        }
        qint64 delivered = 0;
        for (const auto &process : relays) {
            QVERIFY(process->waitForFinished(120000));
            QCOMPARE(process->exitCode(), 0);
            const QJsonObject out = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
            delivered += out.value("delivered").toInteger();
        }
        QCOMPARE(delivered, kEvents);
        const QStringList ids = sink.outboxIds();
        QCOMPARE(ids.size(), kEvents);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), kEvents);
        QCOMPARE(stats().value("delivered").toInteger(), kEvents);
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliEvents,
    { "relay_twoProcessesAtOnce_neverDeliverARowTwice", TestBackend::Postgres })
#include "tst_cli_events.moc"
