#include "vocabulary.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace dpm {

namespace {

template <typename E, std::size_t N> using WireTable = std::array<std::pair<E, const char *>, N>;

constexpr WireTable<RunStatus, 3> kRunStatus { { { RunStatus::Ready, "READY" },
    { RunStatus::PendingReview, "PENDING_REVIEW" }, { RunStatus::Blocked, "BLOCKED" } } };
constexpr WireTable<WorkflowStatus, 4> kWorkflowStatus { { { WorkflowStatus::NotRequired, "NOT_REQUIRED" },
    { WorkflowStatus::PendingReview, "PENDING_REVIEW" }, { WorkflowStatus::Approved, "APPROVED" },
    { WorkflowStatus::Rejected, "REJECTED" } } };
constexpr WireTable<WorkflowAction, 3> kWorkflowAction { { { WorkflowAction::Approve, "APPROVE" },
    { WorkflowAction::Reject, "REJECT" }, { WorkflowAction::RequestChanges, "REQUEST_CHANGES" } } };
constexpr WireTable<OperationType, 1> kOperationType { { { OperationType::AnalyzeScenarios, "ANALYZE_SCENARIOS" } } };
constexpr WireTable<OperationStatus, 4> kOperationStatus { { { OperationStatus::Pending, "PENDING" },
    { OperationStatus::Running, "RUNNING" }, { OperationStatus::Succeeded, "SUCCEEDED" },
    { OperationStatus::Failed, "FAILED" } } };
constexpr WireTable<LineageEdgeType, 7> kLineageEdgeType { { { LineageEdgeType::CorrelationToRun,
                                                                 "CORRELATION_TO_RUN" },
    { LineageEdgeType::IdempotencyToRun, "IDEMPOTENCY_TO_RUN" },
    { LineageEdgeType::OperationToCorrelation, "OPERATION_TO_CORRELATION" }, { LineageEdgeType::CausedBy, "caused_by" },
    { LineageEdgeType::ReplayedFrom, "replayed_from" }, { LineageEdgeType::DerivedFrom, "derived_from" },
    { LineageEdgeType::CorrelationToProposal, "CORRELATION_TO_PROPOSAL" } } };
constexpr WireTable<StoreBackend, 3> kStoreBackend { { { StoreBackend::InMemory, "IN_MEMORY" },
    { StoreBackend::Sqlite, "SQL" }, { StoreBackend::Postgres, "POSTGRES" } } };

template <typename E, std::size_t N> QString wire(const WireTable<E, N> &table, E value)
{
    for (const auto &[e, s] : table) {
        if (e == value)
            return QString::fromLatin1(s);
    }
    return {};
}

template <typename E, std::size_t N> std::optional<E> fromWire(const WireTable<E, N> &table, const QString &s)
{
    for (const auto &[e, w] : table) {
        if (s == QLatin1String(w))
            return e;
    }
    return std::nullopt;
}

template <typename E, std::size_t N> QStringList values(const WireTable<E, N> &table)
{
    QStringList out;
    for (const auto &[e, s] : table)
        out << QString::fromLatin1(s);
    return out;
}

} // namespace

QString toWire(RunStatus v)
{
    return wire(kRunStatus, v);
}
QString toWire(WorkflowStatus v)
{
    return wire(kWorkflowStatus, v);
}
QString toWire(WorkflowAction v)
{
    return wire(kWorkflowAction, v);
}
QString toWire(OperationType v)
{
    return wire(kOperationType, v);
}
QString toWire(OperationStatus v)
{
    return wire(kOperationStatus, v);
}
QString toWire(LineageEdgeType v)
{
    return wire(kLineageEdgeType, v);
}
QString toWire(StoreBackend v)
{
    if (v == StoreBackend::Remote)
        return QStringLiteral("REMOTE");
    return wire(kStoreBackend, v);
}

std::optional<RunStatus> runStatusFromWire(const QString &s)
{
    return fromWire(kRunStatus, s);
}
std::optional<WorkflowStatus> workflowStatusFromWire(const QString &s)
{
    return fromWire(kWorkflowStatus, s);
}
std::optional<WorkflowAction> workflowActionFromWire(const QString &s)
{
    return fromWire(kWorkflowAction, s);
}
std::optional<OperationType> operationTypeFromWire(const QString &s)
{
    return fromWire(kOperationType, s);
}
std::optional<OperationStatus> operationStatusFromWire(const QString &s)
{
    return fromWire(kOperationStatus, s);
}
std::optional<LineageEdgeType> lineageEdgeTypeFromWire(const QString &s)
{
    return fromWire(kLineageEdgeType, s);
}

std::optional<StoreBackend> storeBackendFromWire(const QString &s)
{
    const QString v = s.trimmed().toUpper();
    if (v == QLatin1String("SQLITE"))
        return StoreBackend::Sqlite;
    return fromWire(kStoreBackend, v);
}

QStringList runStatusWireValues()
{
    return values(kRunStatus);
}
QStringList workflowActionWireValues()
{
    return values(kWorkflowAction);
}
QStringList operationTypeWireValues()
{
    return values(kOperationType);
}
QStringList operationStatusWireValues()
{
    return values(kOperationStatus);
}

std::optional<WorkflowStatus> workflowTransition(WorkflowStatus current, WorkflowAction action)
{
    using S = WorkflowStatus;
    using A = WorkflowAction;
    switch (current) {
    case S::PendingReview:
        if (action == A::Approve)
            return S::Approved;
        if (action == A::Reject)
            return S::Rejected;
        return S::PendingReview;
    case S::Approved:
        if (action == A::RequestChanges)
            return S::PendingReview;
        if (action == A::Reject)
            return S::Rejected;
        return std::nullopt;
    case S::Rejected:
        if (action == A::RequestChanges)
            return S::PendingReview;
        return std::nullopt;
    case S::NotRequired:
        return std::nullopt;
    }
    return std::nullopt;
}

bool isValidReasonCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    return re.match(code).hasMatch();
}

} // namespace dpm
