#include "demotestsupport.h"

#include "domain/canonicaljson.h"
#include "domain/vocabulary.h"
#include "store/bulkreader.h"
#include "store/runeventstore.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace dpm::test {

namespace {

QJsonValue text(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString line(const QJsonArray &values)
{
    return QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
}

SqlStore &sqlStore(SupportStore &store)
{
    auto *sql = dynamic_cast<SqlStore *>(&store);
    Q_ASSERT(sql);
    return *sql;
}

} // namespace

QStringList sqlTableRows(SupportStore &store, BulkTable table)
{
    SqlDatabase &db = sqlStore(store).database();
    const BulkTableSpec &spec = bulkTableSpec(table);
    QStringList columns;
    for (const char *column : spec.columns)
        columns << QLatin1String(column);
    SqlRows q = db.exec(
        QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), QLatin1String(spec.name)));
    QStringList rows;
    while (q.next()) {
        QJsonArray values;
        for (int c = 0; c < columns.size(); ++c) {
            const QVariant v = q.value(c);
            if (v.isNull())
                values.append(QJsonValue::Null);
            else if (spec.integerColumns.contains(c))
                values.append(v.toLongLong());
            else if (spec.booleanColumns.contains(c)) // SQLite's 1/0, PostgreSQL's t/f
                values.append(v.toBool());
            else
                values.append(v.toString());
        }
        rows << line(values);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

QMap<QString, QString> sqlDump(SupportStore &store)
{
    QMap<QString, QString> dump;
    for (const BulkTable table : allBulkTables()) {
        const QString name = QLatin1String(bulkTableSpec(table).name);
        if (sqlStore(store).database().tableExists(name))
            dump.insert(name, sqlTableRows(store, table).join(QLatin1Char('\n')));
    }
    return dump;
}

qint64 sqlCount(SupportStore &store, const QString &table)
{
    SqlRows q = sqlStore(store).database().exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q.next() ? q.value(0).toLongLong() : -1;
}

QStringList tableRows(SupportStore &store, BulkTable table)
{
    if (dynamic_cast<SqlStore *>(&store))
        return sqlTableRows(store, table);
    const BulkTableSpec &spec = bulkTableSpec(table);
    QStringList rows;
    for (const BulkRow &row :
        openBulkReader(store)->readBatch(table, std::nullopt, false, std::numeric_limits<int>::max())) {
        QJsonArray values;
        for (int c = 0; c < row.size(); ++c) {
            const QByteArray &v = row.at(c);
            if (v.isNull())
                values.append(QJsonValue::Null);
            else if (spec.integerColumns.contains(c))
                values.append(v.toLongLong());
            else if (spec.booleanColumns.contains(c))
                values.append(bulkBooleanFrom(v));
            else
                values.append(QString::fromUtf8(v));
        }
        rows << line(values);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

qint64 tableCount(SupportStore &store, const QString &table)
{
    if (dynamic_cast<SqlStore *>(&store))
        return sqlCount(store, table);
    for (const BulkTable bulk : allBulkTables()) {
        if (QLatin1String(bulkTableSpec(bulk).name) == table)
            return openBulkReader(store)->rowCount(bulk);
    }
    return -1;
}

QList<RebalanceRun> allRuns(SupportStore &store)
{
    QList<RebalanceRun> out;
    std::optional<QString> cursor;
    do {
        const Page<RunListItem> page = store.listRuns({}, PageRequest { 1000, cursor });
        for (const RunListItem &item : page.items)
            out << *store.getRun(item.rebalanceRunId);
        cursor = page.nextCursor;
    } while (cursor);
    return out;
}

QList<AsyncOperation> allOperations(SupportStore &store)
{
    QList<AsyncOperation> out;
    std::optional<QString> cursor;
    do {
        const Page<AsyncOperation> page = store.listOperations({}, PageRequest { 1000, cursor });
        out += page.items;
        cursor = page.nextCursor;
    } while (cursor);
    return out;
}

QList<WorkflowDecision> allDecisions(SupportStore &store)
{
    QList<WorkflowDecision> out;
    std::optional<QString> cursor;
    do {
        const Page<WorkflowDecision> page = store.listWorkflowDecisionsFiltered({}, PageRequest { 1000, cursor });
        out += page.items;
        cursor = page.nextCursor;
    } while (cursor);
    return out;
}

QString apiDump(SupportStore &store)
{
    QStringList out;
    QSet<QString> entities;
    QSet<QString> keys;
    const bool withEvents = store.runEvents().isAvailable();
    for (const RebalanceRun &run : allRuns(store)) {
        out << QStringLiteral("run ")
                + line({ run.rebalanceRunId, run.correlationId, run.requestHash, text(run.idempotencyKey),
                    run.portfolioId, run.createdAt, run.resultJson });
        const auto artifact = store.getRunArtifact(run.rebalanceRunId);
        out << QStringLiteral("artifact ") + run.rebalanceRunId + QLatin1Char(' ')
                + (artifact ? artifact->artifactJson : QStringLiteral("-"));
        const QList<RunEventWithDeliveries> events
            = withEvents ? store.runEvents().listEvents(run.rebalanceRunId) : QList<RunEventWithDeliveries> {};
        for (const RunEventWithDeliveries &e : events) {
            out << QStringLiteral("event ")
                    + line({ e.event.eventId, e.event.rebalanceRunId, e.event.sequenceNo, e.event.eventType,
                        e.event.idempotencyKey, e.event.payloadJson, e.event.createdAt });
            for (const OutboxDelivery &d : e.deliveries)
                out << QStringLiteral("delivery ")
                        + line({ d.outboxId, d.eventId, d.topic, d.payloadJson, d.status, d.attempts, d.maxAttempts,
                            text(d.nextAttemptAt), text(d.lastError), d.createdAt, text(d.deliveredAt),
                            text(d.leaseOwner), d.rebalanceRunId });
        }
        entities << run.rebalanceRunId << run.correlationId;
        if (run.idempotencyKey) {
            keys << *run.idempotencyKey;
            entities << *run.idempotencyKey;
        }
    }
    QStringList sortedKeys(keys.cbegin(), keys.cend());
    std::sort(sortedKeys.begin(), sortedKeys.end());
    for (const QString &key : std::as_const(sortedKeys)) {
        const auto mapping = store.getIdempotencyMapping(key);
        out << QStringLiteral("mapping ")
                + (mapping ? line(
                       { mapping->idempotencyKey, mapping->requestHash, mapping->rebalanceRunId, mapping->createdAt })
                           : QStringLiteral("-"));
        for (const IdempotencyHistoryEntry &e : store.listIdempotencyHistory(key))
            out << QStringLiteral("history ")
                    + line({ e.idempotencyKey, e.rebalanceRunId, e.correlationId, e.requestHash, e.createdAt });
    }
    for (const AsyncOperation &o : allOperations(store)) {
        out << QStringLiteral("operation ")
                + line({ o.operationId, o.operationType, o.status, o.correlationId, o.createdAt, text(o.startedAt),
                    text(o.finishedAt), text(o.resultJson), text(o.errorJson), text(o.requestJson) });
        entities << o.operationId << o.correlationId;
    }
    for (const WorkflowDecision &d : allDecisions(store)) {
        out << QStringLiteral("decision ")
                + line({ d.decisionId, d.runId, d.action, d.reasonCode, text(d.comment), d.actorId, d.decidedAt,
                    d.correlationId });
        entities << d.decisionId;
    }
    QStringList sortedEntities(entities.cbegin(), entities.cend());
    std::sort(sortedEntities.begin(), sortedEntities.end());
    for (const QString &entity : std::as_const(sortedEntities)) {
        for (const LineageEdge &e : store.listLineageEdges(entity))
            out << QStringLiteral("edge ") + entity + QLatin1Char(' ')
                    + line({ e.sourceEntityId, e.edgeType, e.targetEntityId, e.createdAt, e.metadataJson });
    }
    const SupportabilitySummary s = store.getSupportabilitySummary();
    out << QStringLiteral("summary runs=%1 ops=%2 decisions=%3 edges=%4 oldest=%5 newest=%6")
               .arg(s.runCount)
               .arg(s.operationCount)
               .arg(s.workflowDecisionCount)
               .arg(s.lineageEdgeCount)
               .arg(s.oldestRunCreatedAt.value_or(QString()), s.newestRunCreatedAt.value_or(QString()));
    return out.join(QLatin1Char('\n'));
}

QStringList demoInvariantViolations(SupportStore &store, const QString &from, const QString &anchor)
{
    QStringList problems;
    QMap<QString, RebalanceRun> runs;
    for (const RebalanceRun &run : allRuns(store))
        runs.insert(run.rebalanceRunId, run);
    QMap<QString, WorkflowDecision> decisions;
    for (const WorkflowDecision &d : allDecisions(store))
        decisions.insert(d.decisionId, d);
    QMap<QString, AsyncOperation> operations;
    for (const AsyncOperation &o : allOperations(store)) {
        operations.insert(o.operationId, o);
        if (o.createdAt < from || o.createdAt > anchor)
            problems << QStringLiteral("operation %1 created at %2").arg(o.operationId, o.createdAt);
    }
    QSet<QString> keys;
    for (const RebalanceRun &run : std::as_const(runs)) {
        if (run.createdAt < from || run.createdAt > anchor)
            problems << QStringLiteral("run %1 created at %2").arg(run.rebalanceRunId, run.createdAt);
        if (run.idempotencyKey)
            keys << *run.idempotencyKey;
        bool hasCorrelationEdge = false;
        for (const LineageEdge &e : store.listLineageEdges(run.rebalanceRunId)) {
            hasCorrelationEdge = hasCorrelationEdge
                || (e.edgeType == QLatin1String("CORRELATION_TO_RUN") && e.sourceEntityId == run.correlationId);
            if (e.sourceEntityId != run.rebalanceRunId || e.edgeType.toUpper() == e.edgeType)
                continue;
            QString targetAt;
            if (runs.contains(e.targetEntityId))
                targetAt = runs.value(e.targetEntityId).createdAt;
            else if (decisions.contains(e.targetEntityId))
                targetAt = decisions.value(e.targetEntityId).decidedAt;
            else if (operations.contains(e.targetEntityId))
                targetAt = operations.value(e.targetEntityId).createdAt;
            if (targetAt.isEmpty() || targetAt >= run.createdAt) {
                problems << QStringLiteral("%1 %2 %3 points to %4")
                                .arg(run.rebalanceRunId, e.edgeType, e.targetEntityId,
                                    targetAt.isEmpty() ? QStringLiteral("nothing") : targetAt);
            }
        }
        if (!hasCorrelationEdge)
            problems << QStringLiteral("run %1 has no CORRELATION_TO_RUN edge").arg(run.rebalanceRunId);
        WorkflowStatus state = WorkflowStatus::PendingReview;
        const QList<WorkflowDecision> history = store.listWorkflowDecisions(run.rebalanceRunId);
        if (!history.isEmpty() && run.status() != QLatin1String("PENDING_REVIEW"))
            problems << QStringLiteral("run %1 (%2) has decisions").arg(run.rebalanceRunId, run.status());
        for (const WorkflowDecision &d : history) {
            const auto action = workflowActionFromWire(d.action);
            const auto next = action ? workflowTransition(state, *action) : std::nullopt;
            if (!next || d.decidedAt <= run.createdAt || d.decidedAt > anchor) {
                problems << QStringLiteral("decision %1 (%2 at %3) of run %4")
                                .arg(d.decisionId, d.action, d.decidedAt, run.rebalanceRunId);
                break;
            }
            state = *next;
        }
    }
    for (const QString &key : std::as_const(keys)) {
        const QList<IdempotencyHistoryEntry> history = store.listIdempotencyHistory(key);
        const auto mapping = store.getIdempotencyMapping(key);
        if (history.isEmpty() || !mapping || mapping->rebalanceRunId != history.constLast().rebalanceRunId)
            problems << QStringLiteral("key %1: mapping is not the latest history row").arg(key);
        for (qsizetype i = 1; i < history.size(); ++i) {
            if (history.at(i).createdAt <= history.at(i - 1).createdAt)
                problems << QStringLiteral("key %1: history rows share a time").arg(key);
        }
    }
    return problems;
}

QString firstDifference(const QString &a, const QString &b)
{
    const QStringList left = a.split(QLatin1Char('\n'));
    const QStringList right = b.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const QString l = left.value(i, QStringLiteral("<end>"));
        const QString r = right.value(i, QStringLiteral("<end>"));
        if (l != r)
            return QStringLiteral("line %1:\n  %2\n  %3").arg(i + 1).arg(l.left(400), r.left(400));
    }
    return QStringLiteral("no difference");
}

DemoOptions smallDemo(qint64 runs, quint64 seed)
{
    DemoOptions options;
    options.runCount = runs;
    options.seed = seed;
    return options;
}

} // namespace dpm::test
