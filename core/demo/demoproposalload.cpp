#include "demo/demoproposalload.h"

#include "demo/demotime.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/prefetcher.h"
#include "store/proposalstore.h"

#include <QSet>

#include <algorithm>
#include <future>

namespace dpm {

namespace {

constexpr qint64 kProposalsPerWrite = 256; // as many rows a write as a chunk of runs, about

QByteArray text(const QString &value)
{
    return bulkTextValue(value);
}

QByteArray optionalText(const std::optional<QString> &value)
{
    return value ? bulkTextValue(*value) : QByteArray();
}

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray optionalNumber(const std::optional<qint64> &value)
{
    return value ? number(*value) : QByteArray();
}

} // namespace

void addDemoProposalRows(const DemoProposal &p, BulkRows &rows)
{
    const ProposalRecord &r = p.record;
    rows.add(BulkTable::ProposalRecords,
        { text(r.proposalId), text(r.portfolioId), optionalText(r.mandateId), optionalText(r.jurisdiction),
            text(r.createdBy), text(r.createdAt), text(r.lastEventAt), text(r.currentState), number(r.currentVersionNo),
            optionalText(r.title), optionalText(r.advisorNotes) });
    for (const ProposalVersion &v : p.versions)
        rows.add(BulkTable::ProposalVersions,
            { text(v.proposalVersionId), text(v.proposalId), number(v.versionNo), text(v.createdAt), text(v.requestHash),
                text(v.artifactHash), text(v.simulationHash), text(v.statusAtCreation), text(v.proposalResultJson),
                text(v.artifactJson), text(v.evidenceBundleJson), optionalText(v.gateDecisionJson) });
    for (const ProposalWorkflowEvent &e : p.events)
        rows.add(BulkTable::ProposalWorkflowEvents,
            { text(e.eventId), text(e.proposalId), text(e.eventType), optionalText(e.fromState), text(e.toState),
                text(e.actorId), text(e.occurredAt), text(e.reasonJson), optionalNumber(e.relatedVersionNo) });
    for (const ProposalApproval &a : p.approvals)
        rows.add(BulkTable::ProposalApprovals,
            { text(a.approvalId), text(a.proposalId), text(a.approvalType), bulkBooleanValue(a.approved),
                text(a.actorId), text(a.occurredAt), text(a.detailsJson), optionalNumber(a.relatedVersionNo) });
    for (const ProposalIdempotency &i : p.idempotency)
        rows.add(BulkTable::ProposalIdempotency,
            { text(i.idempotencyKey), text(i.requestHash), text(i.proposalId), number(i.proposalVersionNo),
                text(i.createdAt) });
    for (const ProposalAsyncOperation &o : p.operations)
        rows.add(BulkTable::ProposalAsyncOperations,
            { text(o.operationId), text(o.operationType), text(o.status), text(o.correlationId),
                optionalText(o.idempotencyKey), optionalText(o.proposalId), text(o.createdBy), text(o.createdAt),
                optionalText(o.startedAt), optionalText(o.finishedAt), optionalText(o.resultJson),
                optionalText(o.errorJson) });
    for (const ProposalSimulationIdempotency &i : p.simulationIdempotency)
        rows.add(BulkTable::ProposalSimulationIdempotency,
            { text(i.idempotencyKey), text(i.requestHash), text(i.responseJson), text(i.createdAt) });
}

DemoProposalOptions demoProposalOptions(const DemoOptions &options, const QStringList &runCorrelationIds)
{
    const qint64 anchor = *timestampMicros(normalizeTimestamp(options.anchor));
    return { options.seed, anchor - qint64(options.spanDays) * demotime::kDay, anchor, options.withIntegrityFaults,
        runCorrelationIds };
}

DemoProposalLoad::DemoProposalLoad(const DemoProposalOptions &options, qint64 proposalCount)
    : m_options(options)
    , m_count(proposalCount)
{
    m_rows.reserve(std::size_t(m_count));
    for (qint64 index = 0; index < m_count; ++index)
        m_rows.push_back(rowsOfProposal(generateDemoProposal(index, m_options)));
}

QStringList DemoProposalLoad::tableNames()
{
    return { QStringLiteral("proposal_records"), QStringLiteral("proposal_versions"),
        QStringLiteral("proposal_workflow_events"), QStringLiteral("proposal_approvals"),
        QStringLiteral("proposal_idempotency"), QStringLiteral("proposal_simulation_idempotency"),
        QStringLiteral("proposal_async_operations") };
}

DemoProposalLoad::TableRows DemoProposalLoad::rowsOfProposal(const DemoProposal &p)
{
    return { 1, p.versions.size(), p.events.size(), p.approvals.size(), p.idempotency.size(),
        p.simulationIdempotency.size(), p.operations.size() };
}

QMap<QString, qint64> DemoProposalLoad::rowsOf(qint64 first, qint64 last) const
{
    const QStringList names = tableNames();
    QMap<QString, qint64> out;
    for (const QString &name : names)
        out.insert(name, 0);
    for (qint64 index = first; index < last; ++index) {
        for (qsizetype table = 0; table < names.size(); ++table)
            out[names.at(table)] += m_rows[std::size_t(index)][std::size_t(table)];
    }
    return out;
}

QMap<QString, qint64> DemoProposalLoad::plannedRows() const
{
    return rowsOf(0, m_count);
}

qint64 DemoProposalLoad::totalRowsOf(qint64 index) const
{
    qint64 total = 0;
    for (const qint64 rows : m_rows[std::size_t(index)])
        total += rows;
    return total;
}

qint64 DemoProposalLoad::presentProposals(ProposalStore &store) const
{
    const auto present = [&](qint64 index) {
        const ProposalRecord expected = generateDemoProposal(index, m_options).record;
        const std::optional<ProposalRecord> stored = store.getProposal(expected.proposalId);
        if (stored && stored->createdAt != expected.createdAt) {
            throw Error(ErrorKind::Conflict, QStringLiteral("DEMO_RESUME_MISMATCH"),
                QStringLiteral("Proposal %1 in the store is not the one this demo load writes; resume with the "
                               "interrupted load's --scale, --seed, --anchor and --span-days, or use an empty store.")
                    .arg(expected.proposalId));
        }
        return stored.has_value();
    };
    if (m_count == 0 || !present(0))
        return 0;
    qint64 low = 1; // proposal low - 1 is present; the first missing one is in [low, high]
    qint64 high = m_count;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        if (present(middle))
            low = middle + 1;
        else
            high = middle;
    }
    if (low < m_count && present(m_count - 1)) {
        throw Error(ErrorKind::Conflict, QStringLiteral("DEMO_RESUME_MISMATCH"),
            QStringLiteral("The store's demo proposals are not the start of this load (proposal %1 is missing); "
                           "use an empty store.")
                .arg(generateDemoProposal(low, m_options).record.proposalId));
    }
    return low;
}

void DemoProposalLoad::completeBefore(ProposalStore &store, qint64 first) const
{
    if (first > 0) {
        // Versions, idempotency rows and operations are upserts; events and approvals are
        // append-only, so only those the store lacks are written.
        DemoProposal last = generateDemoProposal(first - 1, m_options);
        if (const std::optional<ProposalAggregate> stored = store.loadAggregate(last.record.proposalId)) {
            QSet<QString> events;
            for (const ProposalWorkflowEvent &event : stored->events)
                events.insert(event.eventId);
            QSet<QString> approvals;
            for (const ProposalApproval &approval : stored->approvals)
                approvals.insert(approval.approvalId);
            last.events.removeIf([&](const ProposalWorkflowEvent &e) { return events.contains(e.eventId); });
            last.approvals.removeIf([&](const ProposalApproval &a) { return approvals.contains(a.approvalId); });
        }
        writeDemoProposal(store, last);
    }
}

qint64 DemoProposalLoad::write(
    ProposalStore &store, qint64 first, const std::function<bool(qint64 index)> &afterEach) const
{
    completeBefore(store, first);
    for (qint64 index = first; index < m_count; ++index) {
        writeDemoProposal(store, generateDemoProposal(index, m_options));
        if (afterEach && !afterEach(index))
            return index + 1;
    }
    return m_count;
}

qint64 DemoProposalLoad::writeBulk(ProposalStore &store, BulkLoader &loader, qint64 first,
    qint64 proposalsPerTransaction, const std::function<bool(qint64 index)> &afterEach) const
{
    completeBefore(store, first);
    const qint64 perTransaction = std::max<qint64>(1, proposalsPerTransaction);
    struct Batch
    {
        BulkRows rows;
        qint64 begin = 0;
        qint64 end = 0;
        bool endsTransaction = false;
    };
    // A write per proposal is seven COPY statements on PostgreSQL, each a round trip for a dozen
    // rows (issue 18): rows go out kProposalsPerWrite proposals at a time, made on a thread of
    // their own while the previous ones are written.
    qint64 next = first;
    Prefetcher<Batch> batches([&]() -> std::optional<Batch> {
        if (next >= m_count)
            return std::nullopt;
        Batch batch;
        batch.begin = next;
        const qint64 transactionEnd = first + ((next - first) / perTransaction + 1) * perTransaction;
        batch.end = std::min({ next + kProposalsPerWrite, transactionEnd, m_count });
        batch.endsTransaction = batch.end == transactionEnd || batch.end == m_count;
        // Proposals are made one by one from their index, and making one costs more than writing
        // it: the batch's first half is made on a second thread, then the halves joined in order.
        const auto make = [this](qint64 from, qint64 to) {
            BulkRows rows;
            for (qint64 index = from; index < to; ++index)
                addDemoProposalRows(generateDemoProposal(index, m_options), rows);
            return rows;
        };
        const qint64 middle = batch.begin + (batch.end - batch.begin) / 2;
        std::future<BulkRows> firstHalf = std::async(std::launch::async, make, batch.begin, middle);
        const BulkRows secondHalf = make(middle, batch.end);
        batch.rows = firstHalf.get();
        for (const BulkTable table : allBulkTables())
            batch.rows.appendRows(table, secondHalf.values(table));
        next = batch.end;
        loader.prepare(batch.rows);
        return batch;
    });
    bool open = false;
    while (std::optional<Batch> batch = batches.next()) {
        if (!open) {
            loader.begin();
            open = true;
        }
        loader.write(batch->rows);
        for (qint64 index = batch->begin; index < batch->end; ++index) {
            if (afterEach && !afterEach(index)) {
                loader.commit(); // whole proposals only: what was written stays, as on the API path
                return batch->end;
            }
        }
        if (batch->endsTransaction) {
            loader.commit();
            open = false;
        }
    }
    return m_count;
}

} // namespace dpm
