// A password given to dpmctl never reaches stdout, stderr (errors and, with QT_LOGGING_RULES,
// log lines) or the audit log, whichever way the store was given: a URL, a libpq string, the
// service's DPM_SUPPORTABILITY_POSTGRES_DSN (URL, key=value, JDBC), libpq's multi-host forms, a
// misspelled or foreign scheme, a transfer target. Most runs fail at connect, where leaks happen; the successful runs
// use the test server (trust authentication: the password is given, and ignored).

#include "clisupport.h"
#include "pgserver.h"
#include "store/auditlog.h"
#include "services/storeopening.h"
#include "store/supportstore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

const QString kMarker = QStringLiteral("Mk7-pw-MARKER");

struct StoreGiving
{
    QString name;
    QStringList arguments; // --store …, or nothing
    QMap<QString, QString> environment;
};

QMap<QString, QString> postgresEnv(const QString &dsn)
{
    return { { QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES") },
        { QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), dsn } };
}

// Every way of naming a store that does not answer (port 1 on this machine).
QList<StoreGiving> unreachableStores()
{
    const QString url = QStringLiteral("postgresql://u:%1@127.0.0.1:1/db").arg(kMarker);
    const QString keyValue = QStringLiteral("host=127.0.0.1 port=1 user=u password=%1 dbname=db").arg(kMarker);
    const QString quoted = QStringLiteral("host=127.0.0.1 port=1 user=u password='%1 x' dbname=db").arg(kMarker);
    const QString jdbc = QStringLiteral("jdbc:postgresql://127.0.0.1:1/db?user=u&password=%1").arg(kMarker);
    QList<StoreGiving> out {
        { QStringLiteral("--store URL"), { QStringLiteral("--store"), url }, {} },
        { QStringLiteral("--store key=value"), { QStringLiteral("--store"), keyValue }, {} },
        { QStringLiteral("--store quoted key=value"), { QStringLiteral("--store"), quoted }, {} },
        { QStringLiteral("--store=URL"), { QStringLiteral("--store=") + url }, {} },
        { QStringLiteral("env URL"), {}, postgresEnv(url) },
        { QStringLiteral("env key=value"), {}, postgresEnv(keyValue) },
        { QStringLiteral("env JDBC"), {}, postgresEnv(jdbc) },
    };
    for (const QString &misspelled : { QStringLiteral("postgresq://u:%1@127.0.0.1:1/db"),
             QStringLiteral("postgresql:/u:%1@127.0.0.1:1/db"), QStringLiteral("pgsql://u:%1@127.0.0.1:1/db"),
             QStringLiteral("mysql://u:%1@127.0.0.1"), QStringLiteral("mysql://u:%1@127.0.0.1/db?x=1"), jdbc }) {
        const QString dsn = misspelled.contains(kMarker) ? misspelled : misspelled.arg(kMarker);
        out << StoreGiving { QStringLiteral("--store ") + dsn.section(QLatin1Char(':'), 0, 0),
            { QStringLiteral("--store"), dsn }, {} };
        out << StoreGiving { QStringLiteral("env ") + dsn.section(QLatin1Char(':'), 0, 0), {}, postgresEnv(dsn) };
    }
    return out;
}

// libpq's multi-host forms (a primary and its standbys, issue 17) that do not answer.
QList<StoreGiving> unreachableMultiHostStores()
{
    const QString url
        = QStringLiteral("postgresql://u:%1@127.0.0.1:1,127.0.0.1:2/db?target_session_attrs=prefer-standby").arg(kMarker);
    const QString keyValue
        = QStringLiteral("host=127.0.0.1,127.0.0.1 port=1,2 user=u password=%1 dbname=db target_session_attrs=read-only")
              .arg(kMarker);
    return { { QStringLiteral("--store multi-host URL"), { QStringLiteral("--store"), url }, {} },
        { QStringLiteral("env multi-host key=value"), {}, postgresEnv(keyValue) } };
}

// Every command that opens a store, with harmless arguments.
QList<QStringList> storeCommands()
{
    return { { "runs", "list" }, { "runs", "get", "rr_1" }, { "runs", "by-correlation", "c" },
        { "runs", "by-request-hash", "h" }, { "runs", "by-idempotency", "k" }, { "artifact", "rr_1" },
        { "idempotency", "history", "k" }, { "operations", "list" }, { "operations", "get", "dop_1" },
        { "operations", "by-correlation", "c" }, { "decisions", "list" }, { "decisions", "for-run", "rr_1" },
        { "decisions", "by-correlation", "c" }, { "lineage", "edges", "rr_1" }, { "lineage", "graph", "rr_1" },
        { "summary" }, { "bundle", "--run", "rr_1" }, { "find", "rr_1" }, { "purge", "runs", "--dry-run" },
        { "purge", "operations", "--dry-run" }, { "migrate", "status" }, { "migrate", "plan" },
        { "migrate", "validate" }, { "profile", "check" }, { "cutover", "check", "--check-migrations" },
        { "demo", "generate" }, { "transfer", "verify", "--to", "memory:" } };
}

// One run of a command in one of its renderings (0 text, 1 text with log lines, 2 JSON).
struct ModeRun
{
    QString what;
    int mode = 0;
    CliRun run;
};

} // namespace

class TestCliSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_sandbox;

    QProcessEnvironment env(const QMap<QString, QString> &extra = {}, bool logging = false) const
    {
        QProcessEnvironment out = sandboxEnvironment(m_sandbox.path());
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            out.insert(it.key(), it.value());
        if (logging)
            out.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        return out;
    }

    // The runs of a command in text, then (allModes) text with every log line shown and JSON.
    void addRuns(QList<ModeRun> &runs, const QString &what, const QStringList &arguments,
        const QMap<QString, QString> &extra, bool allModes = true) const
    {
        for (int mode = 0; mode < (allModes ? 3 : 1); ++mode) {
            QStringList args = arguments;
            if (mode == 2)
                args << QStringLiteral("--json");
            runs << ModeRun { what, mode, CliRun { args, env(extra, mode == 1) } };
        }
    }

    // Runs them (a few at once: none depends on another's effects); returns the leaks.
    static QStringList leaksOf(const QList<ModeRun> &runs)
    {
        QList<CliRun> processes;
        for (const ModeRun &run : runs)
            processes << run.run;
        const QList<CliResult> results = runProcesses(processes);
        QStringList leaks;
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const CliResult &r = results.at(i);
            const QString &what = runs.at(i).what;
            if (r.exitCode == 1 || r.exitCode < 0)
                leaks << what + QStringLiteral(": crashed or failed internally: ") + r.describe();
            if (r.out.contains(kMarker.toUtf8()) || r.err.contains(kMarker.toUtf8()))
                leaks << what + QStringLiteral(" (mode %1): ").arg(runs.at(i).mode) + r.describe();
        }
        return leaks;
    }

    static QString auditText(const StoreLocation &location)
    {
        auto store = openStore(location);
        QString out;
        for (const AuditEntry &entry : store->auditLog().list(PageRequest { 1000, {} }).items)
            out += QString::fromUtf8(QJsonDocument(entry.toJson()).toJson());
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sandbox.isValid()); }

    // Every giving with every command in text; the logging and JSON renderings (which differ from
    // text by the log lines of the open and by the error's envelope) for every giving with a
    // listing, a lookup and an admin command, and for every command with the first two givings
    // (a URL and a key=value DSN). The whole product in all three modes was 1,500 processes.
    void unreachableStore_everyCommand_neverShowsThePassword()
    {
        QList<ModeRun> runs;
        const QList<StoreGiving> givings = unreachableStores();
        const QList<QStringList> commands = storeCommands();
        const QList<QStringList> representative { { "runs", "list" }, { "runs", "get", "rr_1" }, { "migrate", "status" } };
        for (qsizetype g = 0; g < givings.size(); ++g) {
            for (const QStringList &command : commands) {
                const bool allModes = g < 2 || representative.contains(command);
                addRuns(runs, givings[g].name + QStringLiteral(" / ") + command.join(' '),
                    givings[g].arguments + command, givings[g].environment, allModes);
            }
        }
        const QStringList leaks = leaksOf(runs);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    // A few commands only: the whole list runs for the single-host forms above.
    void unreachableMultiHostStore_neverShowsThePassword()
    {
        QList<ModeRun> runs;
        for (const StoreGiving &giving : unreachableMultiHostStores()) {
            for (const QStringList &command : QList<QStringList> { { "summary" }, { "store", "health" },
                     { "purge", "runs", "--retention-days", "1" } })
                addRuns(runs, giving.name + QStringLiteral(" / ") + command.join(' '), giving.arguments + command,
                    giving.environment);
        }
        const QStringList leaks = leaksOf(runs);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    void transferTarget_withPassword_isNeverShown()
    {
        QList<ModeRun> runs;
        for (const QString &target : { QStringLiteral("postgresql://u:%1@127.0.0.1:1/db").arg(kMarker),
                 QStringLiteral("host=127.0.0.1 port=1 password=%1").arg(kMarker),
                 QStringLiteral("postgresql://u:%1@127.0.0.1:1,127.0.0.1:2/db?target_session_attrs=read-write").arg(kMarker),
                 QStringLiteral("postgresq://u:%1@127.0.0.1:1/db").arg(kMarker) }) {
            for (const char *verb : { "backfill", "verify" })
                addRuns(runs, QStringLiteral("transfer %1 --to %2").arg(QLatin1String(verb), target),
                    { QStringLiteral("--store"), QStringLiteral("memory:"), QStringLiteral("transfer"),
                        QLatin1String(verb), QStringLiteral("--to"), target },
                    {});
        }
        const QStringList leaks = leaksOf(runs);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    void reachableStore_withPassword_outputAndAuditLogNeverShowIt()
    {
        DPM_REQUIRE_POSTGRES();
        PgServer &server = PgServer::instance();
        const StoreLocation source = server.createDatabase(QStringLiteral("secrets_source"));
        const StoreLocation target = server.createDatabase(QStringLiteral("secrets_target"));
        const auto withMarker = [&](const StoreLocation &location) {
            return QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/%3")
                .arg(kMarker)
                .arg(server.port())
                .arg(location.libpqParameter(QStringLiteral("dbname")));
        };
        const QString sourceUrl = withMarker(source);
        const QString targetUrl = withMarker(target);
        const QStringList store { QStringLiteral("--store"), sourceUrl };

        // Schema and data through dpmctl itself, with the password in the location.
        CLI_OK(runDpmctl(store + QStringList { "migrate", "apply" }, env()));
        CLI_OK(runDpmctl(store + QStringList { "demo", "generate", "--scale", "S" }, env()));
        CLI_OK(runDpmctl({ "--store", targetUrl, "migrate", "apply" }, env()));
        const CliResult backfill = runDpmctl(store + QStringList { "transfer", "backfill", "--to", targetUrl }, env());
        CLI_OK(backfill);
        QVERIFY2(!backfill.out.contains(kMarker.toUtf8()) && !backfill.err.contains(kMarker.toUtf8()),
            qPrintable(backfill.describe()));

        // The reads and checks together; the purge, which deletes, after them.
        QList<ModeRun> runs;
        for (const QStringList &command : storeCommands())
            addRuns(runs, command.join(' '), store + command, {});
        addRuns(runs, QStringLiteral("env URL / summary"), { QStringLiteral("summary") }, postgresEnv(sourceUrl));
        addRuns(runs, QStringLiteral("transfer verify"), store + QStringList { "transfer", "verify", "--to", targetUrl }, {});
        QStringList leaks = leaksOf(runs);
        runs.clear();
        addRuns(runs, QStringLiteral("purge runs"), store + QStringList { "purge", "runs", "--retention-days", "1" }, {});
        leaks += leaksOf(runs);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));

        for (const StoreLocation &location : { source, target }) {
            const QString audit = auditText(location);
            QVERIFY2(!audit.isEmpty(), "the admin commands recorded nothing");
            QVERIFY2(!audit.contains(kMarker), qPrintable(audit));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
