#pragma once

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

// The tables a migration creates and their columns, from its CREATE TABLE statements: table ->
// column names in declaration order, lower-cased (as both databases report unquoted names).
// Table constraints (PRIMARY KEY (…), UNIQUE (…), CHECK, CONSTRAINT, FOREIGN KEY) are not columns.
QMap<QString, QStringList> tableColumnsCreatedBy(const QString &sql);

} // namespace dpm
