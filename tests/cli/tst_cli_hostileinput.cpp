// Every dpmctl command that takes text, fed hostile values: SQL injection strings, LIKE
// wildcards, quotes, control characters, bidi overrides, invalid UTF-8, 100 KB values and
// malformed timestamps and cursors (one whose decoded key holds a NUL). Each run must end with
// a documented exit code for bad input (never a storage failure, exit 9, nor a crash), leave the
// store's rows as they were, and print nothing raw that would steer a terminal. Run once per
// SQL backend (cli_hostileinput_sqlite, cli_hostileinput_postgres with DPM_TEST_BACKEND=postgres).

#include "clisupport.h"
#include "domain/cursor.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "store/supportstore.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

const bool kPostgres = testBackend() == TestBackend::Postgres;

namespace {

// Stands for a value made of invalid UTF-8 bytes, which a QString argument cannot carry: the
// run goes through /bin/sh, which puts the bytes in place.
const QString kInvalidUtf8 = QStringLiteral("@INVALID_UTF8@");
const QByteArray kInvalidUtf8Shell = "\"$(printf 'rr_\\377\\376\\300x')\"";

const QString kHostileComment = QStringLiteral("looks fine\x1b[2J\x1b]0;owned\x07\u009b31m\u202Etxt.exe");

QString shellQuote(const QString &arg)
{
    QString quoted = arg;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The run of dpmctl with these arguments through /bin/sh, which puts the invalid UTF-8 bytes in place.
CliRun withRawBytes(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QByteArray script = "exec " + shellQuote(QStringLiteral(DPMCTL_PATH)).toUtf8();
    for (const QString &arg : arguments)
        script += ' ' + (arg == kInvalidUtf8 ? kInvalidUtf8Shell : shellQuote(arg).toUtf8());
    return CliRun { { QStringLiteral("-c"), QString::fromUtf8(script) }, environment, QStringLiteral("/bin/sh") };
}

// Bytes a terminal would act on: C0 controls but line feed and tab (ESC, BEL, CR, NUL, …), DEL, C1 controls
// in UTF-8 (C2 80..C2 9F) and the bidi overrides and isolates (E2 80 AA..AE, E2 81 A6..A9).
bool hasRawTerminalControl(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = uchar(bytes.at(i));
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f)
            return true;
        if (b == 0xc2 && i + 1 < bytes.size() && uchar(bytes.at(i + 1)) >= 0x80 && uchar(bytes.at(i + 1)) <= 0x9f)
            return true;
        if (b == 0xe2 && i + 2 < bytes.size()) {
            const auto b1 = uchar(bytes.at(i + 1));
            const auto b2 = uchar(bytes.at(i + 2));
            if ((b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9))
                return true;
        }
    }
    return false;
}

struct HostileValue
{
    const char *name;
    QString value;
    bool alsoJson = false; // run with --json too (the values that could break its escaping)
};

QList<HostileValue> hostileValues()
{
    const QByteArray nulKey = QByteArray("{\"id\":\"rr_00000001\",\"k\":\"2026-02-20T10:00:00\\u0000\",\"l\":\"runs\"}");
    return {
        { "sql injection", QStringLiteral("'; DROP TABLE dpm_runs; --") },
        { "or-true", QStringLiteral("x' OR '1'='1") },
        { "percent", QStringLiteral("%") },
        { "underscore", QStringLiteral("_") },
        { "quotes", QStringLiteral("\"a\" 'b' `c`") },
        { "escape sequences", QStringLiteral("\x1b[2J\x1b]0;owned\x07"), true },
        { "c1 and bidi", QStringLiteral("\u009b2J\u202Eexe.txt\u2066"), true },
        { "newline and tab", QStringLiteral("a\nb\tc\r"), true },
        { "invalid utf-8", kInvalidUtf8, true },
        { "100 KB", QString(100 * 1024, QLatin1Char('x')) },
        { "bad timestamp", QStringLiteral("2026-13-45T99:99:99Z") },
        { "bad offset", QStringLiteral("2026-02-20T10:00:00+99:00") },
        { "broken cursor", QStringLiteral("c1.!!!") },
        { "cursor with NUL key", QStringLiteral("c1.")
                + QString::fromLatin1(nulKey.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) },
        { "negative", QStringLiteral("-1") },
        { "huge number", QStringLiteral("99999999999999999999") },
    };
}

// Every command with the places where it takes text. "@" stands for the hostile value.
QList<QStringList> commandsTakingText()
{
    QList<QStringList> out;
    const QStringList listingTail { "--limit", "--cursor", "--from", "--to" };
    for (const QString &option : QStringList { "--status", "--request-hash", "--portfolio" } + listingTail)
        out << QStringList { "runs", "list", option, "@" };
    for (const QString &option : QStringList { "--type", "--status", "--correlation" } + listingTail)
        out << QStringList { "operations", "list", option, "@" };
    for (const QString &option : QStringList { "--run", "--action", "--actor", "--reason-code" } + listingTail)
        out << QStringList { "decisions", "list", option, "@" };
    for (const QString &option : QStringList { "--edge-type" } + listingTail)
        out << QStringList { "lineage", "edges", "rr_00000001", option, "@" };
    out << QStringList { "lineage", "edges", "@" };
    out << QStringList { "lineage", "graph", "@" };
    out << QStringList { "lineage", "graph", "rr_00000001", "--depth", "@" };
    out << QStringList { "lineage", "graph", "rr_00000001", "--max-nodes", "@" };
    for (const QStringList &lookup : QList<QStringList> { { "runs", "get" }, { "runs", "by-correlation" },
             { "runs", "by-request-hash" }, { "runs", "by-idempotency" }, { "artifact" }, { "idempotency", "history" },
             { "operations", "get" }, { "operations", "by-correlation" }, { "decisions", "for-run" },
             { "decisions", "by-correlation" }, { "find" } })
        out << lookup + QStringList { "@" };
    for (const QString &option : QStringList { "--run", "--correlation", "--idempotency-key", "--operation" })
        out << QStringList { "bundle", option, "@" };
    out << QStringList { "purge", "runs", "--dry-run", "--retention-days", "@" };
    out << QStringList { "purge", "runs", "--dry-run", "--now", "@" };
    out << QStringList { "purge", "operations", "--dry-run", "--ttl-seconds", "@" };
    out << QStringList { "purge", "operations", "--dry-run", "--now", "@" };
    out << QStringList { "migrate", "status", "--namespace", "@" };
    out << QStringList { "migrate", "plan", "--namespace", "@" };
    for (const QString &option : QStringList { "--scale", "--seed", "--anchor", "--span-days" })
        out << QStringList { "demo", "generate", option, "@" };
    out << QStringList { "transfer", "verify", "--to", "@" };
    out << QStringList { "transfer", "backfill", "--to", "@" };
    out << QStringList { "transfer", "verify", "--to", "memory:", "--batch-rows", "@" };
    return out;
}

} // namespace

class TestCliHostileInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QString m_store;
    std::optional<StoreLocation> m_location;

    QProcessEnvironment env() const { return sandboxEnvironment(m_sandbox->path()); }

    QJsonObject counts() const
    {
        const CliResult r = runDpmctl({ "summary", "--json", "--store", m_store }, env());
        if (r.exitCode != 0)
            return { { "failed", r.describe() } };
        QJsonObject out;
        for (const char *key : { "run_count", "operation_count", "workflow_decision_count", "lineage_edge_count",
                 "run_status_counts", "operation_status_counts", "workflow_action_counts" })
            out.insert(QLatin1String(key), r.json().value(QLatin1String(key)));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        if (kPostgres) {
            DPM_REQUIRE_POSTGRES();
            m_location = createServicePostgres(QStringLiteral("hostileinput"));
            m_store = PgServer::instance().url(m_location->libpqParameter(QStringLiteral("dbname")));
        } else {
            const QString path = m_sandbox->filePath(QStringLiteral("service.db"));
            createServiceSqlite(path);
            m_location = StoreLocation::sqlite(path);
            m_store = QStringLiteral("sqlite:") + path;
        }
        seedStore(*m_location);
        // A decision whose stored comment would clear the screen and set the terminal's title.
        auto store = openStore(*m_location);
        store->appendWorkflowDecision({ QStringLiteral("dwd_00000000hstl"), QStringLiteral("rr_00000001"),
            QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED"), kHostileComment,
            QStringLiteral("mallory\x1b[8m"), QStringLiteral("2026-02-21T10:00:00+00:00"), QStringLiteral("corr_hstl") });
        QVERIFY(!counts().contains(QStringLiteral("failed")));
    }

    void cleanupTestCase()
    {
        m_location.reset();
        m_sandbox.reset();
    }

    void storedControlCharacters_areEscapedInTablesAndRecords()
    {
        // by-correlation names the run's correlation (RFC-0023): rr_00000001's history holds the decision.
        for (const QStringList &command : QList<QStringList> { { "decisions", "list" },
                 { "decisions", "for-run", "rr_00000001" }, { "decisions", "by-correlation", "corr_run1" },
                 { "bundle", "--run", "rr_00000001" }, { "find", "dwd_00000000hstl" } }) {
            for (const bool json : { false, true }) {
                QStringList args = command + QStringList { "--store", m_store };
                if (json)
                    args << "--json";
                const CliResult r = runDpmctl(args, env());
                QVERIFY2(r.exitCode == 0, qPrintable(command.join(' ') + QLatin1Char('\n') + r.describe()));
                QVERIFY2(!hasRawTerminalControl(r.out) && !hasRawTerminalControl(r.err),
                    qPrintable(command.join(' ') + QLatin1Char('\n') + r.describe()));
                if (!json && command.first() != QLatin1String("find")) // find lists ids, not comments
                    QVERIFY2(r.out.contains("\\x1b[2J") || r.out.contains("\\u001b[2J"), qPrintable(r.describe()));
            }
        }
    }

    void hostileValues_endWithDocumentedCodesAndChangeNothing()
    {
        const QJsonObject before = counts();
        QStringList failures;
        // Every run on its own process, a few at once: each is meant to change nothing, which the
        // counts after all of them check.
        QList<CliRun> runs;
        QStringList whats;
        QList<bool> jsons;
        for (const QStringList &command : commandsTakingText()) {
            for (const HostileValue &hostile : hostileValues()) {
                for (const bool json : { false, true }) {
                    if (json && !hostile.alsoJson)
                        continue;
                    QStringList args = command;
                    args.replace(args.indexOf(QStringLiteral("@")), hostile.value);
                    args << "--store" << m_store;
                    if (json)
                        args << "--json";
                    runs << withRawBytes(args, env());
                    whats << QStringLiteral("%1 [%2]%3: ")
                                 .arg(command.join(' '), QLatin1String(hostile.name),
                                     json ? QStringLiteral(" --json") : QString());
                    jsons << json;
                }
            }
        }
        const QList<CliResult> results = runProcesses(runs);
        for (qsizetype i = 0; i < results.size(); ++i) {
            const CliResult &r = results.at(i);
            const QString &what = whats.at(i);
            const bool json = jsons.at(i);
            // 0 (nothing matched), 2 usage, 3 not found, 5 invalid input, 6 configuration
            // (a value that is no store location); never 1 (a bug), 7, 9 or a crash.
            if (!QList<int> { 0, 2, 3, 5, 6 }.contains(r.exitCode))
                failures << what + QStringLiteral("exit %1: ").arg(r.exitCode) + QString::fromUtf8(r.err.left(300));
            if (hasRawTerminalControl(r.out) || hasRawTerminalControl(r.err))
                failures << what + QStringLiteral("raw control character in the output");
            if (json && r.exitCode != 0 && r.errorJson().value(QStringLiteral("code")).toString().isEmpty())
                failures << what + QStringLiteral("stderr is not the JSON error: ") + QString::fromUtf8(r.err.left(300));
        }
        qInfo("%d runs of dpmctl", int(runs.size()));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(counts(), before);
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliHostileInput)
#include "tst_cli_hostileinput.moc"
