#include "memorybulkloader.h"

#include "store/memorystore.h"

#include <QElapsedTimer>

namespace dpm {

namespace {

QString text(const QByteArray &value)
{
    return QString::fromUtf8(value);
}

std::optional<QString> optionalText(const QByteArray &value)
{
    if (value.isNull())
        return std::nullopt;
    return QString::fromUtf8(value);
}

} // namespace

template <typename At> void MemoryBulkLoader::writeProposalRow(BulkTable table, At at)
{
    ProposalStore &proposals = m_store.proposals();
    const auto number = [&](int column) { return at(column).toLongLong(); };
    const auto optionalNumber = [&](int column) -> std::optional<qint64> {
        if (at(column).isNull())
            return std::nullopt;
        return number(column);
    };
    switch (table) {
    case BulkTable::ProposalRecords:
        proposals.createProposal({ text(at(0)), text(at(1)), optionalText(at(2)), optionalText(at(3)), text(at(4)),
            text(at(5)), text(at(6)), text(at(7)), number(8), optionalText(at(9)), optionalText(at(10)) });
        break;
    case BulkTable::ProposalVersions:
        proposals.createVersion({ text(at(0)), text(at(1)), number(2), text(at(3)), text(at(4)), text(at(5)),
            text(at(6)), text(at(7)), text(at(8)), text(at(9)), text(at(10)), optionalText(at(11)) });
        break;
    case BulkTable::ProposalWorkflowEvents:
        proposals.appendEvent({ text(at(0)), text(at(1)), text(at(2)), optionalText(at(3)), text(at(4)), text(at(5)),
            text(at(6)), text(at(7)), optionalNumber(8) });
        break;
    case BulkTable::ProposalApprovals:
        proposals.createApproval({ text(at(0)), text(at(1)), text(at(2)), bulkBooleanFrom(at(3)), text(at(4)),
            text(at(5)), text(at(6)), optionalNumber(7) });
        break;
    case BulkTable::ProposalIdempotency:
        proposals.saveIdempotency({ text(at(0)), text(at(1)), text(at(2)), number(3), text(at(4)) });
        break;
    case BulkTable::ProposalAsyncOperations:
        proposals.createOperation({ text(at(0)), text(at(1)), text(at(2)), text(at(3)), optionalText(at(4)),
            optionalText(at(5)), text(at(6)), text(at(7)), optionalText(at(8)), optionalText(at(9)),
            optionalText(at(10)), optionalText(at(11)) });
        break;
    case BulkTable::ProposalSimulationIdempotency:
        proposals.saveSimulationIdempotency({ text(at(0)), text(at(1)), text(at(2)), text(at(3)) });
        break;
    default:
        break;
    }
}

void MemoryBulkLoader::writeEventRows(BulkTable table, const QList<QByteArray> &v)
{
    const qsizetype width = bulkTableSpec(table).columns.size();
    MemoryRunEventStore &events = m_store.memoryRunEvents();
    if (table == BulkTable::RunEvents) {
        QList<RunEvent> rows;
        for (qsizetype r = 0; r + width <= v.size(); r += width) {
            rows << RunEvent { text(v.at(r)), text(v.at(r + 1)), v.at(r + 2).toLongLong(), text(v.at(r + 3)),
                text(v.at(r + 4)), text(v.at(r + 5)), text(v.at(r + 6)) };
        }
        events.insertEvents(rows);
        return;
    }
    QList<OutboxDelivery> rows;
    for (qsizetype r = 0; r + width <= v.size(); r += width) {
        OutboxDelivery d;
        d.outboxId = text(v.at(r));
        d.eventId = text(v.at(r + 1));
        d.topic = text(v.at(r + 2));
        d.payloadJson = text(v.at(r + 3));
        d.status = text(v.at(r + 4));
        d.attempts = v.at(r + 5).toInt();
        d.maxAttempts = v.at(r + 6).toInt();
        d.nextAttemptAt = optionalText(v.at(r + 7));
        d.lastError = optionalText(v.at(r + 8));
        d.createdAt = text(v.at(r + 9));
        d.deliveredAt = optionalText(v.at(r + 10));
        rows << d;
    }
    events.insertDeliveries(rows);
}

MemoryBulkLoader::MemoryBulkLoader(MemoryStore &store)
    : m_store(store)
{ }

MemoryBulkLoader::~MemoryBulkLoader() = default;

bool MemoryBulkLoader::supports(BulkTable) const
{
    return true;
}

void MemoryBulkLoader::begin()
{
    m_pending.clear();
    m_open = true;
}

void MemoryBulkLoader::write(const BulkRows &rows)
{
    Q_ASSERT(m_open);
    m_pending << rows;
}

void MemoryBulkLoader::commit()
{
    Q_ASSERT(m_open);
    for (const BulkRows &rows : std::as_const(m_pending)) {
        for (const BulkTable table : allBulkTables()) {
            const QList<QByteArray> &v = rows.values(table);
            const qsizetype width = bulkTableSpec(table).columns.size();
            QElapsedTimer timer;
            timer.start();
            if (isConsoleEventTable(table)) {
                if (!v.isEmpty())
                    writeEventRows(table, v);
            } else {
                for (qsizetype r = 0; r + width <= v.size(); r += width) {
                    const auto at = [&](int column) -> const QByteArray & { return v.at(r + column); };
                    switch (table) {
                    case BulkTable::Runs:
                        m_store.saveRun({ text(at(0)), text(at(1)), text(at(2)), optionalText(at(3)), text(at(4)),
                            text(at(5)), text(at(6)) });
                        break;
                    case BulkTable::RunArtifacts:
                        m_store.saveRunArtifact({ text(at(0)), text(at(1)) });
                        break;
                    case BulkTable::RunIdempotency:
                        m_store.saveIdempotencyMapping({ text(at(0)), text(at(1)), text(at(2)), text(at(3)) });
                        break;
                    case BulkTable::RunIdempotencyHistory:
                        m_store.appendIdempotencyHistory(
                            { text(at(0)), text(at(1)), text(at(2)), text(at(3)), text(at(4)) });
                        break;
                    case BulkTable::AsyncOperations:
                        m_store.createOperation(
                            { text(at(0)), text(at(1)), text(at(2)), text(at(3)), text(at(4)), optionalText(at(5)),
                                optionalText(at(6)), optionalText(at(7)), optionalText(at(8)), optionalText(at(9)) });
                        break;
                    case BulkTable::WorkflowDecisions:
                        m_store.appendWorkflowDecision({ text(at(0)), text(at(1)), text(at(2)), text(at(3)),
                            optionalText(at(4)), text(at(5)), text(at(6)), text(at(7)) });
                        break;
                    case BulkTable::LineageEdges:
                        m_store.appendLineageEdge({ text(at(0)), text(at(1)), text(at(2)), text(at(3)), text(at(4)) });
                        break;
                    default:
                        writeProposalRow(table, at);
                        break;
                    }
                }
            }
            m_writeNanos[std::size_t(table)] += timer.nsecsElapsed();
        }
    }
    m_pending.clear();
    m_open = false;
}

void MemoryBulkLoader::rollback()
{
    m_pending.clear();
    m_open = false;
}

} // namespace dpm
