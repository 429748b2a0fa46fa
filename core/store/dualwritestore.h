#pragma once

#include "store/dualwriterouter.h"
#include "store/supportstore.h"

#include <memory>
#include <optional>

namespace dpm {

class DualWriteProposalStore;
class DualWriteRunEventStore;

// The dual-write phase of the move to PostgreSQL (seed spec 004): a SupportStore over a trusted
// primary (memory or SQLite) and a PostgreSQL store. Every write goes to the primary, whose
// result (or error) is the call's, then to PostgreSQL, whose failure is logged and counted,
// never thrown. Reads go to PostgreSQL for the configured share of calls, chosen per call; a
// PostgreSQL error falls back to the primary. Setting the share to 0 is the rollback. Its
// proposals() and runEvents() decorate the two stores' sub-stores the same way.
//
// It stands in for the primary: backend(), describe(), auditLog(), wrapped() and the bulk paths
// (storeAs) are the primary's; what it does shows in figures() and the store status. Writes are
// serialised (one lock over both stores), so both apply them in the same order.
class DualWriteStore : public SupportStore
{
public:
    DualWriteStore(std::unique_ptr<SupportStore> primary, std::unique_ptr<SupportStore> postgres,
        int readFromPostgresPercent);
    ~DualWriteStore() override;

    SupportStore &primary() { return *m_primary; }
    SupportStore &postgres() { return *m_postgres; }
    DualWriteRouter &router() { return *m_router; }
    DualWriteFigures figures() const { return m_router->figures(); }
    void setReadFromPostgresPercent(int percent) { m_router->setReadFromPostgresPercent(percent); }

    SupportStore *wrapped() override { return m_primary.get(); }
    StoreBackend backend() const override { return m_primary->backend(); }
    QString describe() const override { return m_primary->describe(); }

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
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page) override;
    void appendLineageEdge(const LineageEdge &edge) override;
    QList<LineageEdge> listLineageEdges(const QString &entityId) override;
    void upsertPolicyPack(const PolicyPack &pack) override;
    std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) override;
    QList<PolicyPack> listPolicyPacks() override;
    bool deletePolicyPack(const QString &policyPackId) override;
    SupportabilitySummary getSupportabilitySummary() override;
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override;
    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options) override;
    Page<LineageEdge> listLineageEdgesPage(const QString &entityId, const LineageFilter &filter, const PageRequest &page) override;
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override;
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override;
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override;
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override;

    // Admin actions are recorded where the trusted data is.
    AuditLog &auditLog() override { return m_primary->auditLog(); }
    ProposalStore &proposals() override;
    RunEventStore &runEvents() override;
    void interrupt() override;
    StatementInterrupter interrupterForThisThread() override;

private:
    template <typename R, typename... P, typename... A> R read(const char *call, R (SupportStore::*fn)(P...), const A &...args)
    {
        return m_router->readFrom(call, *m_primary, *m_postgres, fn, args...);
    }
    template <typename R, typename... P, typename... A> R write(const char *call, R (SupportStore::*fn)(P...), const A &...args)
    {
        return m_router->writeTo(call, *m_primary, *m_postgres, fn, args...);
    }

    std::unique_ptr<SupportStore> m_primary;
    std::unique_ptr<SupportStore> m_postgres;
    std::shared_ptr<DualWriteRouter> m_router;
    std::unique_ptr<DualWriteProposalStore> m_proposals;
    std::unique_ptr<DualWriteRunEventStore> m_runEvents;
};

// The figures of the DualWriteStore under any decorators; nullopt when the store has none.
std::optional<DualWriteFigures> dualWriteFiguresOf(SupportStore &store);

// What a bulk write (demo generate, snapshot import) left missing in PostgreSQL: a note for its
// report when any of its transactions failed there since `before`, else empty.
QString dualWriteBulkNote(SupportStore &store, const std::optional<DualWriteFigures> &before);

} // namespace dpm
