#include "snapshotformat.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "migrate/migrationcatalog.h"
#include "migrate/migrator.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dpm::snapshot {

const QString kFormat = QStringLiteral("dpm-snapshot");
const QString kPolicyPacks = QStringLiteral("dpm_policy_packs");
const QString kAuditLog = QStringLiteral("console_audit_log");

namespace {

Error notARow(const QString &table)
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_CORRUPT"),
        QStringLiteral("A line of table %1 in the snapshot is not one of its rows; take the file as \"dpmctl "
                       "snapshot export\" wrote it.")
            .arg(table));
}

QJsonArray parseRow(const QByteArray &line, qsizetype columns, const QString &table)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != columns)
        throw notARow(table);
    return document.array();
}

} // namespace

QMap<QString, QStringList> appliedMigrations(SupportStore &store)
{
    QMap<QString, QStringList> versions;
    if (auto *sql = storeAs<SqlStore>(store)) {
        Migrator migrator(sql->database());
        for (const MigrationStatusRow &row : migrator.status(Migrator::namespaces())) {
            if (row.state != MigrationState::Pending)
                versions[row.ns] << row.version;
        }
        return versions;
    }
    const MigrationCatalog catalog = MigrationCatalog::embedded(SqlDialect::Kind::Sqlite);
    for (const QString &ns : Migrator::namespaces()) {
        for (const MigrationFile &file : catalog.files(ns))
            versions[ns] << file.version;
    }
    return versions;
}

QJsonObject schemaVersionsJson(const QMap<QString, QStringList> &versions)
{
    QJsonObject out;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it)
        out.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return out;
}

QStringList policyPackColumns()
{
    return { QStringLiteral("policy_pack_id"), QStringLiteral("version"), QStringLiteral("definition_json"),
        QStringLiteral("created_at"), QStringLiteral("updated_at") };
}

QStringList auditLogColumns()
{
    return { QStringLiteral("audit_id"), QStringLiteral("occurred_at"), QStringLiteral("actor"),
        QStringLiteral("action"), QStringLiteral("target"), QStringLiteral("details_json"), QStringLiteral("outcome") };
}

QStringList bulkColumns(BulkTable table)
{
    QStringList columns;
    for (const char *column : bulkTableSpec(table).columns)
        columns << QLatin1String(column);
    return columns;
}

QByteArray bulkRowLine(BulkTable table, const BulkRow &row)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    QJsonArray values;
    for (int c = 0; c < row.size(); ++c) {
        const QByteArray &value = row.at(c);
        if (value.isNull())
            values.append(QJsonValue::Null);
        else if (spec.integerColumns.contains(c))
            values.append(value.toLongLong());
        else if (spec.booleanColumns.contains(c))
            values.append(bulkBooleanFrom(value));
        else
            values.append(QString::fromUtf8(value));
    }
    return canonicalJson(values);
}

BulkRow bulkRowFromLine(BulkTable table, const QByteArray &line)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    const QJsonArray values = parseRow(line, spec.columns.size(), QLatin1String(spec.name));
    BulkRow row;
    row.reserve(values.size());
    for (int c = 0; c < values.size(); ++c) {
        const QJsonValue value = values.at(c);
        if (value.isNull())
            row << QByteArray();
        else if (spec.integerColumns.contains(c) && value.isDouble())
            row << QByteArray::number(value.toInteger());
        else if (spec.booleanColumns.contains(c) && value.isBool())
            row << bulkBooleanValue(value.toBool());
        else if (value.isString() && !spec.integerColumns.contains(c) && !spec.booleanColumns.contains(c))
            row << bulkTextValue(value.toString());
        else
            throw notARow(QLatin1String(spec.name));
    }
    return row;
}

QByteArray textRowLine(const QList<std::optional<QString>> &values)
{
    QJsonArray array;
    for (const std::optional<QString> &value : values)
        array.append(value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null));
    return canonicalJson(array);
}

QList<std::optional<QString>> textRowFromLine(const QByteArray &line, qsizetype columns)
{
    QList<std::optional<QString>> out;
    for (const QJsonValue &value : parseRow(line, columns, QStringLiteral("(catalogue)"))) {
        if (value.isNull())
            out << std::nullopt;
        else if (value.isString())
            out << value.toString();
        else
            throw notARow(QStringLiteral("(catalogue)"));
    }
    return out;
}

} // namespace dpm::snapshot
