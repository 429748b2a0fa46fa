#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace dpm {

// The service's vocabularies (Part B §4.1) as enums with their exact wire strings. Stored rows
// keep the raw string (a database may hold values the service wrote later or by hand); these
// enums validate input and drive labels and colours.

enum class RunStatus { Ready, PendingReview, Blocked };
enum class WorkflowStatus { NotRequired, PendingReview, Approved, Rejected };
enum class WorkflowAction { Approve, Reject, RequestChanges };
enum class OperationType { AnalyzeScenarios };
enum class OperationStatus { Pending, Running, Succeeded, Failed };
enum class LineageEdgeType {
    CorrelationToRun,
    IdempotencyToRun,
    OperationToCorrelation,
    CausedBy,
    ReplayedFrom,
    DerivedFrom,
    // The console's own, never stored: a correlation id that a proposal version's result carries
    // (ProposalCorrelationLink), drawn in the lineage graph from the correlation to the proposal.
    CorrelationToProposal
};
// Remote: a server that speaks the service's HTTP API (http-api.md), read-only; never one of the
// service's DPM_SUPPORTABILITY_STORE_BACKEND values.
enum class StoreBackend { InMemory, Sqlite, Postgres, Remote };

QString toWire(RunStatus v);
QString toWire(WorkflowStatus v);
QString toWire(WorkflowAction v);
QString toWire(OperationType v);
QString toWire(OperationStatus v);
QString toWire(LineageEdgeType v);
// The service's DPM_SUPPORTABILITY_STORE_BACKEND names: IN_MEMORY, SQL, POSTGRES (and REMOTE).
QString toWire(StoreBackend v);

std::optional<RunStatus> runStatusFromWire(const QString &s);
std::optional<WorkflowStatus> workflowStatusFromWire(const QString &s);
std::optional<WorkflowAction> workflowActionFromWire(const QString &s);
std::optional<OperationType> operationTypeFromWire(const QString &s);
std::optional<OperationStatus> operationStatusFromWire(const QString &s);
std::optional<LineageEdgeType> lineageEdgeTypeFromWire(const QString &s);
// Accepts the service's spellings: IN_MEMORY, SQL and its alias SQLITE, POSTGRES (trimmed,
// case-insensitive).
std::optional<StoreBackend> storeBackendFromWire(const QString &s);

QStringList runStatusWireValues();
QStringList workflowActionWireValues();
QStringList operationTypeWireValues();
QStringList operationStatusWireValues();

// PENDING_REVIEW + APPROVE -> APPROVED and the rest of §4.1; nullopt = DPM_WORKFLOW_INVALID_TRANSITION.
std::optional<WorkflowStatus> workflowTransition(WorkflowStatus current, WorkflowAction action);

// Workflow decision reason codes match ^[A-Z][A-Z0-9_]*$.
bool isValidReasonCode(const QString &code);

} // namespace dpm
