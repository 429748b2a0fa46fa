#include "sqlproposalstore.h"

#include "domain/error.h"
#include "store/sqlbulkloader.h"
#include "store/sqldatabase.h"
#include "store/sqlkeyset.h"
#include "store/sqltransaction.h"

namespace dpm {

namespace {

using sql::rethrowAsConflict;
using sql::SqlWhere;

const QString kProposalColumns
    = QStringLiteral("proposal_id, portfolio_id, mandate_id, jurisdiction, created_by, created_at, last_event_at, "
                     "current_state, current_version_no, title, advisor_notes");
const QString kHeaderColumns = QStringLiteral("proposal_version_id, proposal_id, version_no, created_at, "
                                              "request_hash, artifact_hash, simulation_hash, status_at_creation");
const QString kVersionColumns
    = kHeaderColumns + QStringLiteral(", proposal_result_json, artifact_json, evidence_bundle_json, gate_decision_json");
const QString kProposalEventColumns = QStringLiteral(
    "event_id, proposal_id, event_type, from_state, to_state, actor_id, occurred_at, reason_json, related_version_no");
const QString kApprovalColumns = QStringLiteral(
    "approval_id, proposal_id, approval_type, approved, actor_id, occurred_at, details_json, related_version_no");
const QString kIdempotencyColumns
    = QStringLiteral("idempotency_key, request_hash, proposal_id, proposal_version_no, created_at");
const QString kProposalOperationColumns
    = QStringLiteral("operation_id, operation_type, status, correlation_id, idempotency_key, proposal_id, "
                     "created_by, created_at, started_at, finished_at, result_json, error_json");

QVariant nullableNumber(const std::optional<qint64> &value)
{
    return value ? QVariant(qlonglong(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

std::optional<qint64> optionalNumber(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// "INSERT INTO t (cols) VALUES (?, …) ON CONFLICT (key) DO UPDATE SET c = excluded.c, …" for
// every column outside the key: the service's upserts.
QString upsertSql(const QString &table, const QString &columns, const QStringList &key)
{
    const QStringList names = columns.split(QStringLiteral(", "));
    QStringList sets;
    for (const QString &name : names) {
        if (!key.contains(name))
            sets << QStringLiteral("%1 = excluded.%1").arg(name);
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5")
        .arg(table, columns, sqlPlaceholders(names.size()), key.join(QStringLiteral(", ")),
            sets.join(QStringLiteral(", ")));
}

QString insertSql(const QString &table, const QString &columns)
{
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(table, columns, sqlPlaceholders(columns.count(QLatin1Char(',')) + 1));
}

ProposalRecord readProposal(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), optionalText(q.value(2)), optionalText(q.value(3)),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
        q.value(8).toLongLong(), optionalText(q.value(9)), optionalText(q.value(10)) };
}

QVariantList proposalValues(const ProposalRecord &p)
{
    return { p.proposalId, p.portfolioId, nullableText(p.mandateId), nullableText(p.jurisdiction), p.createdBy,
        p.createdAt, p.lastEventAt, p.currentState, qlonglong(p.currentVersionNo), nullableText(p.title),
        nullableText(p.advisorNotes) };
}

ProposalVersionHeader readHeader(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString() };
}

ProposalVersion readVersion(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
        q.value(8).toString(), q.value(9).toString(), q.value(10).toString(), optionalText(q.value(11)) };
}

ProposalWorkflowEvent readProposalEvent(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), optionalText(q.value(3)),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
        optionalNumber(q.value(8)) };
}

ProposalApproval readApproval(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), optionalNumber(q.value(7)) };
}

ProposalIdempotency readIdempotency(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
        q.value(4).toString() };
}

ProposalAsyncOperation readProposalOperation(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        optionalText(q.value(4)), optionalText(q.value(5)), q.value(6).toString(), q.value(7).toString(),
        optionalText(q.value(8)), optionalText(q.value(9)), optionalText(q.value(10)), optionalText(q.value(11)) };
}

QString approvalOutcomeKey(const QString &type, bool approved)
{
    return type + (approved ? QStringLiteral(":APPROVED") : QStringLiteral(":REJECTED"));
}

template <typename F> auto inTransaction(SqlDatabase &db, SqlTransaction::Mode mode, F &&work) -> decltype(work())
{
    SqlTransaction transaction(db, mode);
    if constexpr (std::is_void_v<decltype(work())>) {
        work();
        transaction.commit();
    } else {
        auto result = work();
        transaction.commit();
        return result;
    }
}

template <typename T, typename Read> QList<T> readAll(SqlRows q, Read read)
{
    QList<T> rows;
    while (q.next())
        rows << read(q);
    return rows;
}

template <typename T, typename Read> std::optional<T> readOne(SqlRows q, Read read)
{
    if (!q.next())
        return std::nullopt;
    return read(q);
}

const QString kEventConflict = QStringLiteral("PROPOSAL_WORKFLOW_EVENT_CONFLICT");
const QString kApprovalConflict = QStringLiteral("PROPOSAL_APPROVAL_CONFLICT");

QString eventConflictMessage(const QString &eventId)
{
    return QStringLiteral("Workflow event '%1' already exists; events are append-only, give the new one an id of "
                          "its own.")
        .arg(eventId);
}

QString approvalConflictMessage(const QString &approvalId)
{
    return QStringLiteral("Approval '%1' already exists; approvals are append-only, give the new one an id of its "
                          "own.")
        .arg(approvalId);
}

} // namespace

SqlProposalStore::SqlProposalStore(SqlDatabase &db)
    : m_db(db)
    , m_c(db.dialect().collateC())
{ }

bool SqlProposalStore::isAvailable()
{
    // Once there, the tables stay: only a missing answer is asked again (after a migration).
    if (m_available.load())
        return true;
    if (!hasProposalTables(m_db))
        return false;
    m_available.store(true);
    return true;
}

void SqlProposalStore::requireAvailable()
{
    if (!isAvailable()) {
        throw Error(ErrorKind::Migration, QStringLiteral("PROPOSAL_SCHEMA_MISSING"),
            QStringLiteral("%1 has no advisory proposal tables; apply the migrations first "
                           "(dpmctl --store <location> migrate apply).")
                .arg(m_db.location().redacted()));
    }
}

void SqlProposalStore::requireWritable()
{
    m_db.refuseChangesOnStandby(QStringLiteral("writing a proposal"));
    requireAvailable();
}

// --- idempotency ---------------------------------------------------------------------------

void SqlProposalStore::saveIdempotency(const ProposalIdempotency &row)
{
    requireWritable();
    m_db.exec(upsertSql(QStringLiteral("proposal_idempotency"), kIdempotencyColumns, { QStringLiteral("idempotency_key") }),
        { row.idempotencyKey, row.requestHash, row.proposalId, qlonglong(row.proposalVersionNo), row.createdAt });
}

std::optional<ProposalIdempotency> SqlProposalStore::getIdempotency(const QString &idempotencyKey)
{
    requireAvailable();
    return readOne<ProposalIdempotency>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_idempotency WHERE idempotency_key = ?").arg(kIdempotencyColumns),
            { idempotencyKey }),
        readIdempotency);
}

void SqlProposalStore::saveSimulationIdempotency(const ProposalSimulationIdempotency &row)
{
    requireWritable();
    m_db.exec(upsertSql(QStringLiteral("proposal_simulation_idempotency"),
                  QStringLiteral("idempotency_key, request_hash, response_json, created_at"),
                  { QStringLiteral("idempotency_key") }),
        { row.idempotencyKey, row.requestHash, row.responseJson, row.createdAt });
}

std::optional<ProposalSimulationIdempotency> SqlProposalStore::getSimulationIdempotency(
    const QString &idempotencyKey)
{
    requireAvailable();
    return readOne<ProposalSimulationIdempotency>(
        m_db.exec(QStringLiteral("SELECT idempotency_key, request_hash, response_json, created_at "
                                 "FROM proposal_simulation_idempotency WHERE idempotency_key = ?"),
            { idempotencyKey }),
        [](const SqlRows &q) {
            return ProposalSimulationIdempotency { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString() };
        });
}

// --- async operations ----------------------------------------------------------------------

void SqlProposalStore::upsertOperation(const ProposalAsyncOperation &o)
{
    const auto message = [&](const QString &holder) {
        return QStringLiteral("Correlation id '%1' already belongs to proposal operation '%2'; an operation needs a "
                              "correlation id of its own.")
            .arg(o.correlationId, holder);
    };
    const QString code = QStringLiteral("PROPOSAL_ASYNC_OPERATION_CORRELATION_CONFLICT");
    inTransaction(m_db, SqlTransaction::Mode::Write, [&] {
        SqlRows clash = m_db.exec(QStringLiteral("SELECT operation_id FROM proposal_async_operations "
                                                 "WHERE correlation_id = ? AND operation_id <> ?"),
            { o.correlationId, o.operationId });
        if (clash.next())
            throw Error(ErrorKind::Conflict, code, message(clash.value(0).toString()));
        try {
            m_db.exec(upsertSql(QStringLiteral("proposal_async_operations"), kProposalOperationColumns,
                          { QStringLiteral("operation_id") }),
                { o.operationId, o.operationType, o.status, o.correlationId, nullableText(o.idempotencyKey),
                    nullableText(o.proposalId), o.createdBy, o.createdAt, nullableText(o.startedAt),
                    nullableText(o.finishedAt), nullableText(o.resultJson), nullableText(o.errorJson) });
        } catch (const Error &e) {
            rethrowAsConflict(e, code, message(QStringLiteral("another operation")));
        }
    });
}

void SqlProposalStore::createOperation(const ProposalAsyncOperation &operation)
{
    requireWritable();
    upsertOperation(operation);
}

void SqlProposalStore::updateOperation(const ProposalAsyncOperation &operation)
{
    requireWritable();
    upsertOperation(operation);
}

std::optional<ProposalAsyncOperation> SqlProposalStore::getOperation(const QString &operationId)
{
    requireAvailable();
    return readOne<ProposalAsyncOperation>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_async_operations WHERE operation_id = ?")
                      .arg(kProposalOperationColumns),
            { operationId }),
        readProposalOperation);
}

std::optional<ProposalAsyncOperation> SqlProposalStore::getOperationByCorrelation(const QString &correlationId)
{
    requireAvailable();
    return readOne<ProposalAsyncOperation>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_async_operations WHERE correlation_id = ?")
                      .arg(kProposalOperationColumns),
            { correlationId }),
        readProposalOperation);
}

// --- proposals -----------------------------------------------------------------------------

void SqlProposalStore::upsertProposal(const ProposalRecord &proposal)
{
    m_db.exec(upsertSql(QStringLiteral("proposal_records"), kProposalColumns, { QStringLiteral("proposal_id") }),
        proposalValues(proposal));
}

void SqlProposalStore::createProposal(const ProposalRecord &proposal)
{
    requireWritable();
    upsertProposal(proposal);
}

void SqlProposalStore::updateProposal(const ProposalRecord &proposal)
{
    requireWritable();
    upsertProposal(proposal);
}

std::optional<ProposalRecord> SqlProposalStore::getProposal(const QString &proposalId)
{
    requireAvailable();
    return readOne<ProposalRecord>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_records WHERE proposal_id = ?").arg(kProposalColumns),
            { proposalId }),
        readProposal);
}

Page<ProposalRecord> SqlProposalStore::listProposals(const ProposalFilter &filter, const PageRequest &page)
{
    sql::requireValidLimit(page.limit);
    requireAvailable();
    SqlWhere where;
    where.equals(QStringLiteral("portfolio_id"), filter.portfolioId);
    where.equals(QStringLiteral("current_state"), filter.state);
    where.equals(QStringLiteral("created_by"), filter.createdBy);
    where.atLeast(QStringLiteral("created_at") + m_c, filter.createdFrom);
    where.atMost(QStringLiteral("created_at") + m_c, filter.createdTo);
    const sql::KeysetListing spec { CursorListing::Proposals, QStringLiteral("proposal_records"), kProposalColumns,
        QStringLiteral("created_at"), QStringLiteral("proposal_id") };
    return sql::keysetPage<ProposalRecord>(m_db, m_c, spec, where, page, readProposal,
        [](const ProposalRecord &p) { return std::pair { p.createdAt, p.proposalId }; });
}

// --- versions ------------------------------------------------------------------------------

void SqlProposalStore::createVersion(const ProposalVersion &v)
{
    requireWritable();
    m_db.exec(upsertSql(QStringLiteral("proposal_versions"), kVersionColumns,
                  { QStringLiteral("proposal_id"), QStringLiteral("version_no") }),
        { v.proposalVersionId, v.proposalId, qlonglong(v.versionNo), v.createdAt, v.requestHash, v.artifactHash,
            v.simulationHash, v.statusAtCreation, v.proposalResultJson, v.artifactJson, v.evidenceBundleJson,
            nullableText(v.gateDecisionJson) });
}

std::optional<ProposalVersion> SqlProposalStore::getVersion(const QString &proposalId, qint64 versionNo)
{
    requireAvailable();
    return readOne<ProposalVersion>(
        m_db.exec(
            QStringLiteral("SELECT %1 FROM proposal_versions WHERE proposal_id = ? AND version_no = ?").arg(kVersionColumns),
            { proposalId, qlonglong(versionNo) }),
        readVersion);
}

std::optional<ProposalVersion> SqlProposalStore::getCurrentVersion(const QString &proposalId)
{
    requireAvailable();
    return readOne<ProposalVersion>(m_db.exec(QStringLiteral("SELECT %1 FROM proposal_versions WHERE proposal_id = ? "
                                                             "ORDER BY version_no DESC LIMIT 1")
                                                  .arg(kVersionColumns),
                                        { proposalId }),
        readVersion);
}

QList<ProposalVersionHeader> SqlProposalStore::listVersions(const QString &proposalId)
{
    requireAvailable();
    return selectHeaders(proposalId);
}

QList<ProposalVersionHeader> SqlProposalStore::selectHeaders(const QString &proposalId)
{
    return readAll<ProposalVersionHeader>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_versions WHERE proposal_id = ? ORDER BY version_no")
                      .arg(kHeaderColumns),
            { proposalId }),
        readHeader);
}

// --- workflow events and approvals ---------------------------------------------------------

void SqlProposalStore::insertEvent(const ProposalWorkflowEvent &e)
{
    try {
        m_db.exec(insertSql(QStringLiteral("proposal_workflow_events"), kProposalEventColumns),
            { e.eventId, e.proposalId, e.eventType, nullableText(e.fromState), e.toState, e.actorId, e.occurredAt,
                e.reasonJson, nullableNumber(e.relatedVersionNo) });
    } catch (const Error &error) {
        rethrowAsConflict(error, kEventConflict, eventConflictMessage(e.eventId));
    }
}

void SqlProposalStore::insertApproval(const ProposalApproval &a)
{
    try {
        m_db.exec(insertSql(QStringLiteral("proposal_approvals"), kApprovalColumns),
            { a.approvalId, a.proposalId, a.approvalType, a.approved, a.actorId, a.occurredAt, a.detailsJson,
                nullableNumber(a.relatedVersionNo) });
    } catch (const Error &error) {
        rethrowAsConflict(error, kApprovalConflict, approvalConflictMessage(a.approvalId));
    }
}

void SqlProposalStore::appendEvent(const ProposalWorkflowEvent &event)
{
    requireWritable();
    insertEvent(event);
}

QList<ProposalWorkflowEvent> SqlProposalStore::listEvents(const QString &proposalId)
{
    requireAvailable();
    return selectEvents(proposalId);
}

QList<ProposalWorkflowEvent> SqlProposalStore::selectEvents(const QString &proposalId)
{
    return readAll<ProposalWorkflowEvent>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_workflow_events WHERE proposal_id = ? "
                                 "ORDER BY occurred_at%2, event_id%2")
                      .arg(kProposalEventColumns, m_c),
            { proposalId }),
        readProposalEvent);
}

void SqlProposalStore::createApproval(const ProposalApproval &approval)
{
    requireWritable();
    insertApproval(approval);
}

QList<ProposalApproval> SqlProposalStore::listApprovals(const QString &proposalId)
{
    requireAvailable();
    return selectApprovals(proposalId);
}

QList<ProposalApproval> SqlProposalStore::selectApprovals(const QString &proposalId)
{
    return readAll<ProposalApproval>(
        m_db.exec(QStringLiteral("SELECT %1 FROM proposal_approvals WHERE proposal_id = ? "
                                 "ORDER BY occurred_at%2, approval_id%2")
                      .arg(kApprovalColumns, m_c),
            { proposalId }),
        readApproval);
}

ProposalTransition SqlProposalStore::transitionProposal(const ProposalRecord &proposal,
    const ProposalWorkflowEvent &event, const std::optional<ProposalApproval> &approval)
{
    requireWritable();
    // The service's order: event, approval, proposal; a failure of any rolls back all three. The
    // ids are looked up first (under the write lock) so that a clash does not abort the
    // PostgreSQL transaction mid-way; a concurrent writer's clash still maps in insertEvent/-Approval.
    inTransaction(m_db, SqlTransaction::Mode::Write, [&] {
        if (m_db.exec(QStringLiteral("SELECT 1 FROM proposal_workflow_events WHERE event_id = ?"), { event.eventId })
                .next())
            throw Error(ErrorKind::Conflict, kEventConflict, eventConflictMessage(event.eventId));
        if (approval
            && m_db.exec(QStringLiteral("SELECT 1 FROM proposal_approvals WHERE approval_id = ?"), { approval->approvalId })
                   .next())
            throw Error(ErrorKind::Conflict, kApprovalConflict, approvalConflictMessage(approval->approvalId));
        insertEvent(event);
        if (approval)
            insertApproval(*approval);
        upsertProposal(proposal);
    });
    return { proposal, event, approval };
}

// --- investigation reads -------------------------------------------------------------------

std::optional<ProposalAggregate> SqlProposalStore::loadAggregate(const QString &proposalId)
{
    requireAvailable();
    return inTransaction(m_db, SqlTransaction::Mode::Read, [&]() -> std::optional<ProposalAggregate> {
        std::optional<ProposalRecord> record = readOne<ProposalRecord>(
            m_db.exec(QStringLiteral("SELECT %1 FROM proposal_records WHERE proposal_id = ?").arg(kProposalColumns),
                { proposalId }),
            readProposal);
        if (!record)
            return std::nullopt;
        ProposalAggregate aggregate;
        aggregate.proposal = *record;
        aggregate.versions = selectHeaders(proposalId);
        aggregate.events = selectEvents(proposalId);
        aggregate.approvals = selectApprovals(proposalId);
        aggregate.operations = readAll<ProposalAsyncOperation>(
            m_db.exec(QStringLiteral("SELECT %1 FROM proposal_async_operations WHERE proposal_id = ? "
                                     "ORDER BY created_at%2, operation_id%2")
                          .arg(kProposalOperationColumns, m_c),
                { proposalId }),
            readProposalOperation);
        aggregate.idempotency = readAll<ProposalIdempotency>(
            m_db.exec(QStringLiteral("SELECT %1 FROM proposal_idempotency WHERE proposal_id = ? "
                                     "ORDER BY created_at%2, idempotency_key%2")
                          .arg(kIdempotencyColumns, m_c),
                { proposalId }),
            readIdempotency);
        return aggregate;
    });
}

QList<ProposalMatch> SqlProposalStore::findIdentifier(const QString &identifier)
{
    requireAvailable();
    // One statement (one snapshot): a branch per kind, each an index or key lookup, numbered in
    // ProposalIdentifierKind's order; several rows of one kind (version ids are no key) by
    // (proposal_id, version_no).
    const QString sql = QStringLiteral(
        "SELECT m.kind, m.proposal_id, m.version_no, m.operation_id, "
        "EXISTS (SELECT 1 FROM proposal_records r WHERE r.proposal_id = m.proposal_id) FROM ("
        "SELECT 0 AS kind, proposal_id, CAST(NULL AS INTEGER) AS version_no, CAST(NULL AS TEXT) AS operation_id "
        "FROM proposal_records WHERE proposal_id = ? "
        "UNION ALL SELECT 1, proposal_id, version_no, NULL FROM proposal_versions WHERE proposal_version_id = ? "
        "UNION ALL SELECT 2, proposal_id, related_version_no, NULL FROM proposal_workflow_events WHERE event_id = ? "
        "UNION ALL SELECT 3, proposal_id, related_version_no, NULL FROM proposal_approvals WHERE approval_id = ? "
        "UNION ALL SELECT 4, proposal_id, proposal_version_no, NULL FROM proposal_idempotency "
        "WHERE idempotency_key = ? "
        "UNION ALL SELECT 5, proposal_id, NULL, operation_id FROM proposal_async_operations WHERE operation_id = ? "
        "UNION ALL SELECT 6, proposal_id, NULL, operation_id FROM proposal_async_operations WHERE correlation_id = ?"
        ") m ORDER BY m.kind, m.proposal_id%1, m.version_no")
                            .arg(m_c);
    SqlRows q = m_db.exec(sql, QVariantList(7, identifier));
    QList<ProposalMatch> matches;
    while (q.next()) {
        ProposalMatch match;
        match.kind = ProposalIdentifierKind(q.value(0).toInt());
        match.proposalId = optionalText(q.value(1));
        match.versionNo = optionalNumber(q.value(2));
        match.operationId = optionalText(q.value(3));
        match.proposalExists = q.value(4).toBool();
        matches << match;
    }
    return matches;
}

ProposalCounts SqlProposalStore::countProposals()
{
    requireAvailable();
    return inTransaction(m_db, SqlTransaction::Mode::Read, [&] {
        ProposalCounts counts;
        SqlRows totals = m_db.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM proposal_records), "
                                                  "(SELECT COUNT(*) FROM proposal_versions), "
                                                  "(SELECT COUNT(*) FROM proposal_workflow_events), "
                                                  "(SELECT COUNT(*) FROM proposal_approvals), "
                                                  "(SELECT COUNT(*) FROM proposal_async_operations), "
                                                  "(SELECT MIN(created_at%1) FROM proposal_records), "
                                                  "(SELECT MAX(created_at%1) FROM proposal_records)")
                                       .arg(m_c));
        totals.next();
        counts.proposalCount = totals.value(0).toLongLong();
        counts.versionCount = totals.value(1).toLongLong();
        counts.eventCount = totals.value(2).toLongLong();
        counts.approvalCount = totals.value(3).toLongLong();
        counts.operationCount = totals.value(4).toLongLong();
        counts.oldestProposalCreatedAt = optionalText(totals.value(5));
        counts.newestProposalCreatedAt = optionalText(totals.value(6));
        SqlRows states = m_db.exec(
            QStringLiteral("SELECT current_state, COUNT(*) FROM proposal_records GROUP BY current_state"));
        while (states.next())
            counts.stateCounts.insert(states.value(0).toString(), states.value(1).toLongLong());
        SqlRows outcomes = m_db.exec(QStringLiteral(
            "SELECT approval_type, approved, COUNT(*) FROM proposal_approvals GROUP BY approval_type, approved"));
        while (outcomes.next())
            counts.approvalOutcomeCounts[approvalOutcomeKey(outcomes.value(0).toString(), outcomes.value(1).toBool())]
                += outcomes.value(2).toLongLong();
        return counts;
    });
}

QList<DailyCount> SqlProposalStore::countApprovalsPerDay(const QString &fromDay, const QString &toDay)
{
    const DayRangeBounds bounds = dayRangeBounds(fromDay, toDay);
    requireAvailable();
    // One range of console/0005's (occurred_at, approval_type, approved) index, covering.
    SqlRows q = m_db.exec(QStringLiteral("SELECT substr(occurred_at, 1, 10), approval_type, approved, COUNT(*) "
                                         "FROM proposal_approvals WHERE occurred_at%1 >= ? AND occurred_at%1 < ? "
                                         "GROUP BY substr(occurred_at, 1, 10), approval_type, approved")
                              .arg(m_c),
        { bounds.lower, bounds.upperExclusive });
    QList<DailyCount> counts;
    while (q.next()) {
        counts << DailyCount { q.value(0).toString(), approvalOutcomeKey(q.value(1).toString(), q.value(2).toBool()),
            q.value(3).toLongLong() };
    }
    return normalizedDailyCounts(counts);
}

} // namespace dpm
