#pragma once

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace dpm {

// Value types for the rows of Part B §2. Field values are the stored text as-is: timestamps in
// the service format, JSON columns as canonical JSON text (parsed on demand, Part A §11).
// Nullable columns are std::optional.

struct RebalanceRun
{
    QString rebalanceRunId;
    QString correlationId;
    QString requestHash;
    std::optional<QString> idempotencyKey;
    QString portfolioId;
    QString createdAt;
    QString resultJson;

    // result_json.status, or "" when absent or when result_json is not a JSON object.
    QString status() const;
    bool operator==(const RebalanceRun &) const = default;
};

// A listing row: the fields of Part B §6.1 (no result payload).
struct RunListItem
{
    QString rebalanceRunId;
    QString correlationId;
    QString requestHash;
    std::optional<QString> idempotencyKey;
    QString portfolioId;
    QString status;
    QString createdAt;
    bool operator==(const RunListItem &) const = default;
};

struct RunArtifact
{
    QString rebalanceRunId;
    QString artifactJson;
    bool operator==(const RunArtifact &) const = default;
};

struct IdempotencyMapping
{
    QString idempotencyKey;
    QString requestHash;
    QString rebalanceRunId;
    QString createdAt;
    bool operator==(const IdempotencyMapping &) const = default;
};

struct IdempotencyHistoryEntry
{
    QString idempotencyKey;
    QString rebalanceRunId;
    QString correlationId;
    QString requestHash;
    QString createdAt;
    bool operator==(const IdempotencyHistoryEntry &) const = default;
};

struct AsyncOperation
{
    QString operationId;
    QString operationType;
    QString status;
    QString correlationId;
    QString createdAt;
    std::optional<QString> startedAt;
    std::optional<QString> finishedAt;
    std::optional<QString> resultJson;
    std::optional<QString> errorJson;
    std::optional<QString> requestJson;

    // status == PENDING and a request is stored (Part B §2.5).
    bool isExecutable() const;
    bool operator==(const AsyncOperation &) const = default;
};

struct WorkflowDecision
{
    QString decisionId;
    QString runId;
    QString action;
    QString reasonCode;
    std::optional<QString> comment;
    QString actorId;
    QString decidedAt;
    QString correlationId;
    bool operator==(const WorkflowDecision &) const = default;
};

// A run's append-only decision history, oldest first: the service's {run_id, decisions}.
struct WorkflowHistory
{
    QString runId;
    QList<WorkflowDecision> decisions;
    bool operator==(const WorkflowHistory &) const = default;
};

struct LineageEdge
{
    QString sourceEntityId;
    QString edgeType;
    QString targetEntityId;
    QString createdAt;
    QString metadataJson;
    bool operator==(const LineageEdge &) const = default;
};

struct PolicyPack
{
    QString policyPackId;
    QString version;
    QString definitionJson;
    QString createdAt;
    QString updatedAt;
    bool operator==(const PolicyPack &) const = default;
};

// get_supportability_summary() of Part B §5. Count maps are ordered by key for stable output.
struct SupportabilitySummary
{
    qint64 runCount = 0;
    qint64 operationCount = 0;
    QMap<QString, qint64> operationStatusCounts;
    QMap<QString, qint64> runStatusCounts;
    qint64 workflowDecisionCount = 0;
    QMap<QString, qint64> workflowActionCounts;
    QMap<QString, qint64> workflowReasonCodeCounts;
    qint64 lineageEdgeCount = 0;
    std::optional<QString> oldestRunCreatedAt;
    std::optional<QString> newestRunCreatedAt;
    std::optional<QString> oldestOperationCreatedAt;
    std::optional<QString> newestOperationCreatedAt;
    bool operator==(const SupportabilitySummary &) const = default;
};

// The result_json.status of a result payload text ("" when absent or not JSON).
QString statusOfResultJson(const QString &resultJson);

} // namespace dpm
