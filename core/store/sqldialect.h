#pragma once

#include <QString>
#include <QStringList>

namespace dpm {

// What differs between SQLite and PostgreSQL in the console's SQL; everything else is one query
// text for both. Parameters are always positional "?" placeholders (QPSQL rewrites them).
class SqlDialect
{
public:
    enum class Kind { Sqlite, Postgres };

    explicit SqlDialect(Kind kind)
        : m_kind(kind)
    { }
    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }

    // Text ordering must be byte order on every backend (ids and timestamps compare as the
    // service's strings do), whatever the PostgreSQL database's locale.
    QString collateC() const { return isPostgres() ? QStringLiteral(" COLLATE \"C\"") : QString(); }

    // result_json.status as text, NULL when absent or when the payload is not JSON, so one bad
    // row never fails a listing (Part A §11). On PostgreSQL the null-safe form needs the
    // console's function (console/0001); without it the plain cast is the only choice.
    // `column` names the payload (qualified when the query joins).
    QString runStatusExpression(
        bool consoleFunctionAvailable, const QString &column = QStringLiteral("result_json")) const;

    // A wide text column as it is best read: on SQLite as its UTF-8 bytes (a BLOB), which Qt's
    // driver hands over as they are, where reading it as text has SQLite translate every byte to
    // UTF-16 first (most of a listing's time, measured with callgrind); QVariant turns the bytes
    // into the same QString. PostgreSQL sends text as it is stored.
    QString wideText(const QString &column) const
    {
        return isPostgres() ? column : QStringLiteral("CAST(%1 AS BLOB)").arg(column);
    }

    // Name of the migration folder for this backend ("sqlite" or "postgres").
    QString migrationFolder() const { return isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }

    // SQL that opens a write transaction that holds its lock from the start ("BEGIN IMMEDIATE"
    // on SQLite, so two writers never deadlock on a lock upgrade).
    QString beginWrite() const { return isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"); }

    // A consistent read snapshot without taking the write lock.
    QString beginRead() const
    {
        return isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                            : QStringLiteral("BEGIN");
    }

private:
    Kind m_kind;
};

// "?, ?, …": `count` positional parameters for an IN list or a VALUES row.
inline QString sqlPlaceholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QStringLiteral(", "));
}

} // namespace dpm
