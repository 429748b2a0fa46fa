// dpmctl operations …: async operations (Part B §2.5, §6.1).

#include "command.h"
#include "domain/apijson.h"
#include "output.h"
#include "services/runlookup.h"
#include "store/supportstore.h"

namespace dpm::cli {

namespace {

const QStringList kOperationColumns { QStringLiteral("operation_id"), QStringLiteral("operation_type"),
    QStringLiteral("status"), QStringLiteral("is_executable"), QStringLiteral("created_at"),
    QStringLiteral("finished_at"), QStringLiteral("correlation_id") };

const QStringList kOperationRecordKeys { QStringLiteral("operation_id"), QStringLiteral("operation_type"),
    QStringLiteral("status"), QStringLiteral("is_executable"), QStringLiteral("correlation_id"),
    QStringLiteral("created_at"), QStringLiteral("started_at"), QStringLiteral("finished_at"), QStringLiteral("error"),
    QStringLiteral("error_json_error"), QStringLiteral("result_json_error"), QStringLiteral("result") };

CommandOutput operationOutput(const AsyncOperation &operation)
{
    CommandOutput out;
    out.json = operationJson(operation);
    out.text = formatRecord(out.json, kOperationRecordKeys);
    return out;
}

CommandOutput listOperations(CommandContext &context, const ParsedCommand &command)
{
    OperationFilter filter;
    filter.createdFrom = timestampOption(command, QStringLiteral("from"));
    filter.createdTo = timestampOption(command, QStringLiteral("to"));
    filter.operationType = command.value(QStringLiteral("type"));
    filter.status = command.value(QStringLiteral("status"));
    filter.correlationId = command.value(QStringLiteral("correlation"));
    PageRequest page;
    page.limit = parseLimit(command.value(QStringLiteral("limit")));
    page.cursor = command.value(QStringLiteral("cursor"));

    CommandOutput out;
    out.json = listingJson(context.store().listOperations(filter, page), operationJson);
    out.text = formatListing(out.json, kOperationColumns);
    return out;
}

CommandOutput getOperation(CommandContext &context, const ParsedCommand &command)
{
    return operationOutput(requireOperation(context.store(), command.positional(0)));
}

CommandOutput operationByCorrelation(CommandContext &context, const ParsedCommand &command)
{
    return operationOutput(requireOperationByCorrelation(context.store(), command.positional(0)));
}

} // namespace

QList<CommandSpec> operationCommands()
{
    QList<OptionSpec> listOptions { { QStringLiteral("from"), QStringLiteral("T"),
                                        QStringLiteral("created at or after T (inclusive)") },
        { QStringLiteral("to"), QStringLiteral("T"), QStringLiteral("created at or before T (inclusive)") },
        { QStringLiteral("type"), QStringLiteral("TYPE"), QStringLiteral("operation type, e.g. ANALYZE_SCENARIOS") },
        { QStringLiteral("status"), QStringLiteral("S"), QStringLiteral("PENDING, RUNNING, SUCCEEDED or FAILED") },
        { QStringLiteral("correlation"), QStringLiteral("C"), QStringLiteral("exact correlation id") } };
    listOptions += pagingOptions();

    return {
        { { QStringLiteral("operations"), QStringLiteral("list") }, {}, listOptions,
            QStringLiteral("List async operations, newest first."), listOperations },
        { { QStringLiteral("operations"), QStringLiteral("get") }, { QStringLiteral("OPERATION_ID") }, {},
            QStringLiteral("Show an async operation (DPM_ASYNC_OPERATION_NOT_FOUND when unknown)."), getOperation },
        { { QStringLiteral("operations"), QStringLiteral("by-correlation") }, { QStringLiteral("CORRELATION_ID") }, {},
            QStringLiteral("Show the async operation of a correlation id."), operationByCorrelation },
    };
}

} // namespace dpm::cli
