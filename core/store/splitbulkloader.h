#pragma once

#include "store/bulkloader.h"

#include <memory>

namespace dpm {

// The bulk path of a store whose proposals live in a database of their own
// (SeparateProposalsStore): the proposal tables go to the proposal store's loader, every other
// table to the DPM store's. A side's transaction is begun by the first rows written to it, so a
// transaction of DPM rows only never touches the proposal store. The two commits are not atomic
// together, as the two databases' writes never are.
class SplitBulkLoader final : public BulkLoader
{
public:
    SplitBulkLoader(std::unique_ptr<BulkLoader> dpm, std::unique_ptr<BulkLoader> proposals);

    bool supports(BulkTable table) const override;
    void begin() override;
    void prepare(BulkRows &rows) const override;
    void write(const BulkRows &rows) override;
    void commit() override;
    void rollback() override;
    void finish() override;

private:
    struct Side
    {
        std::unique_ptr<BulkLoader> loader;
        bool open = false;
    };
    Side &sideOf(BulkTable table) { return isProposalTable(table) ? m_proposals : m_dpm; }

    Side m_dpm;
    Side m_proposals;
    bool m_open = false;
};

} // namespace dpm
