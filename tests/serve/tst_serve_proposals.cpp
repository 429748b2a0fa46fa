// dpmctl serve's advisory proposal endpoints (http-api.md §5) on SQLite and PostgreSQL (one
// executable run per backend): golden bodies shared by both backends, every not-found code, each
// flag, the list's limit, include_evidence, n >= 1, the first-unknown-parameter rule and route
// order.

#include "backendstore.h"
#include "demo/demoproposals.h"
#include "domain/timestamp.h"
#include "migrate/migrator.h"
#include "servetestsupport.h"
#include "store/sqldatabase.h"
#include "store/proposalstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

constexpr int kDemoProposals = 23; // more than the list's default page of 20

QByteArray detail(const QString &code)
{
    return "{\"detail\":\"" + code.toUtf8() + "\"}";
}

QProcessEnvironment proposalFlags(const char *offFlag = nullptr)
{
    QProcessEnvironment environment;
    for (const char *flag :
        { "PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED", "PROPOSAL_SUPPORT_APIS_ENABLED", "PROPOSAL_ASYNC_OPERATIONS_ENABLED" })
        environment.insert(QString::fromLatin1(flag), QStringLiteral("true"));
    if (offFlag)
        environment.insert(QString::fromLatin1(offFlag), QStringLiteral("off"));
    return environment;
}

} // namespace

class ServeProposalsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void endpoint_answersServiceBytes_data();
    void endpoint_answersServiceBytes();
    void list_defaultLimit20_andNextCursorPagesThroughEveryProposal();
    void bothPrefixes_answerTheSameBytes();
    void includeEvidenceFalse_emptiesOnlyTheEvidenceBundle();
    void lookup_unknown_answersItsNotFoundCode_data();
    void lookup_unknown_answersItsNotFoundCode();
    void flag_off_answersItsDisabledCode_data();
    void flag_off_answersItsDisabledCode();
    void flags_defaultOn_andIndependentOfDpmFlags();
    void validation_answersFastApiListForm_data();
    void validation_answersFastApiListForm();
    void unknownParameter_onlyListGetAndVersion_nameTheFirst();
    void routeOrder_fixedSegmentsBeforeProposalId();
    void olderDatabase_withoutProposalTables_answers503First_untilMigrated();

private:
    QString target(const char *pattern) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;
    std::unique_ptr<RunningServer> m_server; // every proposal flag on
    QList<DemoProposal> m_demo;
    DemoProposal m_withOperation; // a demo proposal with an operation and an idempotency row
};

void ServeProposalsTest::initTestCase()
{
    DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "serve_proposals");
    DemoProposalOptions options;
    options.seed = 7;
    options.toMicros = *timestampMicros(QStringLiteral("2026-03-31T00:00:00+00:00"));
    options.fromMicros = options.toMicros - 90LL * 24 * 3600 * 1000000;
    try {
        for (int i = 0; i < kDemoProposals; ++i) {
            m_demo.append(generateDemoProposal(i, options));
            writeDemoProposal(m_store->proposals(), m_demo.constLast());
        }
        // A proposal whose version rows are missing: the detail's PROPOSAL_VERSION_NOT_FOUND.
        ProposalRecord bare = m_demo.constFirst().record;
        bare.proposalId = QStringLiteral("pp_without_versions");
        bare.createdAt = bare.lastEventAt = QStringLiteral("2025-01-01T00:00:00+00:00");
        m_store->proposals().createProposal(bare);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    for (const DemoProposal &proposal : std::as_const(m_demo)) {
        const bool hasOperation = std::any_of(proposal.operations.cbegin(), proposal.operations.cend(),
            [&](const ProposalAsyncOperation &op) { return op.proposalId == proposal.record.proposalId; });
        if (hasOperation && !proposal.idempotency.isEmpty() && proposal.versions.size() >= 2
            && !proposal.approvals.isEmpty()) {
            m_withOperation = proposal;
            break;
        }
    }
    QVERIFY2(!m_withOperation.record.proposalId.isEmpty(), "no demo proposal has versions, approvals and operations");
    m_server = std::make_unique<RunningServer>(*m_store, testServeOptions(proposalFlags()));
}

void ServeProposalsTest::cleanupTestCase()
{
    m_server.reset();
    m_store.reset();
}

// %p: the chosen proposal's id, %k its idempotency key, %o its operation, %c that operation's
// correlation id.
QString ServeProposalsTest::target(const char *pattern) const
{
    QString out = QString::fromLatin1(pattern);
    const DemoProposal &p = m_withOperation;
    const auto op = std::find_if(p.operations.cbegin(), p.operations.cend(),
        [&](const ProposalAsyncOperation &o) { return o.proposalId == p.record.proposalId; });
    out.replace(QStringLiteral("%p"), p.record.proposalId);
    out.replace(QStringLiteral("%k"), p.idempotency.constFirst().idempotencyKey);
    out.replace(QStringLiteral("%o"), op->operationId);
    out.replace(QStringLiteral("%c"), op->correlationId);
    return out;
}

void ServeProposalsTest::endpoint_answersServiceBytes_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("goldenName");
    const QList<std::pair<const char *, const char *>> rows {
        { "/rebalance/proposals?limit=3", "proposals_page1" },
        { "/rebalance/proposals?limit=100&state=DRAFT", "proposals_draft" },
        { "/rebalance/proposals?cursor=pp_unknown", "proposals_unknown_cursor" },
        { "/rebalance/proposals?created_from=2099-01-01", "proposals_none" },
        { "/rebalance/proposals/%p", "proposal_detail" },
        { "/rebalance/proposals/%p/versions/1", "proposal_version_1" },
        { "/rebalance/proposals/%p/versions/2?include_evidence=false", "proposal_version_2_no_evidence" },
        { "/rebalance/proposals/%p/workflow-events", "proposal_workflow_events" },
        { "/rebalance/proposals/%p/approvals", "proposal_approvals" },
        { "/rebalance/proposals/%p/lineage", "proposal_lineage" },
        { "/rebalance/proposals/idempotency/%k", "proposal_idempotency" },
        { "/rebalance/proposals/operations/%o", "proposal_operation" },
        { "/rebalance/proposals/operations/by-correlation/%c", "proposal_operation" },
    };
    for (const auto &[pattern, name] : rows)
        QTest::newRow(pattern) << QString::fromLatin1(pattern) << QString::fromLatin1(name);
}

void ServeProposalsTest::endpoint_answersServiceBytes()
{
    QFETCH(QString, pattern);
    QFETCH(QString, goldenName);
    const HttpAnswer answer = m_server->get(QStringLiteral("/api/v1") + target(qPrintable(pattern)));
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(answer.body, golden(goldenName, answer.body));
}

void ServeProposalsTest::list_defaultLimit20_andNextCursorPagesThroughEveryProposal()
{
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        const QString path = QStringLiteral("/api/v1/rebalance/proposals")
            + (cursor.isEmpty() ? QString() : QStringLiteral("?cursor=") + cursor);
        const HttpAnswer answer = m_server->get(path);
        QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
        const QJsonObject page = QJsonDocument::fromJson(answer.body).object();
        const QJsonArray items = page.value(QStringLiteral("items")).toArray();
        if (pages == 0)
            QCOMPARE(items.size(), 20);
        for (const QJsonValue &item : items)
            seen.append(item.toObject().value(QStringLiteral("proposal_id")).toString());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (!cursor.isEmpty())
            QCOMPARE(cursor, seen.constLast()); // the service's cursor: the last proposal_id
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 2);
    QCOMPARE(seen.size(), kDemoProposals + 1);
    QCOMPARE(seen.constLast(), QStringLiteral("pp_without_versions")); // the oldest, last
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
}

void ServeProposalsTest::bothPrefixes_answerTheSameBytes()
{
    for (const char *pattern : { "/rebalance/proposals", "/rebalance/proposals/%p", "/rebalance/proposals/%p/lineage",
             "/rebalance/proposals/operations/%o", "/rebalance/proposals/nope" }) {
        const HttpAnswer latest = m_server->get(QStringLiteral("/api/v1") + target(pattern));
        const HttpAnswer early = m_server->get(target(pattern));
        QCOMPARE(early.status, latest.status);
        QCOMPARE(early.body, latest.body);
    }
}

void ServeProposalsTest::includeEvidenceFalse_emptiesOnlyTheEvidenceBundle()
{
    for (const char *pattern : { "/rebalance/proposals/%p", "/rebalance/proposals/%p/versions/1" }) {
        const auto read = [&](const char *query) {
            const HttpAnswer answer = m_server->get(target(pattern) + QString::fromLatin1(query));
            QJsonObject body = QJsonDocument::fromJson(answer.body).object();
            return body.contains(QStringLiteral("current_version"))
                ? body.value(QStringLiteral("current_version")).toObject()
                : body;
        };
        QJsonObject with = read("");
        QJsonObject without = read("?include_evidence=0");
        QVERIFY(!with.value(QStringLiteral("evidence_bundle")).toObject().isEmpty());
        QCOMPARE(without.value(QStringLiteral("evidence_bundle")), QJsonValue(QJsonObject()));
        QCOMPARE(read("?include_evidence=YES"), with);
        with.remove(QStringLiteral("evidence_bundle"));
        without.remove(QStringLiteral("evidence_bundle"));
        QCOMPARE(without, with); // the artifact stays whole
    }
}

void ServeProposalsTest::lookup_unknown_answersItsNotFoundCode_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("code");
    const QList<std::pair<const char *, const char *>> rows {
        { "/rebalance/proposals/pp_unknown", "PROPOSAL_NOT_FOUND" },
        { "/rebalance/proposals/pp_without_versions", "PROPOSAL_VERSION_NOT_FOUND" },
        { "/rebalance/proposals/%p/versions/99", "PROPOSAL_VERSION_NOT_FOUND" },
        { "/rebalance/proposals/pp_unknown/versions/1", "PROPOSAL_VERSION_NOT_FOUND" },
        { "/rebalance/proposals/pp_unknown/workflow-events", "PROPOSAL_NOT_FOUND" },
        { "/rebalance/proposals/pp_unknown/approvals", "PROPOSAL_NOT_FOUND" },
        { "/rebalance/proposals/pp_unknown/lineage", "PROPOSAL_NOT_FOUND" },
        { "/rebalance/proposals/idempotency/idem_unknown", "PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND" },
        { "/rebalance/proposals/operations/pop_unknown", "PROPOSAL_ASYNC_OPERATION_NOT_FOUND" },
        { "/rebalance/proposals/operations/by-correlation/corr_unknown", "PROPOSAL_ASYNC_OPERATION_NOT_FOUND" },
    };
    for (const auto &[pattern, code] : rows)
        QTest::newRow(pattern) << QString::fromLatin1(pattern) << QString::fromLatin1(code);
}

void ServeProposalsTest::lookup_unknown_answersItsNotFoundCode()
{
    QFETCH(QString, pattern);
    QFETCH(QString, code);
    const HttpAnswer answer = m_server->get(QStringLiteral("/api/v1") + target(qPrintable(pattern)));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, detail(code));
}

void ServeProposalsTest::flag_off_answersItsDisabledCode_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("code"); // empty: the flag does not guard the endpoint (200)
    const char *lifecycle = "PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED";
    const char *support = "PROPOSAL_SUPPORT_APIS_ENABLED";
    const char *async = "PROPOSAL_ASYNC_OPERATIONS_ENABLED";
    const QStringList every { "/rebalance/proposals", "/rebalance/proposals/%p", "/rebalance/proposals/%p/versions/1",
        "/rebalance/proposals/%p/workflow-events", "/rebalance/proposals/%p/approvals",
        "/rebalance/proposals/%p/lineage", "/rebalance/proposals/idempotency/%k",
        "/rebalance/proposals/operations/%o", "/rebalance/proposals/operations/by-correlation/%c" };
    for (const QString &pattern : every) {
        QTest::newRow(qPrintable(QStringLiteral("lifecycle ") + pattern))
            << lifecycle << pattern << QStringLiteral("PROPOSAL_WORKFLOW_LIFECYCLE_DISABLED");
        const bool supportGuards = pattern.contains(QLatin1String("events")) || pattern.contains(QLatin1String("approvals"))
            || pattern.contains(QLatin1String("lineage")) || pattern.contains(QLatin1String("idempotency"));
        QTest::newRow(qPrintable(QStringLiteral("support ") + pattern))
            << support << pattern << (supportGuards ? QStringLiteral("PROPOSAL_SUPPORT_APIS_DISABLED") : QString());
        QTest::newRow(qPrintable(QStringLiteral("async ") + pattern)) << async << pattern
            << (pattern.contains(QLatin1String("operations")) ? QStringLiteral("PROPOSAL_ASYNC_OPERATIONS_DISABLED")
                                                               : QString());
    }
}

void ServeProposalsTest::flag_off_answersItsDisabledCode()
{
    QFETCH(QString, flag);
    QFETCH(QString, pattern);
    QFETCH(QString, code);
    RunningServer server(*m_store, testServeOptions(proposalFlags(qPrintable(flag))));
    const HttpAnswer answer = server.get(QStringLiteral("/api/v1") + target(qPrintable(pattern)));
    if (code.isEmpty()) {
        QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    } else {
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.body, detail(code));
    }
}

void ServeProposalsTest::flags_defaultOn_andIndependentOfDpmFlags()
{
    QProcessEnvironment environment; // no proposal flag set: all default on
    environment.insert(QStringLiteral("DPM_SUPPORT_APIS_ENABLED"), QStringLiteral("false"));
    RunningServer server(*m_store, testServeOptions(environment));
    for (const char *pattern : { "/rebalance/proposals", "/rebalance/proposals/%p/approvals",
             "/rebalance/proposals/operations/%o" }) {
        const HttpAnswer answer = server.get(target(pattern));
        QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    }
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs")).body, detail(QStringLiteral("DPM_SUPPORT_APIS_DISABLED")));
}

void ServeProposalsTest::validation_answersFastApiListForm_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("limit 101") << "/rebalance/proposals?limit=101"
                               << QByteArray(R"({"detail":[{"type":"less_than_equal","loc":["query","limit"],)"
                                             R"("msg":"Input should be less than or equal to 100","input":"101",)"
                                             R"("ctx":{"le":100}}]})");
    QTest::newRow("limit 0") << "/rebalance/proposals?limit=0"
                             << QByteArray(R"({"detail":[{"type":"greater_than_equal","loc":["query","limit"],)"
                                           R"("msg":"Input should be greater than or equal to 1","input":"0",)"
                                           R"("ctx":{"ge":1}}]})");
    QTest::newRow("created_from") << "/rebalance/proposals?created_from=yesterday"
                                  << QByteArray(R"({"detail":[{"type":"datetime_from_date_parsing",)"
                                                R"("loc":["query","created_from"],"msg":"Input should be a valid )"
                                                R"(datetime or date, input is too short","input":"yesterday",)"
                                                R"("ctx":{"error":"input is too short"}}]})");
    QTest::newRow("include_evidence") << "/rebalance/proposals/%p?include_evidence=maybe"
                                      << QByteArray(R"({"detail":[{"type":"bool_parsing","loc":["query",)"
                                                    R"("include_evidence"],"msg":"Input should be a valid boolean, )"
                                                    R"(unable to interpret input","input":"maybe"}]})");
    QTest::newRow("n 0") << "/rebalance/proposals/%p/versions/0"
                         << QByteArray(R"({"detail":[{"type":"greater_than_equal","loc":["path","version_no"],)"
                                       R"("msg":"Input should be greater than or equal to 1","input":"0",)"
                                       R"("ctx":{"ge":1}}]})");
    QTest::newRow("n text, path before query")
        << "/rebalance/proposals/%p/versions/one?include_evidence=x"
        << QByteArray(R"({"detail":[{"type":"int_parsing","loc":["path","version_no"],"msg":"Input should be a )"
                      R"(valid integer, unable to parse string as an integer","input":"one"},{"type":"bool_parsing",)"
                      R"("loc":["query","include_evidence"],"msg":"Input should be a valid boolean, unable to )"
                      R"(interpret input","input":"x"}]})");
}

void ServeProposalsTest::validation_answersFastApiListForm()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, body);
    const HttpAnswer answer = m_server->get(target(qPrintable(pattern)));
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.body, body);
    // Validation answers before the flags.
    RunningServer off(*m_store, testServeOptions(proposalFlags("PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED")));
    QCOMPARE(off.get(target(qPrintable(pattern))).status, 422);
    // "+5" and "2.0" are integers to pydantic.
    QCOMPARE(m_server->get(target("/rebalance/proposals/%p/versions/%2B1")).status, 200);
    QCOMPARE(m_server->get(target("/rebalance/proposals/%p/versions/2.0")).status, 200);
}

void ServeProposalsTest::unknownParameter_onlyListGetAndVersion_nameTheFirst()
{
    const QByteArray alpha(R"({"detail":"UNSUPPORTED_QUERY_PARAMETER: alpha not supported for this endpoint"})");
    for (const char *pattern : { "/rebalance/proposals?zeta=1&alpha=2&limit=5", "/rebalance/proposals/%p?zeta=&alpha",
             "/rebalance/proposals/%p/versions/1?include_evidence=true&zeta=1&alpha=1" }) {
        const HttpAnswer answer = m_server->get(target(pattern));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.body, alpha);
    }
    // After the flags and before not-found.
    RunningServer off(*m_store, testServeOptions(proposalFlags("PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED")));
    QCOMPARE(off.get(target("/rebalance/proposals?zeta=1")).body, detail(QStringLiteral("PROPOSAL_WORKFLOW_LIFECYCLE_DISABLED")));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/pp_unknown?zeta=1")).body,
        QByteArray(R"({"detail":"UNSUPPORTED_QUERY_PARAMETER: zeta not supported for this endpoint"})"));
    // The other proposal endpoints take none and ignore any.
    for (const char *pattern : { "/rebalance/proposals/%p/workflow-events?zeta=1", "/rebalance/proposals/%p/approvals?zeta=1",
             "/rebalance/proposals/%p/lineage?zeta=1", "/rebalance/proposals/idempotency/%k?zeta=1",
             "/rebalance/proposals/operations/%o?zeta=1", "/rebalance/proposals/operations/by-correlation/%c?zeta=1" }) {
        const HttpAnswer answer = m_server->get(target(pattern));
        QVERIFY2(answer.status == 200, qPrintable(QString::fromLatin1(pattern) + answer.describe()));
    }
}

void ServeProposalsTest::routeOrder_fixedSegmentsBeforeProposalId()
{
    // Each would be a proposal id (or its versions) if /proposals/{id} came first.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/idempotency/x")).body,
        detail(QStringLiteral("PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND")));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/operations/x")).body,
        detail(QStringLiteral("PROPOSAL_ASYNC_OPERATION_NOT_FOUND")));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/operations/by-correlation")).body,
        detail(QStringLiteral("PROPOSAL_ASYNC_OPERATION_NOT_FOUND")));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/idempotency")).body,
        detail(QStringLiteral("PROPOSAL_NOT_FOUND")));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/x/versions")).status, 404);
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/proposals/x/versions")).body, detail(QStringLiteral("Not Found")));
    QCOMPARE(m_server->request(QStringLiteral("POST"), QStringLiteral("/rebalance/proposals")).status, 405);
}

// A database from before the proposals (the DPM tables only): every proposal route answers the
// service's 503 for a proposal store that cannot start, before validation and flags (§2's check
// order), the DPM routes keep working, and once the tables exist the routes answer without a
// restart.
void ServeProposalsTest::olderDatabase_withoutProposalTables_answers503First_untilMigrated()
{
    const auto location = freshBackendLocation(*m_dir, QStringLiteral("serve_proposals_older"));
    QVERIFY(location);
    std::unique_ptr<SupportStore> older;
    try {
        older = openOlderServiceStore(*location);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    QVERIFY(!older->proposals().isAvailable());
    auto server = std::make_unique<RunningServer>(*older, testServeOptions(proposalFlags()));
    const QByteArray unavailable = detail(QStringLiteral("PROPOSAL_POSTGRES_CONNECTION_FAILED"));
    for (const char *path : { "/rebalance/proposals", "/api/v1/rebalance/proposals?limit=101",
             "/rebalance/proposals/pp_1", "/rebalance/proposals/pp_1/versions/0", "/rebalance/proposals/pp_1/approvals",
             "/rebalance/proposals/idempotency/k", "/rebalance/proposals/operations/op_1" }) {
        const HttpAnswer answer = server->get(QString::fromLatin1(path));
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.body, unavailable);
    }
    QCOMPARE(server->get(QStringLiteral("/rebalance/runs")).status, 200);
    const QList<QByteArray> log = server->logLines();
    QVERIFY(std::any_of(log.cbegin(), log.cend(),
        [](const QByteArray &line) { return line.contains("error=PROPOSAL_SCHEMA_MISSING"); }));

    // Migrated while served: the same server answers from the new tables.
    try {
        SqlDatabase db(*location);
        Migrator(db).apply(Migrator::namespaces());
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    const HttpAnswer after = server->get(QStringLiteral("/rebalance/proposals"));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body, QByteArray(R"({"items":[],"next_cursor":null})"));
}

DPM_BACKEND_TEST_GUILESS_MAIN(ServeProposalsTest)
#include "tst_serve_proposals.moc"
