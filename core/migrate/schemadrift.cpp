#include "schemadrift.h"

#include "migrate/sqlsplitter.h"
#include "store/sqldatabase.h"

namespace dpm {

namespace {

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

ExpectedSchema::Table *ExpectedSchema::find(const QString &table)
{
    const auto it
        = std::find_if(m_tables.begin(), m_tables.end(), [&](const Table &t) { return sameName(t.name, table); });
    return it == m_tables.end() ? nullptr : &*it;
}

void ExpectedSchema::add(const QString &ledgerVersion, const QString &sql)
{
    using Kind = SchemaChange::Kind;
    for (const SchemaChange &change : schemaChangesOf(sql)) {
        Table *table = find(change.table);
        switch (change.kind) {
        case Kind::CreateTable:
            if (table)
                break; // CREATE TABLE IF NOT EXISTS of a table an earlier migration made
            m_tables << Table { change.table, ledgerVersion, {} };
            for (const QString &column : change.columns)
                m_tables.last().columns << Column { column, ledgerVersion };
            break;
        case Kind::AddColumn:
            if (!table) { // a table of another namespace, or of no migration: it must exist too
                m_tables << Table { change.table, ledgerVersion, {} };
                table = &m_tables.last();
            }
            if (std::none_of(table->columns.cbegin(), table->columns.cend(),
                    [&](const Column &c) { return sameName(c.name, change.columns.first()); }))
                table->columns << Column { change.columns.first(), ledgerVersion };
            break;
        case Kind::DropColumn:
            if (table) {
                table->columns.removeIf([&](const Column &c) { return sameName(c.name, change.columns.first()); });
            }
            break;
        case Kind::RenameColumn:
            if (table) {
                for (Column &column : table->columns) {
                    if (sameName(column.name, change.columns.first()))
                        column = Column { change.columns.last(), ledgerVersion };
                }
            }
            break;
        case Kind::DropTable:
            m_tables.removeIf([&](const Table &t) { return sameName(t.name, change.table); });
            break;
        case Kind::RenameTable:
            if (table) {
                table->name = change.columns.first();
                table->from = ledgerVersion;
            }
            break;
        }
    }
}

QList<MigrationFinding> ExpectedSchema::findingsAgainst(
    const std::function<QStringList(const QString &table)> &columnsOf) const
{
    QList<MigrationFinding> findings;
    for (const Table &table : m_tables) {
        const QStringList existing = columnsOf(table.name);
        if (existing.isEmpty()) {
            findings << MigrationFinding {
                QStringLiteral("MIGRATION_SCHEMA_TABLE_MISSING:%1:%2").arg(table.from, table.name),
                QStringLiteral("error"),
                QStringLiteral("Table %1 (from migration %2, which the ledger records as applied) does not exist; "
                               "restore it from a backup or recreate it as %2 defines it, because migrate apply "
                               "never runs an applied migration again.")
                    .arg(table.name, table.from)
            };
            continue;
        }
        for (const Column &column : table.columns) {
            if (existing.contains(column.name, Qt::CaseInsensitive))
                continue;
            const QString qualified = table.name + u'.' + column.name;
            findings << MigrationFinding {
                QStringLiteral("MIGRATION_SCHEMA_COLUMN_MISSING:%1:%2").arg(column.from, qualified),
                QStringLiteral("error"),
                QStringLiteral("Column %1 (from migration %2, which the ledger records as applied) does not exist; "
                               "restore it from a backup or add it back as %2 defines it, because migrate apply "
                               "never runs an applied migration again.")
                    .arg(qualified, column.from)
            };
        }
    }
    return findings;
}

QStringList tableColumns(SqlDatabase &db, const QString &table)
{
    SqlRows q = db.dialect().isPostgres()
        // pg_catalog, not information_schema: that one hides the tables the role has no right on.
        ? db.exec(QStringLiteral("SELECT a.attname FROM pg_catalog.pg_attribute a "
                                 "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p') "
                                 "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"),
            { table })
        : db.exec(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), { table });
    QStringList columns;
    while (q.next())
        columns << q.value(0).toString().toLower();
    return columns;
}

} // namespace dpm
