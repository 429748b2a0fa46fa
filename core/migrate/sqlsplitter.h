#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace dpm {

// Splits a migration file into statements at the semicolons that are outside '…' strings (with
// '' escapes), "…" identifiers, $tag$…$tag$ dollar quotes, -- line comments and /* */ comments.
// Leading comments and surrounding whitespace are removed from each statement; statements that
// hold nothing but comments are dropped. A last statement needs no terminating semicolon.
// The bodies of CREATE TRIGGER (SQLite's BEGIN …; …; END) and of CREATE FUNCTION / PROCEDURE
// (PostgreSQL's BEGIN ATOMIC …; END) stay whole: inside them a semicolon ends the statement only
// once the END that closes BEGIN is passed (CASE … END pairs inside are counted).
QStringList splitSqlStatements(const QString &sql);

// One change a statement makes to the tables and columns of a database. Names are lower-cased
// unless quoted (as both databases report unquoted names).
struct SchemaChange
{
    enum class Kind { CreateTable, AddColumn, DropTable, DropColumn, RenameTable, RenameColumn };
    Kind kind = Kind::CreateTable;
    QString table;
    // CreateTable: every column in declaration order; Add/DropColumn: the column; RenameTable:
    // the new name; RenameColumn: the old and the new name.
    QStringList columns;
    bool operator==(const SchemaChange &) const = default;
};

// The changes a migration's statements make, in order: CREATE TABLE (table constraints —
// PRIMARY KEY (…), UNIQUE (…), CHECK, CONSTRAINT, FOREIGN KEY — are not columns), ALTER TABLE …
// ADD [COLUMN] / DROP [COLUMN] (each action of a comma-separated list), ALTER TABLE … RENAME
// [COLUMN] a TO b and RENAME TO, DROP TABLE. Other statements change no table or column.
QList<SchemaChange> schemaChangesOf(const QString &sql);

// The tables a migration creates and their columns, from its CREATE TABLE statements: table ->
// column names in declaration order.
QMap<QString, QStringList> tableColumnsCreatedBy(const QString &sql);

} // namespace dpm
