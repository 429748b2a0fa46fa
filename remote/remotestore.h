#pragma once

#include "remoteclient.h"
#include "servicereads.h"
#include "store/supportstore.h"

#include <memory>
#include <mutex>
#include <optional>

namespace dpm {

class RemoteProposalStore;
class RemoteRunEventStore;
class RemoteAuditLog;

// A read-only SupportStore over HTTP (issue 16's remote mode). Against dpmctl serve every read
// goes through its /console/v1/store/ mirror and answers exactly what the served store answers.
// Against the service itself (only http-api.md §3/§5) the reads the API offers are parsed from
// its shapes (ServiceReads) and the rest fail with REMOTE_EXTENSION_MISSING. Every write and
// admin entry point fails with STORE_READ_ONLY_REMOTE. Safe from several threads.
class RemoteStore final : public SupportStore
{
public:
    explicit RemoteStore(const StoreLocation &location);
    ~RemoteStore() override;

    // Reaches the server once (token, TLS, address) and learns whether it has the extensions.
    void probe();
    // True when the server offers /console/v1/ (dpmctl serve); asked once, then remembered.
    bool hasExtensions();
    RemoteClient &client() { return *m_client; }
    ServiceReads &service() { return m_service; }

    StoreBackend backend() const override { return StoreBackend::Remote; }
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
    Page<LineageEdge> listLineageEdgesPage(
        const QString &entityId, const LineageFilter &filter, const PageRequest &page) override;
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override;
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override;
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override;
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override;
    AuditLog &auditLog() override;
    ProposalStore &proposals() override;
    RunEventStore &runEvents() override;
    void interrupt() override;
    StatementInterrupter interrupterForThisThread() override;

private:
    StoreLocation m_location;
    std::unique_ptr<RemoteClient> m_client;
    ServiceReads m_service;
    std::unique_ptr<RemoteProposalStore> m_proposals;
    std::unique_ptr<RemoteRunEventStore> m_runEvents;
    std::unique_ptr<RemoteAuditLog> m_auditLog;
    std::mutex m_probeMutex;
    std::optional<bool> m_hasExtensions;
};

} // namespace dpm
