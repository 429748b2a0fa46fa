#include "transfersample.h"

#include "services/transferrows.h"

#include "domain/error.h"
#include "store/bulksampler.h"
#include "store/separateproposalsstore.h"
#include "store/sqlstore.h"
#include "store/sqltransaction.h"
#include "store/supportstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <list>
#include <random>

namespace dpm {

using namespace transfer;

namespace {

// The rows of one table grouped by key: one row per key, or the duplicates of a table without a
// primary key (whose key is the whole row).
using KeyedRows = QHash<BulkRow, QList<BulkRow>>;

KeyedRows rowsByKey(BulkTable table, const QList<BulkRow> &rows)
{
    KeyedRows out;
    for (const BulkRow &row : rows)
        out[bulkRowKey(table, row)] << row;
    return out;
}

// Samples the proposal tables from one sampler and the rest from the other (a store with a
// separate proposal store), as openTransferReader() reads them for the full check.
class SplitBulkSampler final : public BulkSampler
{
public:
    SplitBulkSampler(std::unique_ptr<BulkSampler> dpm, std::unique_ptr<BulkSampler> proposals)
        : m_dpm(std::move(dpm))
        , m_proposals(std::move(proposals))
    { }

    bool supports(BulkTable table) const override { return of(table).supports(table); }
    qint64 rowCount(BulkTable table) override { return of(table).rowCount(table); }
    QList<BulkRow> drawKeys(BulkTable table, qint64 count, quint64 seed) override
    {
        return of(table).drawKeys(table, count, seed);
    }
    QList<BulkRow> rowsWithProbeValues(BulkTable table, const QList<QByteArray> &values) override
    {
        return of(table).rowsWithProbeValues(table, values);
    }

private:
    BulkSampler &of(BulkTable table) const { return isProposalTable(table) ? *m_proposals : *m_dpm; }

    std::unique_ptr<BulkSampler> m_dpm;
    std::unique_ptr<BulkSampler> m_proposals;
};

// Both domains of a store: the proposal tables where the store keeps its proposals.
std::unique_ptr<BulkSampler> openTransferSampler(SupportStore &store)
{
    SupportStore *proposals = separateProposalStore(store);
    if (!proposals)
        return openBulkSampler(store);
    return std::make_unique<SplitBulkSampler>(openBulkSampler(store), openBulkSampler(*proposals));
}

} // namespace

bool SampleReport::passes() const
{
    return !cancelled && tablesOverThreshold().isEmpty();
}

QStringList SampleReport::tablesOverThreshold() const
{
    QStringList over;
    for (const SampleTableReport &table : tables) {
        if (table.mismatchPercent() > maxMismatchPercent)
            over << table.table;
    }
    return over;
}

QJsonObject SampleReport::toJson() const
{
    QJsonArray tablesJson;
    for (const SampleTableReport &table : tables) {
        tablesJson.append(QJsonObject {
            { QStringLiteral("table"), table.table },
            { QStringLiteral("source_rows"), table.sourceRows },
            { QStringLiteral("target_rows"), table.targetRows },
            { QStringLiteral("sampled_from_source"), table.sampledFromSource },
            { QStringLiteral("sampled_from_target"), table.sampledFromTarget },
            { QStringLiteral("missing_in_target"), table.missing },
            { QStringLiteral("extra_in_target"), table.extra },
            { QStringLiteral("differing"), table.differing },
            { QStringLiteral("mismatch_percent"), table.mismatchPercent() },
            { QStringLiteral("compared_whole"), table.whole },
            { QStringLiteral("within_threshold"), table.mismatchPercent() <= maxMismatchPercent },
        });
    }
    QJsonArray samplesJson;
    for (const ParityMismatch &sample : samples) {
        samplesJson.append(QJsonObject {
            { QStringLiteral("table"), sample.table },
            { QStringLiteral("kind"), sample.kind },
            { QStringLiteral("key"), sample.key },
        });
    }
    return QJsonObject {
        { QStringLiteral("source"), source },
        { QStringLiteral("target"), target },
        { QStringLiteral("mode"), QStringLiteral("sample") },
        { QStringLiteral("sample_percent"), percent },
        { QStringLiteral("max_mismatch_percent"), maxMismatchPercent },
        // A string: a 64-bit seed does not survive a JSON double.
        { QStringLiteral("seed"), QString::number(seed) },
        { QStringLiteral("passes"), passes() },
        { QStringLiteral("cancelled"), cancelled },
        { QStringLiteral("tables"), tablesJson },
        { QStringLiteral("samples"), samplesJson },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) },
        { QStringLiteral("total_seconds"), totalSeconds },
    };
}

SampleReport verifySample(
    SupportStore &source, SupportStore &target, const SampleOptions &options, const TransferProgressFn &progress)
{
    if (!(options.percent > 0 && options.percent <= 100)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_SAMPLE_PERCENT"),
            QStringLiteral("The sample must be more than 0 and at most 100 percent of each table; pass e.g. --sample 1."));
    }
    if (!(options.maxMismatchPercent >= 0 && options.maxMismatchPercent <= 100)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_MISMATCH_PERCENT"),
            QStringLiteral("The mismatch threshold must be from 0 to 100 percent; pass e.g. --max-mismatch-percent 1."));
    }
    QElapsedTimer total;
    total.start();
    SampleReport report;
    report.source = source.describe();
    report.target = target.describe();
    report.percent = options.percent;
    report.maxMismatchPercent = options.maxMismatchPercent;
    report.seed = options.seed;

    // One read transaction per SQL side: tens of thousands of lookups under one lock (SQLite takes
    // and drops its file lock per statement otherwise, most of the check's time), one moment.
    // A side with a separate proposal store reads two databases: one transaction in each.
    std::list<SqlTransaction> reads;
    for (SupportStore *store : { &source, &target, separateProposalStore(source), separateProposalStore(target) }) {
        if (auto *sql = store ? storeAs<SqlStore>(*store) : nullptr)
            reads.emplace_back(sql->database(), SqlTransaction::Mode::Read);
    }
    const std::unique_ptr<BulkSampler> sides[2] = { openTransferSampler(source), openTransferSampler(target) };
    // Sizes first: the progress total is the number of keys the check will compare.
    struct Plan
    {
        BulkTable table;
        qint64 rows[2] = { 0, 0 };
        qint64 draws[2] = { 0, 0 };
    };
    QList<Plan> plans;
    qint64 drawsTotal = 0;
    for (const BulkTable table : allBulkTables()) {
        Plan plan { table };
        for (int side = 0; side < 2; ++side) {
            if (!sides[side]->supports(table)) {
                report.notes << QStringLiteral("%1: %2 has no such table; compared as empty.")
                                    .arg(tableName(table), side == 0 ? report.source : report.target);
                continue;
            }
            plan.rows[side] = sides[side]->rowCount(table);
            const qint64 share = qint64(std::ceil(double(plan.rows[side]) * options.percent / 100.0));
            plan.draws[side] = std::min(plan.rows[side], share);
            drawsTotal += plan.draws[side];
        }
        plans << plan;
    }

    qint64 drawsDone = 0;
    const auto note = [&](const QString &table, const QString &kind, const BulkRow &key) {
        if (report.samples.size() < ParityReport::kSampleLimit)
            report.samples << ParityMismatch { table, kind, describeKey(key) };
    };
    for (const Plan &plan : std::as_const(plans)) {
        const BulkTable table = plan.table;
        SampleTableReport tableReport;
        tableReport.table = tableName(table);
        tableReport.sourceRows = plan.rows[0];
        tableReport.targetRows = plan.rows[1];
        for (int side = 0; side < 2 && !report.cancelled; ++side) {
            if (plan.draws[side] == 0)
                continue;
            BulkSampler &from = *sides[side];
            BulkSampler &other = *sides[1 - side];
            const bool otherHasTable = other.supports(table);
            // One seed per table and side: a table's keys do not depend on the other tables'.
            std::seed_seq seq { quint32(options.seed), quint32(options.seed >> 32), quint32(table), quint32(side) };
            QList<BulkRow> keys = from.drawKeys(table, plan.draws[side], std::mt19937_64(seq)());
            // Looked up in key order: each batch's index seeks on both sides stay close together.
            std::sort(keys.begin(), keys.end(), [](const BulkRow &a, const BulkRow &b) { return compareBulkKeys(a, b) < 0; });
            qint64 &sampled = side == 0 ? tableReport.sampledFromSource : tableReport.sampledFromTarget;
            qint64 &absent = side == 0 ? tableReport.missing : tableReport.extra;
            qint64 &surplus = side == 0 ? tableReport.extra : tableReport.missing;
            const QString missingKind = QStringLiteral("missing_in_target");
            const QString extraKind = QStringLiteral("extra_in_target");
            const QString &absentKind = side == 0 ? missingKind : extraKind;
            const QString &surplusKind = side == 0 ? extraKind : missingKind;
            for (qsizetype at = 0; at < keys.size(); at += BulkSampler::kBatch) {
                if (progress && !progress(drawsDone, drawsTotal, tableReport.table)) {
                    report.cancelled = true;
                    break;
                }
                // One lookup per side for the whole batch: the rows of its keys' probe values.
                const QList<BulkRow> batch = keys.mid(at, BulkSampler::kBatch);
                QList<QByteArray> probes;
                QSet<QByteArray> probed;
                for (const BulkRow &key : batch) {
                    if (!probed.contains(key.constFirst())) {
                        probed.insert(key.constFirst());
                        probes << key.constFirst();
                    }
                }
                const KeyedRows here = rowsByKey(table, from.rowsWithProbeValues(table, probes));
                const KeyedRows there = otherHasTable ? rowsByKey(table, other.rowsWithProbeValues(table, probes)) : KeyedRows {};
                for (const BulkRow &key : batch) {
                    const QList<BulkRow> hereRows = here.value(key);
                    const QList<BulkRow> thereRows = there.value(key);
                    ++sampled;
                    // Rows without a primary key are their own key: a duplicate counts as a row.
                    if (thereRows.size() < hereRows.size()) {
                        ++absent;
                        note(tableReport.table, absentKind, key);
                    } else if (thereRows.size() > hereRows.size()) {
                        ++surplus;
                        note(tableReport.table, surplusKind, key);
                    } else if (hereRows != thereRows) {
                        ++tableReport.differing;
                        note(tableReport.table, QStringLiteral("differs"), key);
                    }
                }
                drawsDone += batch.size();
            }
        }
        report.tables << tableReport;
        if (report.cancelled)
            break;
    }

    if (!report.cancelled) {
        // A catalogue of a handful of rows: compared whole, every row a sample.
        const ParityTableReport packs = comparePolicyPacks(source, target, report.notes,
            [&](const ParityTableReport &table, const QString &kind, const BulkRow &key) { note(table.table, kind, key); });
        SampleTableReport packsReport;
        packsReport.table = packs.table;
        packsReport.sourceRows = packs.sourceRows;
        packsReport.targetRows = packs.targetRows;
        packsReport.sampledFromSource = packs.sourceRows;
        packsReport.sampledFromTarget = packs.targetRows;
        packsReport.missing = packs.missing;
        packsReport.extra = packs.extra;
        packsReport.differing = 2 * packs.differing; // seen from both sides
        packsReport.whole = true;
        report.tables << packsReport;
        if (progress)
            progress(drawsDone, drawsTotal, QString());
    }
    report.totalSeconds = total.nsecsElapsed() / 1e9;
    return report;
}

} // namespace dpm
