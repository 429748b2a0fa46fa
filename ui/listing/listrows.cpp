#include "listing/listrows.h"

#include "domain/apijson.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace dpm {

namespace {

QString title(const char *text)
{
    return QCoreApplication::translate("dpm::ListColumns", text);
}

ListRow rowOf(
    const QString &id, const QString &runId, const QString &status, const QStringList &values, const QJsonObject &json)
{
    ListRow row { id, runId, status, {}, values, json };
    row.display.reserve(values.size());
    for (const QString &value : values)
        row.display << displayCell(value);
    return row;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

QList<ListColumn> runListColumns()
{
    return { { QStringLiteral("created_at"), title("Created") }, { QStringLiteral("status"), title("Status") },
        { QStringLiteral("rebalance_run_id"), title("Run id") }, { QStringLiteral("portfolio_id"), title("Portfolio") },
        { QStringLiteral("correlation_id"), title("Correlation id") },
        { QStringLiteral("idempotency_key"), title("Idempotency key") },
        { QStringLiteral("request_hash"), title("Request hash") } };
}

int runStatusColumn()
{
    return 1;
}

ListRow runListRow(const RunListItem &item)
{
    return rowOf(item.rebalanceRunId, item.rebalanceRunId, item.status,
        { item.createdAt, item.status, item.rebalanceRunId, item.portfolioId, item.correlationId,
            item.idempotencyKey.value_or(QString()), item.requestHash },
        runListItemJson(item));
}

QList<ListColumn> decisionListColumns()
{
    return { { QStringLiteral("decided_at"), title("Decided") }, { QStringLiteral("action"), title("Action") },
        { QStringLiteral("reason_code"), title("Reason code") }, { QStringLiteral("actor_id"), title("Actor") },
        { QStringLiteral("run_id"), title("Run id") }, { QStringLiteral("comment"), title("Comment") },
        { QStringLiteral("decision_id"), title("Decision id") },
        { QStringLiteral("correlation_id"), title("Correlation id") } };
}

ListRow decisionListRow(const WorkflowDecision &decision)
{
    return rowOf(decision.decisionId, decision.runId, {},
        { decision.decidedAt, decision.action, decision.reasonCode, decision.actorId, decision.runId,
            decision.comment.value_or(QString()), decision.decisionId, decision.correlationId },
        decisionJson(decision));
}

QList<ListColumn> operationListColumns()
{
    return { { QStringLiteral("created_at"), title("Created") }, { QStringLiteral("status"), title("Status") },
        { QStringLiteral("operation_type"), title("Type") }, { QStringLiteral("operation_id"), title("Operation id") },
        { QStringLiteral("correlation_id"), title("Correlation id") },
        { QStringLiteral("started_at"), title("Started") }, { QStringLiteral("finished_at"), title("Finished") },
        { QStringLiteral("error"), title("Error") } };
}

int operationStatusColumn()
{
    return 1;
}

ListRow operationListRow(const AsyncOperation &operation)
{
    const QJsonObject json = operationJson(operation);
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    QString errorText;
    if (!error.isEmpty())
        errorText = error.value(QStringLiteral("code")).toString() + QStringLiteral(": ")
            + error.value(QStringLiteral("message")).toString();
    else
        errorText = jsonText(json.value(QStringLiteral("error")));
    return rowOf(operation.operationId, {}, operation.status,
        { operation.createdAt, operation.status, operation.operationType, operation.operationId,
            operation.correlationId, operation.startedAt.value_or(QString()), operation.finishedAt.value_or(QString()),
            errorText },
        json);
}

} // namespace dpm
