#include "memoryproposalstore.h"

#include "domain/error.h"
#include "domain/pagelimit.h"
#include "store/bulkreader.h"

#include <QMap>
#include <QSet>
#include <QReadLocker>
#include <QWriteLocker>

#include <algorithm>
#include <limits>

namespace dpm {

namespace {

bool matchesFilter(const ProposalRecord &p, const ProposalFilter &filter)
{
    const auto equals = [](const QString &value, const std::optional<QString> &wanted) {
        return !wanted || value == *wanted;
    };
    return equals(p.portfolioId, filter.portfolioId) && equals(p.currentState, filter.state)
        && equals(p.createdBy, filter.createdBy) && (!filter.createdFrom || p.createdAt >= *filter.createdFrom)
        && (!filter.createdTo || p.createdAt <= *filter.createdTo);
}

QString approvalOutcomeKey(const ProposalApproval &approval)
{
    return approval.approvalType + (approval.approved ? QStringLiteral(":APPROVED") : QStringLiteral(":REJECTED"));
}

// Operations and idempotency rows of a proposal are listed by created_at, then id.
template <typename T, typename Id> void sortByCreatedAt(QList<T> &rows, Id idOf)
{
    std::sort(rows.begin(), rows.end(),
        [&](const T &a, const T &b) { return std::pair(a.createdAt, idOf(a)) < std::pair(b.createdAt, idOf(b)); });
}

} // namespace

// --- idempotency ---------------------------------------------------------------------------

void MemoryProposalStore::saveIdempotency(const ProposalIdempotency &row)
{
    QWriteLocker locker(&m_lock);
    m_idempotency.insert(row.idempotencyKey, row);
}

std::optional<ProposalIdempotency> MemoryProposalStore::getIdempotency(const QString &idempotencyKey)
{
    QReadLocker locker(&m_lock);
    const auto it = m_idempotency.constFind(idempotencyKey);
    return it == m_idempotency.cend() ? std::nullopt : std::optional(*it);
}

void MemoryProposalStore::saveSimulationIdempotency(const ProposalSimulationIdempotency &row)
{
    QWriteLocker locker(&m_lock);
    m_simulationIdempotency.insert(row.idempotencyKey, row);
}

std::optional<ProposalSimulationIdempotency> MemoryProposalStore::getSimulationIdempotency(
    const QString &idempotencyKey)
{
    QReadLocker locker(&m_lock);
    const auto it = m_simulationIdempotency.constFind(idempotencyKey);
    return it == m_simulationIdempotency.cend() ? std::nullopt : std::optional(*it);
}

// --- async operations ----------------------------------------------------------------------

void MemoryProposalStore::putOperationLocked(const ProposalAsyncOperation &operation)
{
    const auto holder = m_operationByCorrelation.constFind(operation.correlationId);
    if (holder != m_operationByCorrelation.cend() && *holder != operation.operationId) {
        throw Error(ErrorKind::Conflict, QStringLiteral("PROPOSAL_ASYNC_OPERATION_CORRELATION_CONFLICT"),
            QStringLiteral("Correlation id '%1' already belongs to proposal operation '%2'; an operation needs a "
                           "correlation id of its own.")
                .arg(operation.correlationId, *holder));
    }
    if (const auto old = m_operations.constFind(operation.operationId); old != m_operations.cend())
        m_operationByCorrelation.remove(old->correlationId);
    m_operations.insert(operation.operationId, operation);
    m_operationByCorrelation.insert(operation.correlationId, operation.operationId);
}

void MemoryProposalStore::createOperation(const ProposalAsyncOperation &operation)
{
    QWriteLocker locker(&m_lock);
    putOperationLocked(operation);
}

void MemoryProposalStore::updateOperation(const ProposalAsyncOperation &operation)
{
    QWriteLocker locker(&m_lock);
    putOperationLocked(operation);
}

std::optional<ProposalAsyncOperation> MemoryProposalStore::getOperation(const QString &operationId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_operations.constFind(operationId);
    return it == m_operations.cend() ? std::nullopt : std::optional(*it);
}

std::optional<ProposalAsyncOperation> MemoryProposalStore::getOperationByCorrelation(const QString &correlationId)
{
    QReadLocker locker(&m_lock);
    const auto holder = m_operationByCorrelation.constFind(correlationId);
    if (holder == m_operationByCorrelation.cend())
        return std::nullopt;
    return m_operations.value(*holder);
}

// --- proposals -----------------------------------------------------------------------------

void MemoryProposalStore::putProposalLocked(const ProposalRecord &proposal)
{
    if (const auto old = m_proposals.constFind(proposal.proposalId); old != m_proposals.cend())
        m_proposalOrder.erase({ old->createdAt, old->proposalId });
    m_proposals.insert(proposal.proposalId, proposal);
    m_proposalOrder.insert({ proposal.createdAt, proposal.proposalId });
}

void MemoryProposalStore::createProposal(const ProposalRecord &proposal)
{
    QWriteLocker locker(&m_lock);
    putProposalLocked(proposal);
}

void MemoryProposalStore::updateProposal(const ProposalRecord &proposal)
{
    QWriteLocker locker(&m_lock);
    putProposalLocked(proposal);
}

std::optional<ProposalRecord> MemoryProposalStore::getProposal(const QString &proposalId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_proposals.constFind(proposalId);
    return it == m_proposals.cend() ? std::nullopt : std::optional(*it);
}

Page<ProposalRecord> MemoryProposalStore::listProposals(const ProposalFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    QReadLocker locker(&m_lock);
    const auto matches = [&](const QString &id) { return matchesFilter(*m_proposals.constFind(id), filter); };
    const memory::Continuation from = memory::continuation(
        CursorListing::Proposals, page.cursor, [&](const QString &id) -> std::optional<QString> {
            const auto it = m_proposals.constFind(id);
            if (it == m_proposals.cend() || !matchesFilter(*it, filter))
                return std::nullopt;
            return it->createdAt;
        });
    if (from.empty)
        return {};
    return memory::keysetPage<ProposalRecord>(m_proposalOrder, from.after, page.limit, filter.createdFrom,
        CursorListing::Proposals, matches, [&](const QString &id) { return *m_proposals.constFind(id); });
}

// --- versions ------------------------------------------------------------------------------

void MemoryProposalStore::createVersion(const ProposalVersion &version)
{
    QWriteLocker locker(&m_lock);
    m_versions.insert_or_assign({ version.proposalId, version.versionNo }, version);
}

std::optional<ProposalVersion> MemoryProposalStore::getVersion(const QString &proposalId, qint64 versionNo)
{
    QReadLocker locker(&m_lock);
    const auto it = m_versions.find({ proposalId, versionNo });
    return it == m_versions.end() ? std::nullopt : std::optional(it->second);
}

std::optional<ProposalVersion> MemoryProposalStore::getCurrentVersion(const QString &proposalId)
{
    QReadLocker locker(&m_lock);
    // The last key below (proposal_id, +inf) is this proposal's highest version, if it has one.
    auto it = m_versions.upper_bound({ proposalId, std::numeric_limits<qint64>::max() });
    if (it == m_versions.begin() || (--it)->first.first != proposalId)
        return std::nullopt;
    return it->second;
}

QList<ProposalVersionHeader> MemoryProposalStore::listVersions(const QString &proposalId)
{
    QReadLocker locker(&m_lock);
    QList<ProposalVersionHeader> headers;
    for (auto it = m_versions.lower_bound({ proposalId, std::numeric_limits<qint64>::min() });
         it != m_versions.end() && it->first.first == proposalId; ++it)
        headers << headerOf(it->second);
    return headers;
}

// --- workflow events and approvals ---------------------------------------------------------

void MemoryProposalStore::checkEventLocked(const ProposalWorkflowEvent &event) const
{
    if (m_eventKeys.contains(event.eventId)) {
        throw Error(ErrorKind::Conflict, QStringLiteral("PROPOSAL_WORKFLOW_EVENT_CONFLICT"),
            QStringLiteral("Workflow event '%1' already exists; events are append-only, give the new one an id of "
                           "its own.")
                .arg(event.eventId));
    }
}

void MemoryProposalStore::checkApprovalLocked(const ProposalApproval &approval) const
{
    if (m_approvalKeys.contains(approval.approvalId)) {
        throw Error(ErrorKind::Conflict, QStringLiteral("PROPOSAL_APPROVAL_CONFLICT"),
            QStringLiteral("Approval '%1' already exists; approvals are append-only, give the new one an id of its "
                           "own.")
                .arg(approval.approvalId));
    }
}

template <typename T>
QList<T> MemoryProposalStore::historyLocked(const std::map<HistoryKey, T> &rows, const QString &proposalId) const
{
    QList<T> out;
    for (auto it = rows.lower_bound({ proposalId, QString(), QString() });
         it != rows.end() && std::get<0>(it->first) == proposalId; ++it)
        out << it->second;
    return out;
}

void MemoryProposalStore::appendEvent(const ProposalWorkflowEvent &event)
{
    QWriteLocker locker(&m_lock);
    checkEventLocked(event);
    const HistoryKey key { event.proposalId, event.occurredAt, event.eventId };
    m_events.emplace(key, event);
    m_eventKeys.insert(event.eventId, key);
}

QList<ProposalWorkflowEvent> MemoryProposalStore::listEvents(const QString &proposalId)
{
    QReadLocker locker(&m_lock);
    return historyLocked(m_events, proposalId);
}

void MemoryProposalStore::createApproval(const ProposalApproval &approval)
{
    QWriteLocker locker(&m_lock);
    checkApprovalLocked(approval);
    const HistoryKey key { approval.proposalId, approval.occurredAt, approval.approvalId };
    m_approvals.emplace(key, approval);
    m_approvalKeys.insert(approval.approvalId, key);
}

QList<ProposalApproval> MemoryProposalStore::listApprovals(const QString &proposalId)
{
    QReadLocker locker(&m_lock);
    return historyLocked(m_approvals, proposalId);
}

ProposalTransition MemoryProposalStore::transitionProposal(const ProposalRecord &proposal,
    const ProposalWorkflowEvent &event, const std::optional<ProposalApproval> &approval)
{
    QWriteLocker locker(&m_lock);
    // Every check before the first write: a conflict leaves nothing behind.
    checkEventLocked(event);
    if (approval)
        checkApprovalLocked(*approval);
    const HistoryKey eventKey { event.proposalId, event.occurredAt, event.eventId };
    m_events.emplace(eventKey, event);
    m_eventKeys.insert(event.eventId, eventKey);
    if (approval) {
        const HistoryKey approvalKey { approval->proposalId, approval->occurredAt, approval->approvalId };
        m_approvals.emplace(approvalKey, *approval);
        m_approvalKeys.insert(approval->approvalId, approvalKey);
    }
    putProposalLocked(proposal);
    return { proposal, event, approval };
}

// --- investigation reads -------------------------------------------------------------------

std::optional<ProposalAggregate> MemoryProposalStore::loadAggregate(const QString &proposalId)
{
    QReadLocker locker(&m_lock);
    const auto record = m_proposals.constFind(proposalId);
    if (record == m_proposals.cend())
        return std::nullopt;
    ProposalAggregate aggregate;
    aggregate.proposal = *record;
    for (auto it = m_versions.lower_bound({ proposalId, std::numeric_limits<qint64>::min() });
         it != m_versions.end() && it->first.first == proposalId; ++it)
        aggregate.versions << headerOf(it->second);
    aggregate.events = historyLocked(m_events, proposalId);
    aggregate.approvals = historyLocked(m_approvals, proposalId);
    for (const ProposalAsyncOperation &op : m_operations) {
        if (op.proposalId == proposalId)
            aggregate.operations << op;
    }
    sortByCreatedAt(aggregate.operations, [](const ProposalAsyncOperation &o) { return o.operationId; });
    for (const ProposalIdempotency &row : m_idempotency) {
        if (row.proposalId == proposalId)
            aggregate.idempotency << row;
    }
    sortByCreatedAt(aggregate.idempotency, [](const ProposalIdempotency &i) { return i.idempotencyKey; });
    return aggregate;
}

QList<ProposalCorrelationLink> MemoryProposalStore::listCorrelationLinks(const QStringList &correlationIds,
    const QStringList &proposalIds)
{
    const QSet<QString> correlations(correlationIds.cbegin(), correlationIds.cend());
    const QSet<QString> proposals(proposalIds.cbegin(), proposalIds.cend());
    QReadLocker locker(&m_lock);
    QList<ProposalCorrelationLink> links;
    for (const auto &[key, version] : m_versions) { // (proposal_id, version_no) order
        const std::optional<QString> correlation = proposalResultCorrelationId(version.proposalResultJson);
        if (correlation && (correlations.contains(*correlation) || proposals.contains(version.proposalId)))
            links << ProposalCorrelationLink { version.proposalId, version.versionNo, *correlation, version.createdAt };
    }
    return links;
}

QList<ProposalMatch> MemoryProposalStore::findIdentifier(const QString &identifier)
{
    QReadLocker locker(&m_lock);
    QList<ProposalMatch> matches;
    const auto leadingTo = [&](ProposalIdentifierKind kind, const std::optional<QString> &proposalId) {
        ProposalMatch match;
        match.kind = kind;
        match.proposalId = proposalId;
        match.proposalExists = proposalId && m_proposals.contains(*proposalId);
        return match;
    };

    if (m_proposals.contains(identifier))
        matches << leadingTo(ProposalIdentifierKind::ProposalId, identifier);
    // Version ids are not a key (the primary key is proposal_id, version_no): every row counts.
    for (const auto &[key, version] : m_versions) {
        if (version.proposalVersionId == identifier) {
            ProposalMatch match = leadingTo(ProposalIdentifierKind::ProposalVersionId, version.proposalId);
            match.versionNo = version.versionNo;
            matches << match;
        }
    }
    if (const auto key = m_eventKeys.constFind(identifier); key != m_eventKeys.cend()) {
        const ProposalWorkflowEvent &event = m_events.at(*key);
        ProposalMatch match = leadingTo(ProposalIdentifierKind::EventId, event.proposalId);
        match.versionNo = event.relatedVersionNo;
        matches << match;
    }
    if (const auto key = m_approvalKeys.constFind(identifier); key != m_approvalKeys.cend()) {
        const ProposalApproval &approval = m_approvals.at(*key);
        ProposalMatch match = leadingTo(ProposalIdentifierKind::ApprovalId, approval.proposalId);
        match.versionNo = approval.relatedVersionNo;
        matches << match;
    }
    if (const auto row = m_idempotency.constFind(identifier); row != m_idempotency.cend()) {
        ProposalMatch match = leadingTo(ProposalIdentifierKind::IdempotencyKey, row->proposalId);
        match.versionNo = row->proposalVersionNo;
        matches << match;
    }
    const auto leadingToOperation = [&](ProposalIdentifierKind kind, const ProposalAsyncOperation &op) {
        ProposalMatch match = leadingTo(kind, op.proposalId);
        match.operationId = op.operationId;
        return match;
    };
    if (const auto op = m_operations.constFind(identifier); op != m_operations.cend())
        matches << leadingToOperation(ProposalIdentifierKind::OperationId, *op);
    if (const auto holder = m_operationByCorrelation.constFind(identifier); holder != m_operationByCorrelation.cend())
        matches << leadingToOperation(ProposalIdentifierKind::OperationCorrelationId, m_operations.value(*holder));
    return matches;
}

ProposalCounts MemoryProposalStore::countProposals()
{
    QReadLocker locker(&m_lock);
    ProposalCounts counts;
    counts.proposalCount = m_proposals.size();
    for (const ProposalRecord &p : m_proposals)
        ++counts.stateCounts[p.currentState];
    counts.versionCount = qint64(m_versions.size());
    counts.eventCount = qint64(m_events.size());
    counts.approvalCount = qint64(m_approvals.size());
    for (const auto &[key, approval] : m_approvals)
        ++counts.approvalOutcomeCounts[approvalOutcomeKey(approval)];
    counts.operationCount = m_operations.size();
    if (!m_proposalOrder.empty()) {
        counts.oldestProposalCreatedAt = m_proposalOrder.cbegin()->first;
        counts.newestProposalCreatedAt = m_proposalOrder.crbegin()->first;
    }
    return counts;
}

QList<DailyCount> MemoryProposalStore::countApprovalsPerDay(const QString &fromDay, const QString &toDay)
{
    const DayRangeBounds bounds = dayRangeBounds(fromDay, toDay);
    QReadLocker locker(&m_lock);
    QMap<std::pair<QString, QString>, qint64> counts;
    for (const auto &[key, approval] : m_approvals) {
        if (approval.occurredAt >= bounds.lower && approval.occurredAt < bounds.upperExclusive)
            ++counts[{ approval.occurredAt.left(10), approvalOutcomeKey(approval) }];
    }
    QList<DailyCount> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result << DailyCount { it.key().first, it.key().second, it.value() };
    return result;
}

namespace {

QByteArray bulkNumber(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray bulkOptionalNumber(const std::optional<qint64> &value)
{
    return value ? bulkNumber(*value) : QByteArray();
}

} // namespace

QList<QList<QByteArray>> MemoryProposalStore::bulkRows(BulkTable table) const
{
    QReadLocker locker(&m_lock);
    QList<QList<QByteArray>> rows;
    switch (table) {
    case BulkTable::ProposalRecords:
        for (const ProposalRecord &p : m_proposals)
            rows.append({ bulkTextValue(p.proposalId), bulkTextValue(p.portfolioId), bulkOptionalText(p.mandateId),
                bulkOptionalText(p.jurisdiction), bulkTextValue(p.createdBy), bulkTextValue(p.createdAt),
                bulkTextValue(p.lastEventAt), bulkTextValue(p.currentState), bulkNumber(p.currentVersionNo),
                bulkOptionalText(p.title), bulkOptionalText(p.advisorNotes) });
        break;
    case BulkTable::ProposalVersions:
        for (const auto &[key, v] : m_versions)
            rows.append({ bulkTextValue(v.proposalVersionId), bulkTextValue(v.proposalId), bulkNumber(v.versionNo),
                bulkTextValue(v.createdAt), bulkTextValue(v.requestHash), bulkTextValue(v.artifactHash),
                bulkTextValue(v.simulationHash), bulkTextValue(v.statusAtCreation), bulkTextValue(v.proposalResultJson),
                bulkTextValue(v.artifactJson), bulkTextValue(v.evidenceBundleJson), bulkOptionalText(v.gateDecisionJson) });
        break;
    case BulkTable::ProposalWorkflowEvents:
        for (const auto &[key, e] : m_events)
            rows.append({ bulkTextValue(e.eventId), bulkTextValue(e.proposalId), bulkTextValue(e.eventType),
                bulkOptionalText(e.fromState), bulkTextValue(e.toState), bulkTextValue(e.actorId),
                bulkTextValue(e.occurredAt), bulkTextValue(e.reasonJson), bulkOptionalNumber(e.relatedVersionNo) });
        break;
    case BulkTable::ProposalApprovals:
        for (const auto &[key, a] : m_approvals)
            rows.append({ bulkTextValue(a.approvalId), bulkTextValue(a.proposalId), bulkTextValue(a.approvalType),
                bulkBooleanValue(a.approved), bulkTextValue(a.actorId), bulkTextValue(a.occurredAt),
                bulkTextValue(a.detailsJson), bulkOptionalNumber(a.relatedVersionNo) });
        break;
    case BulkTable::ProposalIdempotency:
        for (const ProposalIdempotency &i : m_idempotency)
            rows.append({ bulkTextValue(i.idempotencyKey), bulkTextValue(i.requestHash), bulkTextValue(i.proposalId),
                bulkNumber(i.proposalVersionNo), bulkTextValue(i.createdAt) });
        break;
    case BulkTable::ProposalAsyncOperations:
        for (const ProposalAsyncOperation &o : m_operations)
            rows.append({ bulkTextValue(o.operationId), bulkTextValue(o.operationType), bulkTextValue(o.status),
                bulkTextValue(o.correlationId), bulkOptionalText(o.idempotencyKey), bulkOptionalText(o.proposalId),
                bulkTextValue(o.createdBy), bulkTextValue(o.createdAt), bulkOptionalText(o.startedAt),
                bulkOptionalText(o.finishedAt), bulkOptionalText(o.resultJson), bulkOptionalText(o.errorJson) });
        break;
    case BulkTable::ProposalSimulationIdempotency:
        for (const ProposalSimulationIdempotency &s : m_simulationIdempotency)
            rows.append({ bulkTextValue(s.idempotencyKey), bulkTextValue(s.requestHash), bulkTextValue(s.responseJson),
                bulkTextValue(s.createdAt) });
        break;
    default:
        break; // not a proposal table
    }
    return rows;
}

} // namespace dpm
