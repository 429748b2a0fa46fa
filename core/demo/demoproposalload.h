#pragma once

#include "demo/demogenerator.h"
#include "demo/demoproposals.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <vector>

namespace dpm {

class BulkLoader;
class BulkRows;
class ProposalStore;

// The rows of one demo proposal as the bulk path carries them (bulkloader.h), column for column
// what the ProposalStore calls of writeDemoProposal store.
void addDemoProposalRows(const DemoProposal &proposal, BulkRows &rows);

// The proposals step of the demo load (demogenerator.h): after the runs, the
// demoProposalCount(runs) proposals of generateDemoProposal, written through the store's bulk
// path (COPY on PostgreSQL, batched inserts on SQLite), the same rows as writeDemoProposal. Every proposal's rows are distinct rows of
// their tables, so the counts below are what the tables hold afterwards.
// The proposals' options of a demo load: its seed, its time span, whether faults are asked for,
// and the sample of its runs' correlation ids that some proposals reuse (generateDemoData passes
// its counting pass's; without them no proposal links to a run).
// Throws INVALID_TIMESTAMP for an anchor normalizeTimestamp rejects.
DemoProposalOptions demoProposalOptions(const DemoOptions &options, const QStringList &runCorrelationIds = {});

class DemoProposalLoad
{
public:
    DemoProposalLoad(const DemoProposalOptions &options, qint64 proposalCount);

    // proposal_records, proposal_versions, proposal_workflow_events, proposal_approvals,
    // proposal_idempotency, proposal_simulation_idempotency, proposal_async_operations.
    static QStringList tableNames();

    // Rows per table of the whole step (a counting pass: every proposal generated once).
    QMap<QString, qint64> plannedRows() const;

    // How many proposals, from the first, the store already holds: a resumed load keeps them.
    // Found by a binary search on getProposal and checked by created_at, as the runs are;
    // DEMO_RESUME_MISMATCH when the store's proposals are not the start of this step.
    qint64 presentProposals(ProposalStore &store) const;

    // Rows per table of proposals [first, last).
    QMap<QString, qint64> rowsOf(qint64 first, qint64 last) const;
    // Rows of one proposal, every table.
    qint64 totalRowsOf(qint64 index) const;

    // Writes proposals [first, count). The proposal before `first` (when first > 0) is completed
    // first: an interrupted load may have stopped inside it (each call is its own transaction),
    // so its missing rows are added and nothing it holds is written twice. `afterEach(index)`
    // after each proposal; returning false stops (the proposals written so far stay). Returns
    // the index after the last proposal written.
    qint64 write(ProposalStore &store, qint64 first, const std::function<bool(qint64 index)> &afterEach) const;
    // The same through the bulk path: `proposalsPerTransaction` whole proposals per transaction
    // (a stop commits the proposals written so far: afterEach runs for each proposal of a batch
    // once the batch is written, so a stop keeps that whole batch and returns its end), their
    // rows made on a thread of their own and written a few hundred proposals at a time. The
    // proposal before `first` is completed through `store` first, as write() does.
    qint64 writeBulk(ProposalStore &store, BulkLoader &loader, qint64 first, qint64 proposalsPerTransaction,
        const std::function<bool(qint64 index)> &afterEach) const;

    qint64 count() const { return m_count; }

private:
    // Adds what an interrupted load left out of the proposal before `first`.
    void completeBefore(ProposalStore &store, qint64 first) const;
    using TableRows = std::array<qint64, 7>;
    static TableRows rowsOfProposal(const DemoProposal &proposal);

    DemoProposalOptions m_options;
    qint64 m_count = 0;
    std::vector<TableRows> m_rows; // per proposal, in tableNames() order
};

} // namespace dpm
