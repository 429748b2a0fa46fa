#include "transferrows.h"

#include "domain/error.h"
#include "migrate/migrator.h"
#include "services/storemigrations.h"
#include "store/auditlog.h"
#include "store/dualwritestore.h"
#include "store/separateproposalsstore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "store/sqltransaction.h"

#include <QJsonArray>

namespace dpm::transfer {

const QString kPolicyPacks = QStringLiteral("dpm_policy_packs");
const QString kBackfillAction = QStringLiteral("transfer.backfill");

QString tableName(BulkTable table)
{
    return QLatin1String(bulkTableSpec(table).name);
}


qint64 rowBytes(const BulkRow &row)
{
    qint64 bytes = 0;
    for (const QByteArray &value : row)
        bytes += value.size() + 16;
    return bytes;
}


QString describeKey(const BulkRow &key)
{
    QStringList parts;
    for (const QByteArray &value : key)
        parts << (value.isNull() ? QStringLiteral("NULL") : QString::fromUtf8(value));
    QString text = parts.join(QStringLiteral(" | "));
    if (text.size() > 160)
        text = text.left(157) + QStringLiteral("...");
    return text;
}

SqlDatabase &sqlTargetDatabase(SupportStore &target)
{
    // Its resume and repair delete rows in the database directly, which a dual-write pair's
    // other half would never see.
    if (storeAs<DualWriteStore>(target)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("TRANSFER_TARGET_DUAL_WRITE"),
            QStringLiteral("The target %1 is a dual-write store; transfer into one database at a time, opened with "
                           "DUAL_WRITE_MODE=false.")
                .arg(target.describe()));
    }
    auto *sql = storeAs<SqlStore>(target);
    if (!sql) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("TRANSFER_TARGET_UNSUPPORTED"),
            QStringLiteral("The target %1 is not a SQL database; transfer into a PostgreSQL (or SQLite) store.")
                .arg(target.describe()));
    }
    return sql->database();
}

void requireMigrated(SupportStore &target)
{
    const MigrationPlan plan = migrationPlan(target, Migrator::namespaces());
    if (!plan.steps.isEmpty()) {
        throw Error(ErrorKind::Migration, QStringLiteral("TRANSFER_TARGET_NOT_MIGRATED"),
            QStringLiteral("The target %1 has %2 pending migrations (first %3:%4); apply them first "
                           "(dpmctl migrate apply, or the console's Admin page).")
                .arg(target.describe())
                .arg(plan.steps.size())
                .arg(plan.steps.first().ns, plan.steps.first().version));
    }
}

namespace {

// Reads the proposal tables from one reader and the rest from the other.
class SplitBulkReader final : public BulkReader
{
public:
    SplitBulkReader(std::unique_ptr<BulkReader> dpm, std::unique_ptr<BulkReader> proposals)
        : m_dpm(std::move(dpm))
        , m_proposals(std::move(proposals))
    { }

    bool supports(BulkTable table) const override { return of(table).supports(table); }
    qint64 rowCount(BulkTable table) override { return of(table).rowCount(table); }
    QList<BulkRow> readBatch(BulkTable table, const std::optional<BulkRow> &from, bool inclusive, int limit) override
    {
        return of(table).readBatch(table, from, inclusive, limit);
    }
    std::optional<BulkRow> lastKey(BulkTable table) override { return of(table).lastKey(table); }

private:
    BulkReader &of(BulkTable table) const { return isProposalTable(table) ? *m_proposals : *m_dpm; }

    std::unique_ptr<BulkReader> m_dpm;
    std::unique_ptr<BulkReader> m_proposals;
};

} // namespace

std::unique_ptr<BulkReader> openTransferReader(SupportStore &store)
{
    SupportStore *proposals = separateProposalStore(store);
    if (!proposals)
        return openBulkReader(store);
    return std::make_unique<SplitBulkReader>(openBulkReader(store), openBulkReader(*proposals));
}

TargetTables::TargetTables(SupportStore &target)
    : m_dpm(target)
    , m_proposals(separateProposalStore(target) ? *separateProposalStore(target) : target)
    , m_dpmDb(&sqlTargetDatabase(m_dpm))
    , m_proposalDb(&sqlTargetDatabase(m_proposals))
{
    if (&m_proposals != &m_dpm)
        m_proposalStore = m_proposals.describe();
}

BulkLoader &TargetTables::loader(BulkTable table)
{
    const bool proposals = isProposalTable(table) && &m_proposals != &m_dpm;
    std::unique_ptr<BulkLoader> &loader = proposals ? m_proposalLoader : m_dpmLoader;
    if (!loader)
        loader = openBulkLoader(proposals ? m_proposals : m_dpm);
    return *loader;
}

void TargetTables::finish()
{
    if (m_dpmLoader)
        m_dpmLoader->finish();
    if (m_proposalLoader)
        m_proposalLoader->finish();
}

qint64 deleteKey(SqlDatabase &db, BulkTable table, const BulkRow &key)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    QStringList conditions;
    QVariantList params;
    const QList<int> keyColumns = bulkTableKeyColumns(table);
    for (int i = 0; i < keyColumns.size(); ++i) {
        conditions << QLatin1String(spec.columns.at(keyColumns.at(i))) + QStringLiteral(" = ?");
        params << QString::fromUtf8(key.at(i));
    }
    SqlTransaction transaction(db);
    SqlRows rows = db.exec(
        QStringLiteral("DELETE FROM %1 WHERE %2").arg(tableName(table), conditions.join(QStringLiteral(" AND "))),
        params);
    const qint64 deleted = rows.numRowsAffected();
    transaction.commit();
    return deleted;
}

QString lastBackfillSource(AuditLog &log)
{
    PageRequest page;
    page.limit = 200;
    for (int pages = 0; pages < 50; ++pages) {
        const Page<AuditEntry> entries = log.list(page);
        for (const AuditEntry &entry : entries.items) {
            if (entry.action == kBackfillAction)
                return entry.toJson().value(QStringLiteral("details")).toObject().value(QStringLiteral("source")).toString();
        }
        if (!entries.nextCursor)
            break;
        page.cursor = entries.nextCursor;
    }
    return {};
}

QJsonObject backfillDetails(const TransferReport &report)
{
    QJsonObject details;
    details.insert(QStringLiteral("source"), report.source);
    details.insert(QStringLiteral("resume"), report.resumed);
    details.insert(QStringLiteral("repair"), report.repaired);
    details.insert(QStringLiteral("batch_rows"), report.batchRows);
    QJsonObject copied;
    for (const TransferTableReport &table : report.tables)
        copied.insert(table.table, table.copiedRows);
    details.insert(QStringLiteral("copied_rows"), copied);
    return details;
}

std::optional<QList<PolicyPack>> policyPacksOf(SupportStore &store)
{
    if (auto *sql = storeAs<SqlStore>(store); sql && !sql->database().tableExists(kPolicyPacks))
        return std::nullopt;
    return store.listPolicyPacks();
}

bool samePack(const PolicyPack &a, const PolicyPack &b)
{
    return a.policyPackId == b.policyPackId && a.version == b.version && a.definitionJson == b.definitionJson
        && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
}


void requireSameBackfillSource(AuditLog &log, const QString &source, const QString &target)
{
    const QString previous = lastBackfillSource(log);
    if (previous == source)
        return;
    throw Error(ErrorKind::Conflict, QStringLiteral("TRANSFER_RESUME_SOURCE_MISMATCH"),
        previous.isEmpty()
            ? QStringLiteral("The target %1 holds rows but its audit log records no transfer into it; "
                             "resume only a transfer this tool started, or choose an empty database.")
                  .arg(target)
            : QStringLiteral("The target's last transfer came from %1, not from %2; resume it from that "
                             "source, or choose an empty database.")
                  .arg(previous, source));
}

ParityTableReport comparePolicyPacks(SupportStore &source, SupportStore &target, QStringList &notes,
    const MismatchFn &mismatch)
{
    ParityTableReport packsReport;
    packsReport.table = kPolicyPacks;
    QList<PolicyPack> sourcePacks; // both by policy_pack_id
    QList<PolicyPack> targetPacks;
    for (auto [store, packs] : { std::pair { &source, &sourcePacks }, { &target, &targetPacks } }) {
        if (const auto found = policyPacksOf(*store))
            *packs = *found;
        else
            notes << QStringLiteral("%1: %2 has no such table; compared as empty.").arg(kPolicyPacks, store->describe());
    }
    packsReport.sourceRows = sourcePacks.size();
    packsReport.targetRows = targetPacks.size();
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < sourcePacks.size() || j < targetPacks.size()) {
        const int order = i == sourcePacks.size() ? 1
            : j == targetPacks.size()             ? -1
                                                  : compareBulkKeys({ sourcePacks.at(i).policyPackId.toUtf8() },
                                                        { targetPacks.at(j).policyPackId.toUtf8() });
        if (order < 0) {
            ++packsReport.missing;
            mismatch(packsReport, QStringLiteral("missing_in_target"), { sourcePacks.at(i).policyPackId.toUtf8() });
            ++i;
        } else if (order > 0) {
            ++packsReport.extra;
            mismatch(packsReport, QStringLiteral("extra_in_target"), { targetPacks.at(j).policyPackId.toUtf8() });
            ++j;
        } else {
            if (!samePack(sourcePacks.at(i), targetPacks.at(j))) {
                ++packsReport.differing;
                mismatch(packsReport, QStringLiteral("differs"), { sourcePacks.at(i).policyPackId.toUtf8() });
            }
            ++i;
            ++j;
        }
    }
    return packsReport;
}

} // namespace dpm::transfer
