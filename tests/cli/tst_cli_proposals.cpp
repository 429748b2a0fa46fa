// dpmctl proposals … and find on proposal rows, end to end: the real dpmctl against a migrated
// store filled with demo proposals through the core store API. Run per backend from this
// source: cli_proposals_sqlite and cli_proposals_postgres (DPM_TEST_BACKEND).

#include "backendstore.h"
#include "clisupport.h"
#include "demo/demoproposals.h"
#include "domain/cursor.h"
#include "domain/proposalapijson.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "services/proposaldiff.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace dpm;
using namespace dpm::test;

namespace {

constexpr qint64 kProposals = 12;
// A proposal record without versions or events (PROPOSAL_VERSION_NOT_FOUND on get).
const QString kBareProposal = QStringLiteral("pp_without_versions");

DemoProposalOptions demoOptions(bool faults = false)
{
    DemoProposalOptions o;
    o.seed = 7;
    o.toMicros = *timestampMicros(QStringLiteral("2026-03-31T00:00:00+00:00"));
    o.fromMicros = *timestampMicros(QStringLiteral("2026-01-01T00:00:00+00:00"));
    o.withIntegrityFaults = faults;
    return o;
}

QStringList ids(const QJsonArray &items, const QString &key)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out << item.toObject().value(key).toString();
    return out;
}

} // namespace

class TestCliProposals : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    std::unique_ptr<SupportStore> m_store;
    QString m_storeArgument;
    QList<DemoProposal> m_demo; // indices 0..kProposals-1
    DemoProposal m_known; // one with several versions, approvals, an operation and an idempotency row

    QProcessEnvironment env() const { return sandboxEnvironment(m_sandbox->path()); }
    CliResult cli(QStringList args) const
    {
        args << QStringLiteral("--store") << m_storeArgument << QStringLiteral("--json");
        return runDpmctl(args, env());
    }
    CliResult text(QStringList args) const
    {
        args << QStringLiteral("--store") << m_storeArgument;
        return runDpmctl(args, env());
    }

    QString storeArgumentOf(const StoreLocation &location) const
    {
        if (location.backend() == StoreBackend::Sqlite)
            return QStringLiteral("sqlite:") + location.sqlitePath();
        return PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));
    }

    // Every stored summary, newest first, as the listing orders them.
    QList<ProposalRecord> newestFirst(const std::function<bool(const ProposalRecord &)> &keep = {}) const
    {
        QList<ProposalRecord> out;
        for (const DemoProposal &p : m_demo) {
            if (!keep || keep(p.record))
                out << p.record;
        }
        std::sort(out.begin(), out.end(), [](const ProposalRecord &a, const ProposalRecord &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.proposalId > b.proposalId;
        });
        return out;
    }
    static QStringList idsOf(const QList<ProposalRecord> &records)
    {
        QStringList out;
        for (const ProposalRecord &r : records)
            out << r.proposalId;
        return out;
    }

    // Follows next_cursor with --limit 1 to the end; the ids in page order.
    QStringList pageThrough(const QStringList &command)
    {
        QStringList seen;
        std::optional<QString> cursor;
        for (int page = 0; page < 40; ++page) {
            QStringList args = command;
            args << QStringLiteral("--limit") << QStringLiteral("1");
            if (cursor)
                args << QStringLiteral("--cursor") << *cursor;
            const CliResult r = cli(args);
            if (r.exitCode != 0)
                return { r.describe() };
            const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
            if (items.size() > 1)
                return { QStringLiteral("<page larger than the limit>") };
            seen += ids(items, QStringLiteral("proposal_id"));
            const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
            if (!next.isString())
                return next.isNull() ? seen : QStringList { QStringLiteral("<next_cursor missing>") };
            cursor = next.toString();
        }
        return { QStringLiteral("<did not end>") };
    }

    // A proposal record without any version or event (not in the listings' expectations).
    void addBareProposal()
    {
        ProposalRecord bare = m_demo.constFirst().record;
        bare.proposalId = kBareProposal;
        bare.createdAt = QStringLiteral("2025-06-01T00:00:00+00:00");
        bare.lastEventAt = bare.createdAt;
        guarded([&] { m_store->proposals().createProposal(bare); });
    }

private Q_SLOTS:
    void init()
    {
        if (backendIsPostgres())
            DPM_REQUIRE_POSTGRES();
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        m_demo.clear();
        m_known = {};
        try {
            const std::optional<StoreLocation> location
                = freshBackendLocation(*m_sandbox, QStringLiteral("proposals"));
            QVERIFY(location);
            m_store = openStore(*location, OpenOptions { .applyMigrations = true });
            m_storeArgument = storeArgumentOf(*location);
            for (qint64 i = 0; i < kProposals; ++i) {
                m_demo << generateDemoProposal(i, demoOptions());
                writeDemoProposal(m_store->proposals(), m_demo.constLast());
                const DemoProposal &p = m_demo.constLast();
                if (m_known.record.proposalId.isEmpty() && p.versions.size() >= 2 && !p.approvals.isEmpty()
                    && !p.idempotency.isEmpty() && !p.operations.isEmpty())
                    m_known = p;
            }
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        QVERIFY2(!m_known.record.proposalId.isEmpty(), "no demo proposal with versions, approvals and operations");
    }

    void cleanup()
    {
        m_store.reset();
        m_sandbox.reset();
    }

    // ------------------------------------------------------------------ list

    void list_all_newestFirstInTheServiceShape()
    {
        const CliResult r = cli({ "proposals", "list", "--limit", "100" });
        CLI_OK(r);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(ids(items, "proposal_id"), idsOf(newestFirst()));
        QVERIFY(r.json().value("next_cursor").isNull());
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.keys(),
            (QStringList { "created_at", "created_by", "current_state", "current_version_no", "jurisdiction",
                "last_event_at", "mandate_id", "portfolio_id", "proposal_id", "title" }));
        for (const DemoProposal &p : std::as_const(m_demo)) {
            if (p.record.proposalId == first.value("proposal_id").toString())
                QCOMPARE(first, proposalSummaryJson(p.record));
        }
    }

    void list_defaultLimitIsTheService20()
    {
        // 25 proposals: the first page holds 20, as the service's default.
        for (qint64 i = kProposals; i < 25; ++i)
            guarded([&] { writeDemoProposal(m_store->proposals(), generateDemoProposal(i, demoOptions())); });
        const CliResult r = cli({ "proposals", "list" });
        CLI_OK(r);
        QCOMPARE(r.json().value("items").toArray().size(), 20);
        QVERIFY(r.json().value("next_cursor").isString());
        const CliResult rest = cli({ "proposals", "list", "--cursor", r.json().value("next_cursor").toString() });
        CLI_OK(rest);
        QCOMPARE(rest.json().value("items").toArray().size(), 5);
        QVERIFY(rest.json().value("next_cursor").isNull());
    }

    void list_filters()
    {
        const ProposalRecord &k = m_known.record;
        const auto check = [&](const QStringList &filter, const std::function<bool(const ProposalRecord &)> &keep) {
            const CliResult r = cli(QStringList { "proposals", "list", "--limit", "100" } + filter);
            CLI_OK(r);
            QStringList expected = idsOf(newestFirst(keep));
            QVERIFY(!expected.isEmpty());
            QCOMPARE(ids(r.json().value("items").toArray(), "proposal_id"), expected);
        };
        check({ "--portfolio", k.portfolioId }, [&](const ProposalRecord &p) { return p.portfolioId == k.portfolioId; });
        check({ "--state", k.currentState }, [&](const ProposalRecord &p) { return p.currentState == k.currentState; });
        check({ "--created-by", k.createdBy }, [&](const ProposalRecord &p) { return p.createdBy == k.createdBy; });
        // Bounds inclusive, given with another offset: normalised as runs list does.
        const QString at = k.createdAt;
        QString shifted = formatTimestampMicros(*timestampMicros(at) + 8LL * 3600 * 1000000);
        QVERIFY(shifted.endsWith(QStringLiteral("+00:00")));
        shifted = shifted.chopped(6) + QStringLiteral("+08:00");
        check({ "--from", shifted, "--to", shifted }, [&](const ProposalRecord &p) { return p.createdAt == at; });
        check({ "--from", "2026-02-01" }, [&](const ProposalRecord &p) { return p.createdAt >= "2026-02-01"; });
    }

    void list_pagingWithLimitOne_reachesTheEnd()
    {
        QCOMPARE(pageThrough({ "proposals", "list" }), idsOf(newestFirst()));
    }

    void list_bareProposalIdCursor_keepsWorking()
    {
        // A client of the service holds the last row's id as its cursor.
        const QStringList all = idsOf(newestFirst());
        const CliResult r = cli({ "proposals", "list", "--cursor", all.at(3), "--limit", "100" });
        CLI_OK(r);
        QCOMPARE(ids(r.json().value("items").toArray(), "proposal_id"), all.mid(4));
        const CliResult unknown = cli({ "proposals", "list", "--cursor", "pp_nothing" });
        CLI_OK(unknown);
        QCOMPARE(unknown.json().value("items").toArray().size(), 0);
        QVERIFY(unknown.json().value("next_cursor").isNull());
    }

    void list_badInput_exit5_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("state unknown") << QStringList { "--state", "APPROVED" } << "INVALID_PROPOSAL_STATE";
        QTest::newRow("state lower case") << QStringList { "--state", "draft" } << "INVALID_PROPOSAL_STATE";
        QTest::newRow("limit 0") << QStringList { "--limit", "0" } << "INVALID_LIMIT";
        QTest::newRow("limit 101") << QStringList { "--limit", "101" } << "INVALID_LIMIT";
        QTest::newRow("limit text") << QStringList { "--limit", "ten" } << "INVALID_LIMIT";
        QTest::newRow("timestamp") << QStringList { "--from", "yesterday" } << "INVALID_TIMESTAMP";
        QTest::newRow("cursor not base64") << QStringList { "--cursor", "c1.!!!" } << "INVALID_CURSOR";
        QTest::newRow("cursor of the runs listing")
            << QStringList { "--cursor", encodeCursor(CursorListing::Runs, "2026-01-01T00:00:00+00:00", "rr_1") }
            << "INVALID_CURSOR";
    }

    void list_badInput_exit5()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        const CliResult r = cli(QStringList { "proposals", "list" } + args);
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errorJson().value("code").toString(), code);
    }

    // ------------------------------------------------------------------ lookups

    void get_detailOfTheCurrentVersion()
    {
        const CliResult r = cli({ "proposals", "get", m_known.record.proposalId });
        CLI_OK(r);
        QCOMPARE(r.json().keys(), (QStringList { "current_version", "last_gate_decision", "proposal" }));
        QCOMPARE(r.json(), proposalDetailJson(m_known.record, m_known.versions.constLast(), true));
        QCOMPARE(r.json().value("current_version").toObject().keys(),
            (QStringList { "artifact", "artifact_hash", "created_at", "evidence_bundle", "gate_decision",
                "proposal_id", "proposal_result", "proposal_version_id", "request_hash", "simulation_hash",
                "status_at_creation", "version_no" }));
        QVERIFY(!r.json().value("current_version").toObject().value("evidence_bundle").toObject().isEmpty());

        const CliResult noEvidence = cli({ "proposals", "get", m_known.record.proposalId, "--no-evidence" });
        CLI_OK(noEvidence);
        QCOMPARE(noEvidence.json(), proposalDetailJson(m_known.record, m_known.versions.constLast(), false));
        QCOMPARE(noEvidence.json().value("current_version").toObject().value("evidence_bundle").toObject(),
            QJsonObject());
    }

    void get_unknownOrWithoutVersions_exit3()
    {
        addBareProposal();
        CLI_FAILS(cli({ "proposals", "get", "pp_nothing" }), 3, "PROPOSAL_NOT_FOUND");
        CLI_FAILS(cli({ "proposals", "get", kBareProposal }), 3, "PROPOSAL_VERSION_NOT_FOUND");
        const CliResult t = text({ "proposals", "get", "pp_nothing" });
        QCOMPARE(t.exitCode, 3);
        QVERIFY2(t.err.startsWith("dpmctl: PROPOSAL_NOT_FOUND: "), t.err.constData());
    }

    void version_eachVersion_andItsErrors()
    {
        for (const ProposalVersion &v : std::as_const(m_known.versions)) {
            const CliResult r = cli({ "proposals", "version", v.proposalId, QString::number(v.versionNo) });
            CLI_OK(r);
            QCOMPARE(r.json(), proposalVersionJson(v, true));
        }
        const ProposalVersion &first = m_known.versions.constFirst();
        const CliResult noEvidence = cli({ "proposals", "version", first.proposalId, "1", "--no-evidence" });
        CLI_OK(noEvidence);
        QCOMPARE(noEvidence.json(), proposalVersionJson(first, false));
        CLI_FAILS(cli({ "proposals", "version", first.proposalId, "99" }), 3, "PROPOSAL_VERSION_NOT_FOUND");
        CLI_FAILS(cli({ "proposals", "version", "pp_nothing", "1" }), 3, "PROPOSAL_VERSION_NOT_FOUND");
        CLI_FAILS(cli({ "proposals", "version", first.proposalId, "0" }), 5, "INVALID_PROPOSAL_VERSION_NO");
        CLI_FAILS(cli({ "proposals", "version", first.proposalId, "one" }), 5, "INVALID_PROPOSAL_VERSION_NO");

        // Text: the header and the artifact hash verified by the service's rule.
        const CliResult t = text({ "proposals", "version", first.proposalId, "1" });
        CLI_OK(t);
        QVERIFY2(QRegularExpression(QStringLiteral("\\nartifact_hash: +%1 \\(verified\\)\\n")
                                        .arg(QRegularExpression::escape(first.artifactHash)))
                     .match(QString::fromUtf8(t.out))
                     .hasMatch(),
            t.out.constData());
    }

    void events_approvals_lineage_inTheServiceShapes()
    {
        const QString id = m_known.record.proposalId;
        const CliResult events = cli({ "proposals", "events", id });
        CLI_OK(events);
        QCOMPARE(events.json(), proposalTimelineJson(m_known.record, m_known.events));
        QCOMPARE(events.json().keys(), (QStringList { "current_state", "events", "proposal_id" }));
        QCOMPARE(events.json().value("events").toArray().at(0).toObject().keys(),
            (QStringList { "actor_id", "event_id", "event_type", "from_state", "occurred_at", "proposal_id",
                "reason", "related_version_no", "to_state" }));

        const CliResult approvals = cli({ "proposals", "approvals", id });
        CLI_OK(approvals);
        QCOMPARE(approvals.json(), proposalApprovalsJson(id, m_known.approvals));
        QCOMPARE(approvals.json().value("approvals").toArray().at(0).toObject().keys(),
            (QStringList { "actor_id", "approval_id", "approval_type", "approved", "details", "occurred_at",
                "proposal_id", "related_version_no" }));

        QList<ProposalVersionHeader> headers;
        for (const ProposalVersion &v : std::as_const(m_known.versions))
            headers << headerOf(v);
        const CliResult lineage = cli({ "proposals", "lineage", id });
        CLI_OK(lineage);
        QCOMPARE(lineage.json(), proposalLineageJson(m_known.record, headers));
        QCOMPARE(lineage.json().value("versions").toArray().size(), m_known.versions.size());

        for (const char *command : { "events", "approvals", "lineage" })
            CLI_FAILS(cli({ "proposals", command, "pp_nothing" }), 3, "PROPOSAL_NOT_FOUND");
        // A proposal without versions has an empty lineage, not an error.
        addBareProposal();
        const CliResult bare = cli({ "proposals", "lineage", kBareProposal });
        CLI_OK(bare);
        QCOMPARE(bare.json().value("versions").toArray().size(), 0);
    }

    void idempotencyAndOperations_inTheServiceShapes()
    {
        const ProposalIdempotency &key = m_known.idempotency.constFirst();
        const CliResult byKey = cli({ "proposals", "by-idempotency", key.idempotencyKey });
        CLI_OK(byKey);
        QCOMPARE(byKey.json(), proposalIdempotencyJson(key));
        QCOMPARE(byKey.json().keys(),
            (QStringList { "created_at", "idempotency_key", "proposal_id", "proposal_version_no", "request_hash" }));
        CLI_FAILS(cli({ "proposals", "by-idempotency", "idem-nothing" }), 3, "PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND");

        const ProposalAsyncOperation &op = m_known.operations.constFirst();
        const CliResult get = cli({ "proposals", "operations", "get", op.operationId });
        CLI_OK(get);
        QCOMPARE(get.json(), proposalOperationJson(op));
        QCOMPARE(get.json().keys(),
            (QStringList { "correlation_id", "created_at", "created_by", "error", "finished_at", "idempotency_key",
                "operation_id", "operation_type", "proposal_id", "result", "started_at", "status" }));
        const CliResult byCorrelation = cli({ "proposals", "operations", "by-correlation", op.correlationId });
        CLI_OK(byCorrelation);
        QCOMPARE(byCorrelation.json(), proposalOperationJson(op));
        CLI_FAILS(cli({ "proposals", "operations", "get", "pop_nothing" }), 3, "PROPOSAL_ASYNC_OPERATION_NOT_FOUND");
        CLI_FAILS(cli({ "proposals", "operations", "by-correlation", "corr_nothing" }), 3,
            "PROPOSAL_ASYNC_OPERATION_NOT_FOUND");
    }

    void everyCommand_printsText()
    {
        const QString id = m_known.record.proposalId;
        const ProposalAsyncOperation &op = m_known.operations.constFirst();
        const QList<QStringList> commands { { "proposals", "list" }, { "proposals", "get", id },
            { "proposals", "version", id, "1" }, { "proposals", "events", id }, { "proposals", "approvals", id },
            { "proposals", "lineage", id }, { "proposals", "by-idempotency", m_known.idempotency.constFirst().idempotencyKey },
            { "proposals", "operations", "get", op.operationId },
            { "proposals", "operations", "by-correlation", op.correlationId }, { "proposals", "diff", id, "1", "2" } };
        for (const QStringList &command : commands) {
            const CliResult r = text(command);
            CLI_OK(r);
            // The listing's last line, else the id the command was given (an operation may have no proposal).
            const QByteArray shown = command == commands.first() ? QByteArray("rows; end")
                : command.at(1) == QLatin1String("operations") ? command.constLast().toUtf8()
                                                               : command.at(2).toUtf8();
            QVERIFY2(r.out.contains(shown), qPrintable(r.describe()));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));
        }
    }

    // ------------------------------------------------------------------ diff

    void diff_json_isTheServiceDiff_andTextHasALinePerDifference()
    {
        const QString id = m_known.record.proposalId;
        const ProposalVersionDiff expected = diffProposalVersions(m_store->proposals(), id, 1, 2);
        QVERIFY(!expected.result.isEmpty() || !expected.artifact.isEmpty());
        const CliResult r = cli({ "proposals", "diff", id, "1", "2" });
        CLI_OK(r);
        QCOMPARE(r.json(), proposalVersionDiffJson(expected));

        const CliResult t = text({ "proposals", "diff", id, "1", "2" });
        CLI_OK(t);
        const QStringList lines = QString::fromUtf8(t.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.at(0), QStringLiteral("proposal %1: version 1 -> 2").arg(id));
        const qsizetype artifactAt = lines.indexOf(QRegularExpression(QStringLiteral("artifact: .*")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("result: ")));
        QVERIFY(artifactAt > 1);
        QCOMPARE(artifactAt - 2, expected.result.size());
        QCOMPARE(lines.size() - artifactAt - 1, expected.artifact.size());
        for (qsizetype i = 0; i < expected.result.size(); ++i) {
            const JsonDifference &d = expected.result.at(i);
            QVERIFY2(lines.at(2 + i).startsWith(QStringLiteral("  %1 %2: ").arg(toWire(d.kind), d.path)),
                qPrintable(lines.at(2 + i)));
            if (d.kind == JsonDifference::Kind::Changed)
                QVERIFY2(lines.at(2 + i).contains(QStringLiteral(" -> ")), qPrintable(lines.at(2 + i)));
        }
        // The same version twice: nothing differs.
        const CliResult same = text({ "proposals", "diff", id, "2", "2" });
        CLI_OK(same);
        QVERIFY2(same.out.contains("result: no differences\nartifact: no differences\n"), same.out.constData());

        CLI_FAILS(cli({ "proposals", "diff", id, "1", "99" }), 3, "PROPOSAL_VERSION_NOT_FOUND");
        CLI_FAILS(cli({ "proposals", "diff", id, "x", "2" }), 5, "INVALID_PROPOSAL_VERSION_NO");
    }

    // ------------------------------------------------------------------ check

    void check_cleanStore_exit0()
    {
        const CliResult all = cli({ "proposals", "check" });
        CLI_OK(all);
        QCOMPARE(all.json().keys(), (QStringList { "cancelled", "finding_count", "findings", "proposals_checked" }));
        QCOMPARE(all.json().value("proposals_checked").toInteger(), kProposals);
        QCOMPARE(all.json().value("finding_count").toInteger(), 0);
        QVERIFY(all.err.isEmpty());
        const CliResult allText = text({ "proposals", "check" });
        CLI_OK(allText);
        QCOMPARE(allText.out, QStringLiteral("%1 proposals checked; no findings\n").arg(kProposals).toUtf8());
        QVERIFY(allText.err.isEmpty()); // no terminal, no progress

        const CliResult one = cli({ "proposals", "check", m_known.record.proposalId });
        CLI_OK(one);
        QCOMPARE(one.json().value("proposals_checked").toInteger(), 1);
        QCOMPARE(one.json().value("findings").toArray().size(), 0);
        const CliResult t = text({ "proposals", "check", m_known.record.proposalId });
        CLI_OK(t);
        QCOMPARE(t.out, QByteArray("1 proposal checked; no findings\n"));
        CLI_FAILS(cli({ "proposals", "check", "pp_nothing" }), 3, "PROPOSAL_NOT_FOUND");
    }

    void check_injectedFaults_exit10WithExactlyTheirCodes()
    {
        // Every 61st demo proposal is broken with faults on; these six cover every code.
        QSet<QString> broken;
        QSet<QString> injected;
        for (qint64 i = 60; i < 61 * 6; i += 61) {
            const DemoProposal p = generateDemoProposal(i, demoOptions(true));
            QVERIFY(!p.injectedFault.isEmpty());
            guarded([&] { writeDemoProposal(m_store->proposals(), p); });
            broken.insert(p.record.proposalId);
            injected.insert(p.injectedFault);
        }
        const QStringList all = demoIntegrityFaultCodes();
        QCOMPARE(injected, QSet<QString>(all.cbegin(), all.cend()));

        const CliResult r = cli({ "proposals", "check" });
        QCOMPARE(r.exitCode, 10);
        QCOMPARE(r.errorJson().value("code").toString(), QStringLiteral("PROPOSAL_INTEGRITY_FINDINGS"));
        QCOMPARE(r.errorJson().value("kind").toString(), QStringLiteral("findings"));
        QCOMPARE(r.json().value("proposals_checked").toInteger(), kProposals + 6);
        const QJsonArray findings = r.json().value("findings").toArray();
        QCOMPARE(r.json().value("finding_count").toInteger(), findings.size());
        QSet<QString> codes;
        QSet<QString> proposals;
        for (const QJsonValue &f : findings) {
            codes.insert(f.toObject().value("code").toString());
            proposals.insert(f.toObject().value("proposal_id").toString());
            QCOMPARE(f.toObject().keys(),
                (QStringList { "approval_id", "code", "event_id", "message", "proposal_id", "version_no" }));
        }
        QCOMPARE(proposals, broken);
        QCOMPARE(codes, injected);

        // Text: a line per finding, then the summary; stderr says why the exit code.
        const CliResult t = text({ "proposals", "check" });
        QCOMPARE(t.exitCode, 10);
        const QStringList lines = QString::fromUtf8(t.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), findings.size() + 1);
        for (qsizetype i = 0; i < findings.size(); ++i) {
            const QJsonObject f = findings.at(i).toObject();
            QVERIFY2(lines.at(i).startsWith(f.value("code").toString() + ' ' + f.value("proposal_id").toString()),
                qPrintable(lines.at(i)));
            QVERIFY2(lines.at(i).endsWith(": " + f.value("message").toString()), qPrintable(lines.at(i)));
        }
        QCOMPARE(lines.constLast(), QStringLiteral("%1 proposals checked; %2 findings").arg(kProposals + 6).arg(findings.size()));
        QVERIFY2(t.err.startsWith("dpmctl: PROPOSAL_INTEGRITY_FINDINGS: "), t.err.constData());
        // Not a terminal: no progress lines.
        QCOMPARE(t.err.count('\n'), 1);
    }

    // ------------------------------------------------------------------ find

    void find_proposalRows()
    {
        const ProposalVersion &v2 = m_known.versions.at(1);
        const ProposalWorkflowEvent &event = m_known.events.constFirst();
        const struct
        {
            QString identifier;
            QString kind;
            QJsonValue versionNo;
        } cases[] = { { m_known.record.proposalId, "proposal_id", QJsonValue() },
            { v2.proposalVersionId, "proposal_version_id", 2 },
            { event.eventId, "proposal_event_id",
                event.relatedVersionNo ? QJsonValue(double(*event.relatedVersionNo)) : QJsonValue() } };
        for (const auto &c : cases) {
            const CliResult r = cli({ "find", c.identifier });
            CLI_OK(r);
            QCOMPARE(r.json().value("identifier").toString(), c.identifier);
            const QJsonArray matches = r.json().value("matches").toArray();
            QCOMPARE(matches.size(), 1);
            const QJsonObject match = matches.at(0).toObject();
            QCOMPARE(match.keys(),
                (QStringList { "kind", "operation_id", "proposal_exists", "proposal_id", "version_no" }));
            QCOMPARE(match.value("kind").toString(), c.kind);
            QCOMPARE(match.value("proposal_id").toString(), m_known.record.proposalId);
            QCOMPARE(match.value("proposal_exists").toBool(), true);
            QCOMPARE(match.value("version_no"), c.versionNo);

            const CliResult t = text({ "find", c.identifier });
            CLI_OK(t);
            QVERIFY2(t.out.startsWith("kind ") && t.out.contains(c.kind.toUtf8()) && t.out.endsWith("1 match\n"),
                t.out.constData());
        }
        CLI_FAILS(cli({ "find", "pp_nothing" }), 3, "DPM_IDENTIFIER_NOT_FOUND");
    }

    // ------------------------------------------------------------------ a store without proposals

    void storeWithoutProposalTables_schemaMissing_findStillWorks()
    {
        const StoreLocation service = [&] {
            if (backendIsPostgres())
                return createServicePostgres(QStringLiteral("noproposals"));
            const QString path = m_sandbox->filePath(QStringLiteral("service.db"));
            createServiceSqlite(path);
            return StoreLocation::sqlite(path);
        }();
        seedStore(service);
        const QString store = storeArgumentOf(service);
        const CliResult list = runDpmctl({ "proposals", "list", "--store", store, "--json" }, env());
        QCOMPARE(list.exitCode, 8);
        QVERIFY(list.out.isEmpty());
        QCOMPARE(list.errorJson().value("code").toString(), QStringLiteral("PROPOSAL_SCHEMA_MISSING"));
        const CliResult check = runDpmctl({ "proposals", "check", "--store", store, "--json" }, env());
        QCOMPARE(check.exitCode, 8);
        QCOMPARE(check.errorJson().value("code").toString(), QStringLiteral("PROPOSAL_SCHEMA_MISSING"));
        // find names DPM rows there as before.
        const CliResult find = runDpmctl({ "find", "rr_00000001", "--store", store, "--json" }, env());
        CLI_OK(find);
        QCOMPARE(find.json().value("matches").toArray().at(0).toObject().value("kind").toString(),
            QStringLiteral("run_id"));
    }

};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliProposals)
#include "tst_cli_proposals.moc"
