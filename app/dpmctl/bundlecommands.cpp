// dpmctl bundle …: a run's support bundle (Part B §6.4) from any of its entry points.

#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "services/artifact.h"
#include "services/supportbundle.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm::cli {

namespace {

const QStringList kRunKeys { QStringLiteral("rebalance_run_id"), QStringLiteral("status"),
    QStringLiteral("correlation_id"), QStringLiteral("request_hash"), QStringLiteral("idempotency_key"),
    QStringLiteral("portfolio_id"), QStringLiteral("created_at"), QStringLiteral("result_json_error") };

const QStringList kOperationKeys { QStringLiteral("operation_id"), QStringLiteral("operation_type"),
    QStringLiteral("status"), QStringLiteral("is_executable"), QStringLiteral("created_at"),
    QStringLiteral("started_at"), QStringLiteral("finished_at"), QStringLiteral("error"),
    QStringLiteral("error_json_error"), QStringLiteral("result_json_error") };

QString indented(const QString &text)
{
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out += QStringLiteral("  ") + line + QLatin1Char('\n');
    return out;
}

// "1 decision", "2 decisions".
QString counted(qsizetype n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

SupportBundleEntry entryOf(const ParsedCommand &command)
{
    using Kind = SupportBundleEntry::Kind;
    const QList<std::pair<QString, Kind>> options { { QStringLiteral("run"), Kind::RunId },
        { QStringLiteral("correlation"), Kind::Correlation },
        { QStringLiteral("idempotency-key"), Kind::IdempotencyKey },
        { QStringLiteral("operation"), Kind::OperationId } };
    std::optional<SupportBundleEntry> entry;
    int given = 0;
    for (const auto &[option, kind] : options) {
        if (const auto value = command.value(option)) {
            ++given;
            entry = SupportBundleEntry { kind, *value };
        }
    }
    if (given != 1) {
        throw UsageError { QStringLiteral("bundle needs exactly one of --run ID, --correlation C, --idempotency-key K "
                                          "or --operation ID (got %1).")
                               .arg(given) };
    }
    return *entry;
}

// The artifact's section: where it came from and whether its hash checks out.
QString artifactText(const SupportBundle &bundle, const QJsonObject &json)
{
    if (!bundle.options.includeArtifact)
        return QStringLiteral("artifact: - (not requested)\n");
    const QJsonValue value = json.value(QStringLiteral("artifact"));
    const QString source = bundle.storedArtifact ? QStringLiteral("persisted") : QStringLiteral("derived");
    if (!value.isObject()) {
        return QStringLiteral("artifact: %1, not readable: %2\n")
            .arg(source, displayValue(json.value(QStringLiteral("artifact_json_error"))));
    }
    const QJsonObject artifact = value.toObject();
    const QString computed
        = bundle.storedArtifact ? artifactHashOfText(bundle.storedArtifact->artifactJson) : artifactHash(artifact);
    const QString stored = storedArtifactHash(artifact);
    return QStringLiteral("artifact: %1, %2, hash %3 (%4)\n")
        .arg(source, displayValue(artifact.value(QStringLiteral("artifact_id"))),
            stored.isEmpty() ? QStringLiteral("-") : stored,
            stored == computed ? QStringLiteral("verified") : QStringLiteral("MISMATCH: computed ") + computed);
}

QString bundleText(const SupportBundle &bundle, const QJsonObject &json)
{
    QJsonObject run = json.value(QStringLiteral("run")).toObject();
    run.insert(QStringLiteral("status"), bundle.run.status());
    QString text = QStringLiteral("run:\n") + indented(formatRecord(run, kRunKeys))
        + QStringLiteral("  (result and artifact payloads: use --json)\n");
    text += artifactText(bundle, json);

    if (bundle.asyncOperation) {
        text += QStringLiteral("async_operation:\n")
            + indented(formatRecord(json.value(QStringLiteral("async_operation")).toObject(), kOperationKeys));
    } else {
        text += bundle.options.includeAsyncOperation
            ? QStringLiteral("async_operation: - (none has this correlation)\n")
            : QStringLiteral("async_operation: - (not requested)\n");
    }

    const QJsonArray decisions
        = json.value(QStringLiteral("workflow_history")).toObject().value(QStringLiteral("decisions")).toArray();
    text += QStringLiteral("workflow_history: %1\n")
                .arg(counted(decisions.size(), QStringLiteral("decision"), QStringLiteral("decisions")));
    if (!decisions.isEmpty()) {
        text += indented(formatTable(decisions,
            { QStringLiteral("decided_at"), QStringLiteral("decision_id"), QStringLiteral("action"),
                QStringLiteral("reason_code"), QStringLiteral("actor_id"), QStringLiteral("comment") }));
    }

    const QJsonArray edges = json.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("edges")).toArray();
    text += QStringLiteral("lineage: %1\n").arg(counted(edges.size(), QStringLiteral("edge"), QStringLiteral("edges")));
    if (!edges.isEmpty()) {
        text += indented(formatTable(edges,
            { QStringLiteral("created_at"), QStringLiteral("source_entity_id"), QStringLiteral("edge_type"),
                QStringLiteral("target_entity_id") }));
    }

    if (bundle.idempotencyHistory) {
        const QJsonArray history
            = json.value(QStringLiteral("idempotency_history")).toObject().value(QStringLiteral("history")).toArray();
        text += QStringLiteral("idempotency_history: %1 for key %2\n")
                    .arg(counted(history.size(), QStringLiteral("entry"), QStringLiteral("entries")),
                        bundle.run.idempotencyKey.value_or(QString()));
        if (!history.isEmpty()) {
            text += indented(formatTable(history,
                { QStringLiteral("created_at"), QStringLiteral("rebalance_run_id"), QStringLiteral("correlation_id"),
                    QStringLiteral("request_hash") }));
        }
    } else {
        text += bundle.options.includeIdempotencyHistory
            ? QStringLiteral("idempotency_history: - (the run has no idempotency key)\n")
            : QStringLiteral("idempotency_history: - (not requested)\n");
    }
    return text;
}

CommandOutput supportBundle(CommandContext &context, const ParsedCommand &command)
{
    const SupportBundleEntry entry = entryOf(command);
    SupportBundleOptions options;
    options.includeArtifact = !command.flag(QStringLiteral("no-artifact"));
    options.includeAsyncOperation = !command.flag(QStringLiteral("no-async-operation"));
    options.includeIdempotencyHistory = !command.flag(QStringLiteral("no-idempotency-history"));

    const SupportBundle bundle = buildSupportBundle(context.store(), entry, options);
    CommandOutput out;
    out.json = supportBundleJson(bundle);
    out.text = bundleText(bundle, out.json);
    return out;
}

} // namespace

QList<CommandSpec> bundleCommands()
{
    const QList<OptionSpec> options {
        { QStringLiteral("run"), QStringLiteral("ID"), QStringLiteral("start from a run id") },
        { QStringLiteral("correlation"), QStringLiteral("C"), QStringLiteral("start from a run's correlation id") },
        { QStringLiteral("idempotency-key"), QStringLiteral("K"),
            QStringLiteral("start from the run an idempotency key currently maps to") },
        { QStringLiteral("operation"), QStringLiteral("ID"),
            QStringLiteral("start from an async operation: the run with the operation's correlation id") },
        { QStringLiteral("no-artifact"), QString(), QStringLiteral("leave the artifact out (null)") },
        { QStringLiteral("no-async-operation"), QString(), QStringLiteral("leave the async operation out (null)") },
        { QStringLiteral("no-idempotency-history"), QString(),
            QStringLiteral("leave the idempotency history out (null)") },
    };
    return {
        { { QStringLiteral("bundle") }, {}, options,
            QStringLiteral("A run's support bundle: run, artifact, async operation, decisions, lineage and idempotency "
                           "history, read in one snapshot. Give exactly one of --run, --correlation, "
                           "--idempotency-key, --operation (DPM_RUN_NOT_FOUND, DPM_IDEMPOTENCY_KEY_NOT_FOUND, "
                           "DPM_ASYNC_OPERATION_NOT_FOUND when it leads nowhere)."),
            supportBundle },
    };
}

} // namespace dpm::cli
