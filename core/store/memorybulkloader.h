#pragma once

#include "store/bulkloader.h"

namespace dpm {

class MemoryStore;

// The bulk path of the in-memory store: rows are kept until commit and then inserted through the
// store's own methods, so a rolled-back transaction leaves nothing behind (a row the store
// refuses at commit, such as a correlation clash, throws and keeps the rows before it; run events
// and outbox rows go in a table of a batch at a time, all or nothing).
class MemoryBulkLoader final : public BulkLoader
{
public:
    explicit MemoryBulkLoader(MemoryStore &store);
    ~MemoryBulkLoader() override;

    bool supports(BulkTable table) const override;
    void begin() override;
    void write(const BulkRows &rows) override;
    void commit() override;
    void rollback() override;

private:
    // One row of a proposal table through the proposal store's own methods.
    template <typename At> void writeProposalRow(BulkTable table, At at);
    // The rows of dpm_run_events or dpm_outbox of one batch through the run-event store's bulk path.
    void writeEventRows(BulkTable table, const QList<QByteArray> &values);

    MemoryStore &m_store;
    QList<BulkRows> m_pending;
    bool m_open = false;
};

} // namespace dpm
