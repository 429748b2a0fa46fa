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
    return { { QStringLiteral("created_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Created")) }, { QStringLiteral("status"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Status")) },
        { QStringLiteral("rebalance_run_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Run id")) }, { QStringLiteral("portfolio_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Portfolio")) },
        { QStringLiteral("correlation_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Correlation id")) },
        { QStringLiteral("idempotency_key"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Idempotency key")) },
        { QStringLiteral("request_hash"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Request hash")) } };
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
    return { { QStringLiteral("decided_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Decided")) }, { QStringLiteral("action"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Action")) },
        { QStringLiteral("reason_code"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Reason code")) }, { QStringLiteral("actor_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Actor")) },
        { QStringLiteral("run_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Run id")) }, { QStringLiteral("comment"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Comment")) },
        { QStringLiteral("decision_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Decision id")) },
        { QStringLiteral("correlation_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Correlation id")) } };
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
    return { { QStringLiteral("created_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Created")) }, { QStringLiteral("status"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Status")) },
        { QStringLiteral("operation_type"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Type")) }, { QStringLiteral("operation_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Operation id")) },
        { QStringLiteral("correlation_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Correlation id")) },
        { QStringLiteral("started_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Started")) }, { QStringLiteral("finished_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Finished")) },
        { QStringLiteral("error"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Error")) } };
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
