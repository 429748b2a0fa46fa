#pragma once

#include "store/sqldatabase.h"
#include "store/supportstore.h"

#include <memory>

namespace dpm {

class SqlAuditLog;
class SqlProposalStore;
class SqlRunEventStore;

// The supportability store on SQLite or PostgreSQL: one set of queries, the differences kept in
// SqlDialect. Every listing pages by keyset in SQL; every write that belongs together is one
// transaction; every value is a bound parameter.
class SqlStore : public SupportStore
{
public:
    enum class SchemaCheck {
        RequireTables, // a database without the DPM tables throws DPM_SCHEMA_NOT_INITIALISED
        AllowMissing, // opened anyway so that an admin can apply the migrations; see hasSchema()
    };
    explicit SqlStore(std::unique_ptr<SqlDatabase> database, SchemaCheck check = SchemaCheck::RequireTables);
    ~SqlStore() override;

    SqlDatabase &database() { return *m_db; }
    void interrupt() override;
    StatementInterrupter interrupterForThisThread() override;
    // False when opened with AllowMissing on a database without the DPM tables: only the
    // migrations and the audit log are usable then, and the store must be reopened after them.
    bool hasSchema() const { return m_hasSchema; }

    StoreBackend backend() const override;
    QString describe() const override;

    void saveRun(const RebalanceRun &run) override;
    void recordRun(const RunRecord &record) override;
    std::optional<RebalanceRun> getRun(const QString &rebalanceRunId) override;
    std::optional<RebalanceRun> getRunByCorrelation(const QString &correlationId) override;
    std::optional<RebalanceRun> getRunByRequestHash(const QString &requestHash) override;
    Page<RunListItem> listRuns(const RunFilter &filter, const PageRequest &page) override;

    void saveRunArtifact(const RunArtifact &artifact) override;
    std::optional<RunArtifact> getRunArtifact(const QString &rebalanceRunId) override;

    void saveIdempotencyMapping(const IdempotencyMapping &mapping) override;
    std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &idempotencyKey) override;
    void appendIdempotencyHistory(const IdempotencyHistoryEntry &entry) override;
    QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &idempotencyKey) override;

    void createOperation(const AsyncOperation &operation) override;
    void updateOperation(const AsyncOperation &operation) override;
    void submitOperation(const AsyncOperation &operation) override;
    std::optional<AsyncOperation> getOperation(const QString &operationId) override;
    std::optional<AsyncOperation> getOperationByCorrelation(const QString &correlationId) override;
    Page<AsyncOperation> listOperations(const OperationFilter &filter, const PageRequest &page) override;
    PurgeReport purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun) override;

    void appendWorkflowDecision(const WorkflowDecision &decision) override;
    QList<WorkflowDecision> listWorkflowDecisions(const QString &runId) override;
    std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &correlationId) override;
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(
        const DecisionFilter &filter, const PageRequest &page) override;

    void appendLineageEdge(const LineageEdge &edge) override;
    QList<LineageEdge> listLineageEdges(const QString &entityId) override;

    void upsertPolicyPack(const PolicyPack &pack) override;
    std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) override;
    QList<PolicyPack> listPolicyPacks() override;
    bool deletePolicyPack(const QString &policyPackId) override;

    // From the maintained counters of console/0004 when this database has them (a few rows and
    // four index probes), else the recount.
    SupportabilitySummary getSupportabilitySummary() override;
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override;

    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options) override;
    Page<LineageEdge> listLineageEdgesPage(
        const QString &entityId, const LineageFilter &filter, const PageRequest &page) override;
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override;
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override;
    // One index range per status (action): console/0001's (status, created_at) and (action,
    // decided_at) indexes cover these, so only the rows inside the range are read.
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override;
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override;
    // The summary counted from the rows themselves (GROUP BY over every run's JSON status): what
    // a database without console/0004 gets, and the reference the counters are checked against.
    SupportabilitySummary recountSupportabilitySummary();
    // Whether console/0004's counters were found when the store was opened.
    bool hasSummaryCounters() const { return m_summaryCounters; }
    // Whether console/0007's narrow run list was found when the store was opened: the runs
    // listing reads it instead of dpm_runs.
    bool hasRunList() const { return m_runList; }
    AuditLog &auditLog() override;
    ProposalStore &proposals() override;
    RunEventStore &runEvents() override;

private:
    template <typename F> auto inWriteTransaction(F &&work) -> decltype(work());
    template <typename F> auto inReadTransaction(F &&work) -> decltype(work());

    void upsertRun(const RebalanceRun &run);
    void upsertOperation(const AsyncOperation &operation);
    void insertLineageEdge(const LineageEdge &edge);
    std::optional<RebalanceRun> selectOneRun(const QString &where, const QVariantList &params);
    std::optional<AsyncOperation> selectOneOperation(const QString &where, const QVariantList &params);
    QList<WorkflowDecision> selectDecisions(const QString &where, const QVariantList &params);

    std::unique_ptr<SqlDatabase> m_db;
    QString m_c; // COLLATE "C" on PostgreSQL, empty on SQLite
    bool m_hasSchema;
    QString m_runStatus; // the null-safe result_json.status expression
    QString m_pageRunStatus; // the same of the joined row r (see listRuns)
    QString m_runSelect; // kRunColumns as read (SqlDialect::wideText for the JSON)
    QString m_operationSelect; // kOperationColumns as read
    bool m_summaryCounters = false; // console_summary_counts exists (console/0004)
    bool m_runList = false; // console_run_list exists (console/0007)
    std::unique_ptr<SqlAuditLog> m_auditLog;
    std::unique_ptr<SqlProposalStore> m_proposals;
    std::unique_ptr<SqlRunEventStore> m_runEvents;
};

} // namespace dpm
