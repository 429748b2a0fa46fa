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
#include <optional>
#include <random>
#include <set>

namespace dpm {

using namespace transfer;

namespace {

// Probe values read from each end of a table: enough to see every character its keys use.
constexpr int kEdgeValues = 64;
// Characters of a probe after the keys' common prefix: 16 hex digits is 2^64 points.
constexpr qsizetype kMaxProbeLength = 16;

// How random probes for one table are made: the common prefix of its keys, then characters
// drawn uniformly from those its keys use after it.
struct ProbeShape
{
    QByteArray prefix;
    QByteArray alphabet; // sorted, distinct
    qsizetype length = 0;

    static ProbeShape of(const QList<QByteArray> &values)
    {
        ProbeShape shape;
        if (values.isEmpty())
            return shape;
        shape.prefix = values.constFirst();
        for (const QByteArray &value : values) {
            qsizetype n = 0;
            while (n < shape.prefix.size() && n < value.size() && shape.prefix.at(n) == value.at(n))
                ++n;
            shape.prefix.truncate(n);
        }
        std::set<char> characters;
        for (const QByteArray &value : values) {
            const QByteArray rest = value.mid(shape.prefix.size());
            shape.length = std::max(shape.length, std::min(rest.size(), kMaxProbeLength));
            characters.insert(rest.cbegin(), rest.cend());
        }
        for (const char c : characters)
            shape.alphabet += c;
        return shape;
    }

    QByteArray draw(std::mt19937_64 &random) const
    {
        QByteArray probe = prefix;
        if (alphabet.isEmpty())
            return probe;
        std::uniform_int_distribution<qsizetype> pick(0, alphabet.size() - 1);
        for (qsizetype i = 0; i < length; ++i)
            probe += alphabet.at(pick(random));
        return probe;
    }
};

qsizetype countKey(BulkTable table, const QList<BulkRow> &rows, const BulkRow &key)
{
    return std::count_if(rows.cbegin(), rows.cend(),
        [&](const BulkRow &row) { return compareBulkKeys(bulkRowKey(table, row), key) == 0; });
}

const BulkRow *findKey(BulkTable table, const QList<BulkRow> &rows, const BulkRow &key)
{
    for (const BulkRow &row : rows) {
        if (compareBulkKeys(bulkRowKey(table, row), key) == 0)
            return &row;
    }
    return nullptr;
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
    qint64 estimatedRows(BulkTable table) override { return of(table).estimatedRows(table); }
    QList<QByteArray> edgeProbeValues(BulkTable table, int limit) override
    {
        return of(table).edgeProbeValues(table, limit);
    }
    std::optional<QByteArray> probeValueFrom(BulkTable table, const QByteArray &probe, bool inclusive) override
    {
        return of(table).probeValueFrom(table, probe, inclusive);
    }
    QList<BulkRow> rowsWithProbeValue(BulkTable table, const QByteArray &value) override
    {
        return of(table).rowsWithProbeValue(table, value);
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
    // Sizes first: progress needs the number of keys to draw.
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
            plan.rows[side] = sides[side]->estimatedRows(table);
            plan.draws[side] = plan.rows[side] > 0 ? qint64(std::ceil(double(plan.rows[side]) * options.percent / 100.0)) : 0;
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
        // One generator per table and side, from the seed: a table's keys do not depend on the others.
        for (int side = 0; side < 2 && !report.cancelled; ++side) {
            if (plan.draws[side] == 0)
                continue;
            BulkSampler &from = *sides[side];
            BulkSampler &other = *sides[1 - side];
            const bool otherHasTable = other.supports(table);
            std::seed_seq seq { quint32(options.seed), quint32(options.seed >> 32), quint32(table), quint32(side) };
            std::mt19937_64 random(seq);
            const ProbeShape shape = ProbeShape::of(from.edgeProbeValues(table, kEdgeValues));
            QSet<QByteArray> drawn;
            for (qint64 n = 0; n < plan.draws[side]; ++n) {
                if (progress && (n % 256) == 0 && !progress(drawsDone, drawsTotal, tableReport.table)) {
                    report.cancelled = true;
                    break;
                }
                ++drawsDone;
                // Without replacement: a value drawn before gives way to the next one not drawn yet.
                std::optional<QByteArray> value = from.probeValueFrom(table, shape.draw(random), true);
                for (qsizetype walked = 0; value && drawn.contains(*value); ++walked) {
                    value = walked < drawn.size() ? from.probeValueFrom(table, *value, false) : std::nullopt;
                }
                if (!value)
                    break; // every value drawn (fewer than estimated), or the table emptied since
                drawn.insert(*value);
                const QList<BulkRow> here = from.rowsWithProbeValue(table, *value);
                if (here.isEmpty())
                    continue; // deleted between the two reads
                std::uniform_int_distribution<qsizetype> pick(0, here.size() - 1);
                const BulkRow &row = here.at(pick(random));
                const BulkRow key = bulkRowKey(table, row);
                const QList<BulkRow> there = otherHasTable ? other.rowsWithProbeValue(table, *value) : QList<BulkRow> {};
                (side == 0 ? tableReport.sampledFromSource : tableReport.sampledFromTarget) += 1;
                // Rows without a primary key are their own key: a duplicate counts as a row.
                const qsizetype hereCount = countKey(table, here, key);
                const qsizetype thereCount = countKey(table, there, key);
                const BulkRow *match = findKey(table, there, key);
                const QString absent = side == 0 ? QStringLiteral("missing_in_target") : QStringLiteral("extra_in_target");
                if (!match || thereCount < hereCount) {
                    (side == 0 ? tableReport.missing : tableReport.extra) += 1;
                    note(tableReport.table, absent, key);
                } else if (thereCount > hereCount) {
                    (side == 0 ? tableReport.extra : tableReport.missing) += 1;
                    note(tableReport.table,
                        side == 0 ? QStringLiteral("extra_in_target") : QStringLiteral("missing_in_target"), key);
                } else if (*match != row) {
                    ++tableReport.differing;
                    note(tableReport.table, QStringLiteral("differs"), key);
                }
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
