#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace dpm {

// One page of a keyset listing. nextCursor is set only when more rows exist beyond the page.
template <typename T> struct Page
{
    QList<T> items;
    std::optional<QString> nextCursor;
};

// Filters of list_runs (Part B §5). Bounds are inclusive and normalised to the service's
// timestamp format before they reach a store; empty optionals mean "no filter".
struct RunFilter
{
    std::optional<QString> createdFrom;
    std::optional<QString> createdTo;
    std::optional<QString> status;
    std::optional<QString> requestHash;
    std::optional<QString> portfolioId;
};

struct OperationFilter
{
    std::optional<QString> createdFrom;
    std::optional<QString> createdTo;
    std::optional<QString> operationType;
    std::optional<QString> status;
    std::optional<QString> correlationId;
};

struct DecisionFilter
{
    std::optional<QString> rebalanceRunId;
    std::optional<QString> action;
    std::optional<QString> actorId;
    std::optional<QString> reasonCode;
    std::optional<QString> decidedFrom;
    std::optional<QString> decidedTo;
};

struct PageRequest
{
    int limit = 50;
    std::optional<QString> cursor;
};

} // namespace dpm
