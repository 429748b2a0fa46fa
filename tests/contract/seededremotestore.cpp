#include "seededremotestore.h"

#include "registerremotestore.h"
#include "seededremotesubstores.h"
#include "remotestore.h"
#include "servetestsupport.h"
#include "services/storeopening.h"

namespace dpm::test {

namespace {

class SeededRemoteStore final : public SupportStore
{
public:
    explicit SeededRemoteStore(std::unique_ptr<SupportStore> local)
        : m_local(std::move(local))
        , m_server(std::make_unique<RunningServer>(*m_local, testServeOptions()))
    {
        registerRemoteStore();
        m_remote = openStore(StoreLocation::parse(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())));
        m_proposals = std::make_unique<SeededRemoteProposalStore>(m_local->proposals(), m_remote->proposals());
        m_runEvents = std::make_unique<SeededRemoteRunEventStore>(m_local->runEvents(), m_remote->runEvents());
    }
    ~SeededRemoteStore() override
    {
        m_runEvents.reset();
        m_proposals.reset();
        m_remote.reset();
        // The client's keep-alive connection goes first: httplib (0.11) ends an idle keep-alive
        // connection only at its timeout, and the server's stop waits for every connection.
        closeThisThreadsStoreConnections();
        m_server.reset();
    }

    StoreBackend backend() const override { return m_remote->backend(); }
    // The seeded local store, for a test that writes with plain SQL as the service would.
    SupportStore *wrapped() override { return m_local.get(); }
    QString describe() const override { return m_remote->describe(); }

    // Writes: the local store.
    void saveRun(const RebalanceRun &run) override { m_local->saveRun(run); }
    void recordRun(const RunRecord &record) override { m_local->recordRun(record); }
    void saveRunArtifact(const RunArtifact &artifact) override { m_local->saveRunArtifact(artifact); }
    void saveIdempotencyMapping(const IdempotencyMapping &mapping) override { m_local->saveIdempotencyMapping(mapping); }
    void appendIdempotencyHistory(const IdempotencyHistoryEntry &entry) override
    {
        m_local->appendIdempotencyHistory(entry);
    }
    void createOperation(const AsyncOperation &operation) override { m_local->createOperation(operation); }
    void updateOperation(const AsyncOperation &operation) override { m_local->updateOperation(operation); }
    void submitOperation(const AsyncOperation &operation) override { m_local->submitOperation(operation); }
    PurgeReport purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun) override
    {
        return m_local->purgeExpiredOperations(ttlSeconds, now, dryRun);
    }
    void appendWorkflowDecision(const WorkflowDecision &decision) override { m_local->appendWorkflowDecision(decision); }
    void appendLineageEdge(const LineageEdge &edge) override { m_local->appendLineageEdge(edge); }
    void upsertPolicyPack(const PolicyPack &pack) override { m_local->upsertPolicyPack(pack); }
    bool deletePolicyPack(const QString &id) override { return m_local->deletePolicyPack(id); }
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override
    {
        return m_local->purgeExpiredRuns(retentionDays, now, dryRun);
    }

    // Reads: over HTTP.
    std::optional<RebalanceRun> getRun(const QString &id) override { return m_remote->getRun(id); }
    std::optional<RebalanceRun> getRunByCorrelation(const QString &c) override { return m_remote->getRunByCorrelation(c); }
    std::optional<RebalanceRun> getRunByRequestHash(const QString &h) override { return m_remote->getRunByRequestHash(h); }
    Page<RunListItem> listRuns(const RunFilter &f, const PageRequest &p) override { return m_remote->listRuns(f, p); }
    std::optional<RunArtifact> getRunArtifact(const QString &id) override { return m_remote->getRunArtifact(id); }
    std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &k) override
    {
        return m_remote->getIdempotencyMapping(k);
    }
    QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &k) override
    {
        return m_remote->listIdempotencyHistory(k);
    }
    std::optional<AsyncOperation> getOperation(const QString &id) override { return m_remote->getOperation(id); }
    std::optional<AsyncOperation> getOperationByCorrelation(const QString &c) override
    {
        return m_remote->getOperationByCorrelation(c);
    }
    Page<AsyncOperation> listOperations(const OperationFilter &f, const PageRequest &p) override
    {
        return m_remote->listOperations(f, p);
    }
    QList<WorkflowDecision> listWorkflowDecisions(const QString &runId) override
    {
        return m_remote->listWorkflowDecisions(runId);
    }
    std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &c) override
    {
        return m_remote->getWorkflowHistoryByCorrelation(c);
    }
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &f, const PageRequest &p) override
    {
        return m_remote->listWorkflowDecisionsFiltered(f, p);
    }
    QList<LineageEdge> listLineageEdges(const QString &id) override { return m_remote->listLineageEdges(id); }
    std::optional<PolicyPack> getPolicyPack(const QString &id) override { return m_remote->getPolicyPack(id); }
    QList<PolicyPack> listPolicyPacks() override { return m_remote->listPolicyPacks(); }
    SupportabilitySummary getSupportabilitySummary() override { return m_remote->getSupportabilitySummary(); }
    SupportBundleRows loadSupportBundle(const SupportBundleEntry &e, const SupportBundleOptions &o) override
    {
        return m_remote->loadSupportBundle(e, o);
    }
    Page<LineageEdge> listLineageEdgesPage(const QString &id, const LineageFilter &f, const PageRequest &p) override
    {
        return m_remote->listLineageEdgesPage(id, f, p);
    }
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &ids) override
    {
        return m_remote->listLineageEdgesTouching(ids);
    }
    QList<IdentifierMatch> findIdentifier(const QString &id) override { return m_remote->findIdentifier(id); }
    QList<DailyCount> countRunsPerDay(const QString &from, const QString &to) override
    {
        return m_remote->countRunsPerDay(from, to);
    }
    QList<DailyCount> countDecisionsPerDay(const QString &from, const QString &to) override
    {
        return m_remote->countDecisionsPerDay(from, to);
    }
    AuditLog &auditLog() override { return m_local->auditLog(); }
    ProposalStore &proposals() override { return *m_proposals; }
    RunEventStore &runEvents() override { return *m_runEvents; }

private:
    std::unique_ptr<SupportStore> m_local;
    std::unique_ptr<RunningServer> m_server;
    std::unique_ptr<SupportStore> m_remote;
    std::unique_ptr<ProposalStore> m_proposals; // over m_local's and m_remote's
    std::unique_ptr<RunEventStore> m_runEvents;
};

} // namespace

std::unique_ptr<SupportStore> openSeededRemoteStore(std::unique_ptr<SupportStore> local)
{
    return std::make_unique<SeededRemoteStore>(std::move(local));
}

} // namespace dpm::test
