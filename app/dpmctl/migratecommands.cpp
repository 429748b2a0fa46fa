// dpmctl migrate …: schema state and versioned migrations (Part A §2, Part B §7), through
// services/storemigrations. Opens the store as it is, with or without the DPM tables (never
// through an auto-migrating open).

#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "services/storemigrations.h"
#include "services/storeopening.h"
#include "store/storelocation.h"

#include <QFileInfo>
#include <QJsonArray>

namespace dpm::cli {

namespace {

const QStringList kPreferredColumns { QStringLiteral("namespace"), QStringLiteral("version"), QStringLiteral("name"),
    QStringLiteral("state"), QStringLiteral("severity"), QStringLiteral("code"), QStringLiteral("checksum"),
    QStringLiteral("applied_at") };

bool isFlatRow(const QJsonObject &row)
{
    for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
        if (it.value().isObject() || it.value().isArray())
            return false;
        if (it.value().isString()
            && (it.value().toString().contains(QLatin1Char('\n')) || it.value().toString().size() > 100))
            return false;
    }
    return true;
}

// Short one-line scalars: printed inline, comma-separated.
bool isScalarList(const QJsonArray &items)
{
    for (const QJsonValue &item : items) {
        if (item.isObject() || item.isArray() || item.toString().contains(QLatin1Char('\n'))
            || item.toString().size() > 60)
            return false;
    }
    return true;
}

bool isTextList(const QJsonArray &items)
{
    for (const QJsonValue &item : items) {
        if (!item.isString())
            return false;
    }
    return true;
}

QStringList columnsOf(const QJsonArray &rows)
{
    QStringList all;
    for (const QJsonValue &row : rows) {
        for (const QString &key : row.toObject().keys()) {
            if (!all.contains(key))
                all << key;
        }
    }
    QStringList columns;
    for (const QString &key : kPreferredColumns) {
        if (all.contains(key))
            columns << key;
    }
    for (const QString &key : std::as_const(all)) {
        if (!columns.contains(key))
            columns << key;
    }
    return columns;
}

QString indented(const QString &text, const QString &pad)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (QString &line : lines)
        line.prepend(pad);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// The migrator's reports for people: scalars as "key: value", arrays of flat rows as tables,
// anything with multi-line text (the SQL of a plan) as one block per item.
QString formatDocument(const QJsonObject &document, const QString &pad = QString())
{
    QString out;
    QStringList scalarKeys;
    for (auto it = document.constBegin(); it != document.constEnd(); ++it) {
        if (!it.value().isArray() && !it.value().isObject()
            && !(it.value().isString() && it.value().toString().contains(QLatin1Char('\n'))))
            scalarKeys << it.key();
    }
    if (!scalarKeys.isEmpty())
        out += indented(formatRecord(document, scalarKeys), pad);
    for (auto it = document.constBegin(); it != document.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString() && value.toString().contains(QLatin1Char('\n'))) {
            out += pad + it.key() + QStringLiteral(":\n") + indented(value.toString(), pad + QStringLiteral("    "));
        } else if (value.isObject()) {
            out += pad + it.key() + QStringLiteral(":\n")
                + formatDocument(value.toObject(), pad + QStringLiteral("  "));
        } else if (value.isArray() && isScalarList(value.toArray())) {
            QStringList items;
            for (const QJsonValue &item : value.toArray())
                items << displayValue(item);
            out += pad + it.key() + QStringLiteral(": ")
                + (items.isEmpty() ? QStringLiteral("none") : items.join(QStringLiteral(", "))) + QLatin1Char('\n');
        } else if (value.isArray() && isTextList(value.toArray())) {
            // Statements of a plan: each as it will run, separated by a blank line.
            out += pad + it.key() + QStringLiteral(":\n");
            for (const QJsonValue &item : value.toArray())
                out += indented(item.toString() + QLatin1Char(';'), pad + QStringLiteral("    ")) + QLatin1Char('\n');
        } else if (value.isArray()) {
            const QJsonArray rows = value.toArray();
            bool flat = true;
            for (const QJsonValue &row : rows)
                flat = flat && row.isObject() && isFlatRow(row.toObject());
            out += pad + it.key() + QStringLiteral(": ") + QString::number(rows.size()) + QLatin1Char('\n');
            if (rows.isEmpty())
                continue;
            if (flat) {
                out += indented(formatTable(rows, columnsOf(rows)), pad + QStringLiteral("  "));
            } else {
                for (const QJsonValue &row : rows) {
                    if (row.isObject())
                        out += formatDocument(row.toObject(), pad + QStringLiteral("  ")) + QLatin1Char('\n');
                    else
                        out += pad + QStringLiteral("  ") + displayValue(row) + QLatin1Char('\n');
                }
            }
        }
    }
    return out;
}

struct MigrationTarget
{
    QString store;
    QString proposalStore; // redacted; empty when the store holds the proposals too
    std::unique_ptr<SupportStore> opened; // null for the in-memory store: it has no schema
};

// The store as it is, with or without the DPM tables (never migrated on opening).
MigrationTarget openTarget(CommandContext &context, bool mayCreate)
{
    const ResolvedLocation &resolved = context.location();
    MigrationTarget target;
    target.store = resolved.location.redacted();
    if (resolved.location.backend() == StoreBackend::InMemory)
        return target;
    const StoreLocation *proposals = resolved.location.proposalStore();
    if (proposals)
        target.proposalStore = proposals->redacted();
    // Checked for both: opening a SQLite path creates the file.
    for (const StoreLocation *location : { &resolved.location, proposals }) {
        if (!mayCreate && location && (location != &resolved.location || !resolved.isEmbeddedDefault)
            && location->backend() == StoreBackend::Sqlite && !QFileInfo::exists(location->sqlitePath())) {
            throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"),
                QStringLiteral("The SQLite file %1 does not exist; check the path, or create the store "
                               "with \"dpmctl --store %2 migrate apply\".")
                    .arg(location->sqlitePath(), location->redacted()));
        }
    }
    target.opened = openStore(resolved.location, OpenOptions { .allowMissingSchema = true });
    return target;
}

CommandOutput nothingToMigrate(const MigrationTarget &target)
{
    CommandOutput out;
    const QString message = QStringLiteral("The in-memory store has no schema; there is nothing to migrate.");
    out.json = { { QStringLiteral("store"), target.store },
        { QStringLiteral("store_backend"), toWire(StoreBackend::InMemory) },
        { QStringLiteral("nothing_to_migrate"), true }, { QStringLiteral("message"), message } };
    out.text = message + QLatin1Char('\n');
    return out;
}

QStringList namespacesOf(const ParsedCommand &command)
{
    return Migrator::resolveNamespaces(command.value(QStringLiteral("namespace")).value_or(QStringLiteral("all")));
}

// --to NS:VERSION[,…]: up to those versions only; it names the namespaces, so not with --namespace.
MigrationUpTo upToOf(const ParsedCommand &command)
{
    const auto to = command.value(QStringLiteral("to"));
    if (!to)
        return {};
    if (command.value(QStringLiteral("namespace"))) {
        throw UsageError { QStringLiteral("--to names the namespaces itself; pass either --to NS:VERSION[,NS:VERSION] "
                                          "or --namespace NS, not both.") };
    }
    return parseMigrationTarget(*to);
}

CommandOutput withStore(const MigrationTarget &target, QJsonObject json)
{
    json.insert(QStringLiteral("store"), target.store);
    if (!target.proposalStore.isEmpty())
        json.insert(QStringLiteral("proposal_store"), target.proposalStore);
    CommandOutput out;
    out.json = json;
    out.text = formatDocument(json);
    return out;
}

CommandOutput migrateStatus(CommandContext &context, const ParsedCommand &command)
{
    const QStringList namespaces = namespacesOf(command);
    MigrationTarget target = openTarget(context, false);
    if (!target.opened)
        return nothingToMigrate(target);
    QJsonArray rows;
    for (const MigrationStatusRow &row : migrationStatus(*target.opened, namespaces))
        rows.append(row.toJson());
    return withStore(target,
        { { QStringLiteral("namespaces"), QJsonArray::fromStringList(namespaces) },
            { QStringLiteral("migrations"), rows } });
}

CommandOutput migratePlan(CommandContext &context, const ParsedCommand &command)
{
    const MigrationUpTo upTo = upToOf(command);
    QStringList namespaces = namespacesOf(command);
    if (!upTo.isEmpty()) // as apply: the namespaces --to names
        namespaces.removeIf([&](const QString &ns) { return !upTo.contains(ns); });
    MigrationTarget target = openTarget(context, false);
    if (!target.opened)
        return nothingToMigrate(target);
    return withStore(target, migrationPlan(*target.opened, namespaces, {}, upTo).toJson());
}

CommandOutput migrateApply(CommandContext &context, const ParsedCommand &command)
{
    MigrationApplyOptions options;
    options.namespaces = namespacesOf(command);
    options.upTo = upToOf(command);
    options.audit = auditModeOf(command);
    MigrationTarget target = openTarget(context, true);
    if (!target.opened)
        return nothingToMigrate(target);
    const MigrationApplyResult result = applyMigrations(
        *target.opened, options, [&context](int, int, const QString &line) { context.progress(line); });
    noteNotRecorded(context, result.auditError);
    if (result.error)
        throw *result.error;
    return withStore(target, result.report.toJson());
}

CommandOutput migrateValidate(CommandContext &context, const ParsedCommand &command)
{
    const QStringList namespaces = namespacesOf(command);
    MigrationTarget target = openTarget(context, false);
    if (!target.opened)
        return nothingToMigrate(target);
    const ValidationReport report
        = validateMigrations(*target.opened, namespaces, command.flag(QStringLiteral("strict")));
    CommandOutput out = withStore(target, report.toJson());
    if (!report.ok) {
        QStringList codes;
        for (const MigrationFinding &finding : report.findings) {
            if (!codes.contains(finding.code))
                codes << finding.code;
        }
        const QString message
            = QStringLiteral("The schema of %1 did not validate (%2); see the findings on stdout.")
                  .arg(target.store,
                      codes.isEmpty() ? QStringLiteral("no finding given") : codes.join(QStringLiteral(", ")));
        out.failure
            = [message] { throw Error(ErrorKind::Migration, QStringLiteral("MIGRATION_VALIDATION_FAILED"), message); };
    }
    return out;
}

} // namespace

QList<CommandSpec> migrateCommands()
{
    const OptionSpec ns { QStringLiteral("namespace"), QStringLiteral("NS"),
        QStringLiteral("dpm, proposals, console or all (default all)") };
    const OptionSpec to { QStringLiteral("to"), QStringLiteral("NS:VERSION,..."),
        QStringLiteral("only up to these versions, e.g. console:0007 (forward only; the namespaces named and "
                       "those they build on); to restore a snapshot taken at older migrations") };
    const OptionSpec strict { QStringLiteral("strict"), QString(),
        QStringLiteral("also fail on migrations applied by the service with checksums the console "
                       "does not know") };
    return {
        { { QStringLiteral("migrate"), QStringLiteral("status") }, {}, { ns },
            QStringLiteral(
                "Show every migration and its state (applied, applied_by_service, pending, modified, missing)."),
            migrateStatus },
        { { QStringLiteral("migrate"), QStringLiteral("plan") }, {}, { ns, to },
            QStringLiteral("Dry run: the pending migrations with their SQL and checksums; changes nothing."),
            migratePlan },
        { { QStringLiteral("migrate"), QStringLiteral("apply") }, {}, { ns, to, noAuditOption() },
            QStringLiteral("Apply the pending migrations, each in its own transaction (creates a new SQLite file); "
                           "recorded in the console's audit log."),
            migrateApply },
        { { QStringLiteral("migrate"), QStringLiteral("validate") }, {}, { ns, strict },
            QStringLiteral("Check the ledger against the files, and that every table and column an applied "
                           "migration created exists; prints the findings, exit 8 when not ok."),
            migrateValidate },
    };
}

} // namespace dpm::cli
