#pragma once

#include "store/auditlog.h"
#include "store/storelocation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace dpm::test {

// What one run of the built dpmctl produced.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const; // stdout parsed as a JSON object (empty when it is not)
    QJsonObject errorJson() const; // stderr's {"error": {...}} object's inner object
    QString describe() const; // for failure messages: exit code, stdout and stderr
};

// The environment dpmctl runs in: this process's, without any DPM_* or PG* variable, with HOME,
// XDG_DATA_HOME and XDG_CONFIG_HOME inside `sandbox` so the embedded default never touches the
// real user's files.
QProcessEnvironment sandboxEnvironment(const QString &sandbox);

// Runs the dpmctl under test (DPMCTL_PATH) and waits for it to finish.
CliResult runDpmctl(const QStringList &arguments, const QProcessEnvironment &environment);

// One process for runProcesses(): a program (DPMCTL_PATH unless given), its arguments and environment.
struct CliRun
{
    QStringList arguments;
    QProcessEnvironment environment;
    QString program = QStringLiteral(DPMCTL_PATH);
};

// Runs every process, a few at once (their count is what keeps a test of hundreds of runs short,
// not what it checks), each with its own 120 s limit; the results in the order of `runs`. Only
// for runs that do not depend on each other's effects.
QList<CliResult> runProcesses(const QList<CliRun> &runs);

// The service's seven DPM tables exactly as its SqliteDpmRunRepository creates them (Part B §2):
// plain CREATE TABLE statements, no ledger.
QStringList serviceDpmTableStatements();

// A SQLite file with the service's layout (and nothing else).
void createServiceSqlite(const QString &path);

// A fresh PostgreSQL database with the service's layout: the seven tables, dpm_policy_packs and a
// schema_migrations ledger with rows dpm:0001 and dpm:0002 whose checksums the console does not
// know (namespace dpm). Throws when the server is not running.
StoreLocation createServicePostgres(const QString &hint);

// A store the service created and `seed` filled, one per test function: on PostgreSQL a copy
// (CREATE DATABASE … TEMPLATE) of one seeded once in initTestCase, on SQLite a new file seeded
// each time. Throws dpm::Error.
class SeededServiceStores
{
public:
    SeededServiceStores(bool postgres, std::function<void(const StoreLocation &)> seed);
    // initTestCase: on PostgreSQL, creates and seeds the database the others are copied from.
    void prepare(const QString &hint);
    // init: a fresh store for the current test function (its SQLite file in `sandbox`).
    StoreLocation next(const QString &sandbox) const;
    // What --store takes for it.
    static QString storeArgument(const StoreLocation &location);

private:
    bool m_postgres;
    std::function<void(const StoreLocation &)> m_seed;
    std::optional<StoreLocation> m_seeded;
};

// Fills a store through the core store API (opened without migrations). The data set:
//  runs   rr_00000001 READY   2026-02-18T10:00:00 corr_run1 sha256:h1 idem-1 pf_A (engine 1.2.3)
//         rr_00000002 PENDING_REVIEW 2026-02-19T10:00:00 corr_run2 sha256:h1 idem-1 pf_A
//         rr_00000003 BLOCKED 2026-02-20T10:00:00 corr_run3 batch_1a2b3c4d:baseline, no key,
//                     pf_B, with a persisted artifact carrying "persisted_marker": true
//         rr_00000004 {} (no status) 2026-02-17T10:00:00 corr_run4 sha256:h4 no key pf_B
//  mapping idem-orphan -> rr_gone (a run that does not exist)
//  ops    dop_000000000001 PENDING (executable) corr_op1 2026-02-20T11:00:00
//         dop_000000000002 FAILED {"code":"ValueError","message":"boom"} corr_op2 2026-02-19T11:00:00
//  decisions dwd_000000000001 rr_00000002 REQUEST_CHANGES NEEDS_DETAIL alice 2026-02-19T12:00:00 corr_dec1
//            dwd_000000000002 rr_00000002 APPROVE REVIEW_APPROVED bob 2026-02-19T13:00:00 corr_dec2 "ok"
//  edges: those the service writes for the runs and operations above (CORRELATION_TO_RUN,
//         IDEMPOTENCY_TO_RUN, OPERATION_TO_CORRELATION).
void seedStore(const StoreLocation &location);

// A run whose result_json is not JSON (hand-made row): rr_00000005, 2026-02-16T10:00:00.
void addRunWithBrokenResult(const StoreLocation &location);

// The store's audit log, newest first (empty when it has no audit table).
QList<AuditEntry> auditEntries(const StoreLocation &location);
// Whether the store has the console's audit table.
bool hasAuditTable(const StoreLocation &location);

// A command that succeeded; on failure the message shows the command and its output.
// Evaluates `result` once: a failure describes the run that failed, not a second one.
#define CLI_OK(result)                                                                                                 \
    do {                                                                                                               \
        const ::dpm::test::CliResult cliOkResult_ = (result);                                                          \
        QVERIFY2(cliOkResult_.exitCode == 0, qPrintable(cliOkResult_.describe()));                                     \
    } while (false)

// A failure: the exit code, nothing on stdout, the code in stderr's JSON. Evaluates `result` once.
#define CLI_FAILS(result, exit, errorCode)                                                                             \
    do {                                                                                                               \
        const ::dpm::test::CliResult cliFailsResult_ = (result);                                                       \
        QVERIFY2(cliFailsResult_.exitCode == (exit), qPrintable(cliFailsResult_.describe()));                          \
        QVERIFY2(cliFailsResult_.out.isEmpty(), qPrintable(cliFailsResult_.describe()));                               \
        QCOMPARE(cliFailsResult_.errorJson().value(QStringLiteral("code")).toString(), QStringLiteral(errorCode));     \
    } while (false)

} // namespace dpm::test
