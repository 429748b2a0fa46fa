#include "clisupport.h"

#include "domain/error.h"
#include "pgserver.h"
#include "services/storeopening.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

namespace dpm::test {

QJsonObject CliResult::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QJsonObject CliResult::errorJson() const
{
    return QJsonDocument::fromJson(err).object().value(QStringLiteral("error")).toObject();
}

QString CliResult::describe() const
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

QProcessEnvironment sandboxEnvironment(const QString &sandbox)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("DPM_")) || key.startsWith(QLatin1String("PG")))
            env.remove(key);
    }
    env.insert(QStringLiteral("HOME"), sandbox + QStringLiteral("/home"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
    return env;
}

CliResult runDpmctl(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(DPMCTL_PATH), arguments);
    CliResult result;
    if (!process.waitForStarted(30000)) {
        result.err = "could not start " DPMCTL_PATH;
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "dpmctl did not finish within 120 s";
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    return result;
}

QList<CliResult> runProcesses(const QList<CliRun> &runs)
{
    // One more than the cores: a run spends part of its time starting up and waiting on the store.
    const qsizetype parallel = qBound(2, QThread::idealThreadCount() + 1, 8);
    QList<CliResult> results(runs.size());
    std::vector<std::unique_ptr<QProcess>> processes(size_t(runs.size()));
    QEventLoop loop;
    qsizetype next = 0;
    qsizetype running = 0;
    qsizetype finished = 0;
    std::function<void()> startMore;
    const auto done = [&](qsizetype i) {
        --running;
        ++finished;
        processes[size_t(i)].release()->deleteLater();
        startMore();
        if (finished == runs.size() && loop.isRunning())
            loop.quit();
    };
    startMore = [&] {
        while (running < parallel && next < runs.size()) {
            const qsizetype i = next++;
            auto *process = new QProcess;
            processes[size_t(i)].reset(process);
            process->setProcessEnvironment(runs[i].environment);
            QTimer::singleShot(120000, process, [process, &results, i] {
                results[i].err = "the process did not finish within 120 s";
                process->kill();
            });
            QObject::connect(process, &QProcess::finished, &loop, [&, i, process] {
                CliResult &result = results[i];
                if (result.err.isEmpty()) {
                    result.out = process->readAllStandardOutput();
                    result.err = process->readAllStandardError();
                    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
                }
                done(i);
            });
            QObject::connect(process, &QProcess::errorOccurred, &loop, [&, i, process](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // the others end in finished()
                results[i].err = "could not start " + process->program().toLocal8Bit();
                done(i);
            });
            ++running;
            process->start(runs[i].program, runs[i].arguments);
            process->closeWriteChannel();
        }
    };
    if (runs.isEmpty())
        return results;
    startMore();
    if (finished < runs.size())
        loop.exec();
    return results;
}

QStringList serviceDpmTableStatements()
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_runs (rebalance_run_id TEXT PRIMARY KEY, "
                       "correlation_id TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL, idempotency_key TEXT, "
                       "portfolio_id TEXT NOT NULL, created_at TEXT NOT NULL, result_json TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_run_artifacts (rebalance_run_id TEXT PRIMARY KEY, "
                       "artifact_json TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_run_idempotency (idempotency_key TEXT PRIMARY KEY, "
                       "request_hash TEXT NOT NULL, rebalance_run_id TEXT NOT NULL, created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_run_idempotency_history (idempotency_key TEXT NOT NULL, "
                       "rebalance_run_id TEXT NOT NULL, correlation_id TEXT NOT NULL, request_hash TEXT NOT NULL, "
                       "created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_async_operations (operation_id TEXT PRIMARY KEY, "
                       "operation_type TEXT NOT NULL, status TEXT NOT NULL, correlation_id TEXT NOT NULL UNIQUE, "
                       "created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, result_json TEXT, "
                       "error_json TEXT, request_json TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_workflow_decisions (decision_id TEXT PRIMARY KEY, "
                       "run_id TEXT NOT NULL, action TEXT NOT NULL, reason_code TEXT NOT NULL, comment TEXT, "
                       "actor_id TEXT NOT NULL, decided_at TEXT NOT NULL, correlation_id TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_lineage_edges (source_entity_id TEXT NOT NULL, "
                       "edge_type TEXT NOT NULL, target_entity_id TEXT NOT NULL, created_at TEXT NOT NULL, "
                       "metadata_json TEXT NOT NULL)"),
    };
}

void createServiceSqlite(const QString &path)
{
    const QString name = QStringLiteral("service-sqlite-") + QUuid::createUuid().toString(QUuid::Id128);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery q(db);
            for (const QString &statement : serviceDpmTableStatements()) {
                if (!q.exec(statement)) {
                    failure = q.lastError().text();
                    break;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!failure.isEmpty())
        throw Error(ErrorKind::Storage, QStringLiteral("TEST_SQLITE_SETUP_FAILED"), failure);
}

SeededServiceStores::SeededServiceStores(bool postgres, std::function<void(const StoreLocation &)> seed)
    : m_postgres(postgres)
    , m_seed(std::move(seed))
{ }

void SeededServiceStores::prepare(const QString &hint)
{
    if (!m_postgres)
        return;
    m_seeded = createServicePostgres(hint);
    m_seed(*m_seeded);
}

StoreLocation SeededServiceStores::next(const QString &sandbox) const
{
    const QString test = QString::fromLatin1(QTest::currentTestFunction());
    if (m_postgres) {
        if (!m_seeded)
            throw Error(ErrorKind::Internal, QStringLiteral("TEST_FIXTURE_NOT_PREPARED"),
                QStringLiteral("SeededServiceStores::prepare() was not called in initTestCase."));
        return PgServer::instance().copyDatabase(test, *m_seeded);
    }
    const QString path = QDir(sandbox).filePath(QStringLiteral("service.db"));
    createServiceSqlite(path);
    const StoreLocation location = StoreLocation::sqlite(path);
    m_seed(location);
    return location;
}

QString SeededServiceStores::storeArgument(const StoreLocation &location)
{
    if (location.backend() == StoreBackend::Postgres)
        return PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));
    return QStringLiteral("sqlite:") + location.sqlitePath();
}

StoreLocation createServicePostgres(const QString &hint)
{
    PgServer &server = PgServer::instance();
    const StoreLocation location = server.createDatabase(hint);
    const QString db = location.libpqParameter(QStringLiteral("dbname"));
    QStringList statements = serviceDpmTableStatements();
    statements << QStringLiteral("CREATE TABLE IF NOT EXISTS dpm_policy_packs (policy_pack_id TEXT PRIMARY KEY, "
                                 "version TEXT NOT NULL, definition_json TEXT NOT NULL, created_at TEXT NOT NULL, "
                                 "updated_at TEXT NOT NULL)")
               << QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, "
                                 "namespace TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)")
               << QStringLiteral("INSERT INTO schema_migrations (version, namespace, checksum, applied_at) VALUES "
                                 "('dpm:0001', 'dpm', '"
                                 "1111111111111111111111111111111111111111111111111111111111111111', "
                                 "'2026-01-05T09:00:00+00:00'), "
                                 "('dpm:0002', 'dpm', '"
                                 "2222222222222222222222222222222222222222222222222222222222222222', "
                                 "'2026-01-05T09:00:01.250000+00:00')");
    for (const QString &statement : std::as_const(statements))
        server.execAsSuperuser(db, statement);
    return location;
}

namespace {

QString resultJson(
    const QString &runId, const QString &correlationId, const QString &status, const QString &engineVersion = {})
{
    QString lineage = QStringLiteral(R"({"portfolio_snapshot_id":"pf","request_hash":"sha256:h1")");
    if (!engineVersion.isEmpty())
        lineage += QStringLiteral(R"(,"engine_version":")") + engineVersion + QLatin1Char('"');
    lineage += QLatin1Char('}');
    return QStringLiteral(R"({"after_simulated":{"total_value":{"amount":"11000.00","currency":"SGD"}},)"
                          R"("before":{"total_value":{"amount":"11000.00","currency":"SGD"}},)"
                          R"("correlation_id":"%1","diagnostics":{"warnings":[]},"intents":[],"lineage":%2,)"
                          R"("rebalance_run_id":"%3","rule_results":[],"status":"%4"})")
        .arg(correlationId, lineage, runId, status);
}

RunRecord record(const QString &id, const QString &corr, const QString &hash, std::optional<QString> key,
    const QString &portfolio, const QString &createdAt, const QString &result)
{
    RunRecord r;
    r.run = RebalanceRun { id, corr, hash, std::move(key), portfolio, createdAt, result };
    return r;
}

} // namespace

void seedStore(const StoreLocation &location)
{
    auto store = openStore(location);
    store->recordRun(record(QStringLiteral("rr_00000001"), QStringLiteral("corr_run1"), QStringLiteral("sha256:h1"),
        QStringLiteral("idem-1"), QStringLiteral("pf_A"), QStringLiteral("2026-02-18T10:00:00+00:00"),
        resultJson(QStringLiteral("rr_00000001"), QStringLiteral("corr_run1"), QStringLiteral("READY"),
            QStringLiteral("1.2.3"))));
    store->recordRun(record(QStringLiteral("rr_00000002"), QStringLiteral("corr_run2"), QStringLiteral("sha256:h1"),
        QStringLiteral("idem-1"), QStringLiteral("pf_A"), QStringLiteral("2026-02-19T10:00:00+00:00"),
        resultJson(QStringLiteral("rr_00000002"), QStringLiteral("corr_run2"), QStringLiteral("PENDING_REVIEW"))));
    RunRecord third
        = record(QStringLiteral("rr_00000003"), QStringLiteral("corr_run3"), QStringLiteral("batch_1a2b3c4d:baseline"),
            std::nullopt, QStringLiteral("pf_B"), QStringLiteral("2026-02-20T10:00:00+00:00"),
            resultJson(QStringLiteral("rr_00000003"), QStringLiteral("corr_run3"), QStringLiteral("BLOCKED")));
    third.artifactJson = QStringLiteral(R"({"artifact_id":"dra_00000003","persisted_marker":true})");
    store->recordRun(third);
    store->recordRun(record(QStringLiteral("rr_00000004"), QStringLiteral("corr_run4"), QStringLiteral("sha256:h4"),
        std::nullopt, QStringLiteral("pf_B"), QStringLiteral("2026-02-17T10:00:00+00:00"), QStringLiteral("{}")));
    store->saveIdempotencyMapping({ QStringLiteral("idem-orphan"), QStringLiteral("sha256:x"),
        QStringLiteral("rr_gone"), QStringLiteral("2026-02-19T10:00:00+00:00") });

    AsyncOperation pending;
    pending.operationId = QStringLiteral("dop_000000000001");
    pending.operationType = QStringLiteral("ANALYZE_SCENARIOS");
    pending.status = QStringLiteral("PENDING");
    pending.correlationId = QStringLiteral("corr_op1");
    pending.createdAt = QStringLiteral("2026-02-20T11:00:00+00:00");
    pending.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
    store->submitOperation(pending);

    AsyncOperation failed;
    failed.operationId = QStringLiteral("dop_000000000002");
    failed.operationType = QStringLiteral("ANALYZE_SCENARIOS");
    failed.status = QStringLiteral("PENDING");
    failed.correlationId = QStringLiteral("corr_op2");
    failed.createdAt = QStringLiteral("2026-02-19T11:00:00+00:00");
    failed.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
    store->submitOperation(failed);
    failed.status = QStringLiteral("FAILED");
    failed.startedAt = QStringLiteral("2026-02-19T11:00:01+00:00");
    failed.finishedAt = QStringLiteral("2026-02-19T11:00:02.500000+00:00");
    failed.errorJson = QStringLiteral(R"({"code":"ValueError","message":"boom"})");
    store->updateOperation(failed);

    store->appendWorkflowDecision({ QStringLiteral("dwd_000000000001"), QStringLiteral("rr_00000002"),
        QStringLiteral("REQUEST_CHANGES"), QStringLiteral("NEEDS_DETAIL"), std::nullopt, QStringLiteral("alice"),
        QStringLiteral("2026-02-19T12:00:00+00:00"), QStringLiteral("corr_dec1") });
    store->appendWorkflowDecision({ QStringLiteral("dwd_000000000002"), QStringLiteral("rr_00000002"),
        QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED"), QStringLiteral("ok"), QStringLiteral("bob"),
        QStringLiteral("2026-02-19T13:00:00+00:00"), QStringLiteral("corr_dec2") });
}

void addRunWithBrokenResult(const StoreLocation &location)
{
    auto store = openStore(location);
    store->saveRun(
        { QStringLiteral("rr_00000005"), QStringLiteral("corr_run5"), QStringLiteral("sha256:h5"), std::nullopt,
            QStringLiteral("pf_C"), QStringLiteral("2026-02-16T10:00:00+00:00"), QStringLiteral("not json at all") });
}

QList<AuditEntry> auditEntries(const StoreLocation &location)
{
    auto store = openStore(location, OpenOptions { .allowMissingSchema = true });
    if (!store->auditLog().isAvailable())
        return {};
    return store->auditLog().list(PageRequest { 100, std::nullopt }).items;
}

bool hasAuditTable(const StoreLocation &location)
{
    return openStore(location, OpenOptions { .allowMissingSchema = true })->auditLog().isAvailable();
}

} // namespace dpm::test
