#pragma once

#include "migrate/migrator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace dpm {

class SqlDatabase;

// The tables and columns that applied migrations leave behind, each with the migration it comes
// from, so a database that lost one (a table dropped by hand, a restore of the wrong dump) is
// named precisely: the ledger alone cannot tell, and apply never re-runs an applied migration.
class ExpectedSchema
{
public:
    // Adds what one applied migration's statements change (schemaChangesOf), in ledger order.
    void add(const QString &ledgerVersion, const QString &sql);

    // An error finding per expected table that `columnsOf` reports without columns (absent),
    // MIGRATION_SCHEMA_TABLE_MISSING:<ns>:<version>:<table>, and per expected column of a present
    // table that it lacks, MIGRATION_SCHEMA_COLUMN_MISSING:<ns>:<version>:<table>.<column>. Names
    // compare case-insensitively (SQLite reports declared case, PostgreSQL folds to lower case).
    QList<MigrationFinding> findingsAgainst(const std::function<QStringList(const QString &table)> &columnsOf) const;

private:
    struct Column
    {
        QString name, from; // from: the ledger version that added it
    };
    struct Table
    {
        QString name, from;
        QList<Column> columns;
    };
    Table *find(const QString &table);

    QList<Table> m_tables; // in the order the migrations created them
};

// The columns of a table in the connection's current schema, lower-cased; empty when there is no
// such table. Catalog queries with the name as a parameter (pg_catalog on PostgreSQL, which
// shows every table whatever the role's rights; pragma_table_info(?) on SQLite): no identifier
// is built from it.
QStringList tableColumns(SqlDatabase &db, const QString &table);

} // namespace dpm
