#include "splitbulkloader.h"

namespace dpm {

SplitBulkLoader::SplitBulkLoader(std::unique_ptr<BulkLoader> dpm, std::unique_ptr<BulkLoader> proposals)
    : m_dpm { std::move(dpm) }
    , m_proposals { std::move(proposals) }
{ }

bool SplitBulkLoader::supports(BulkTable table) const
{
    return (isProposalTable(table) ? m_proposals : m_dpm).loader->supports(table);
}

void SplitBulkLoader::begin()
{
    Q_ASSERT(!m_open);
    m_open = true;
}

void SplitBulkLoader::prepare(BulkRows &rows) const
{
    m_dpm.loader->prepare(rows);
    m_proposals.loader->prepare(rows); // a table the first encoded is left as it is
}

void SplitBulkLoader::write(const BulkRows &rows)
{
    Q_ASSERT(m_open);
    qsizetype proposalRows = 0;
    for (const BulkTable table : allBulkTables()) {
        if (isProposalTable(table))
            proposalRows += rows.rowCount(table);
    }
    const auto writeTo = [](Side &side, const BulkRows &part) {
        if (!side.open) {
            side.loader->begin();
            side.open = true;
        }
        side.loader->write(part);
    };
    if (proposalRows == 0) { // the usual batch: one side's rows only, passed on as they are
        writeTo(m_dpm, rows);
    } else if (proposalRows == rows.totalRows()) {
        writeTo(m_proposals, rows);
    } else {
        BulkRows dpm;
        BulkRows proposals;
        for (const BulkTable table : allBulkTables()) {
            BulkRows &part = isProposalTable(table) ? proposals : dpm;
            part.appendRows(table, rows.values(table));
            part.setEncoded(table, rows.encoded(table));
        }
        writeTo(m_dpm, dpm);
        writeTo(m_proposals, proposals);
    }
    for (const BulkTable table : allBulkTables())
        m_writeNanos[std::size_t(table)] = sideOf(table).loader->writeNanos(table);
}

void SplitBulkLoader::commit()
{
    Q_ASSERT(m_open);
    m_open = false;
    for (Side *side : { &m_dpm, &m_proposals }) {
        if (side->open) {
            side->loader->commit();
            side->open = false;
        }
    }
}

void SplitBulkLoader::rollback()
{
    m_open = false;
    for (Side *side : { &m_dpm, &m_proposals }) {
        if (side->open) {
            side->open = false;
            side->loader->rollback();
        }
    }
}

void SplitBulkLoader::finish()
{
    m_dpm.loader->finish();
    m_proposals.loader->finish();
}

} // namespace dpm
