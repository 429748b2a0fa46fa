#include "referencedb.h"

#include "domain/error.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <vector>

namespace dpm::bench {

namespace {

[[noreturn]] void fail(const QString &what)
{
    throw Error(ErrorKind::Storage, QStringLiteral("BENCH_REFERENCE_FAILED"), redactSecrets(what));
}

class PgReference : public ReferenceDb
{
public:
    explicit PgReference(const StoreLocation &location)
    {
        std::vector<QByteArray> keys;
        std::vector<QByteArray> values;
        const auto &params = location.libpqParameters();
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            keys.push_back(it.key().toUtf8());
            values.push_back(it.value().toUtf8());
        }
        std::vector<const char *> k;
        std::vector<const char *> v;
        for (size_t i = 0; i < keys.size(); ++i) {
            k.push_back(keys[i].constData());
            v.push_back(values[i].constData());
        }
        k.push_back(nullptr);
        v.push_back(nullptr);
        m_conn = PQconnectdbParams(k.data(), v.data(), 0);
        if (PQstatus(m_conn) != CONNECTION_OK)
            fail(QString::fromUtf8(PQerrorMessage(m_conn)));
        PQclear(PQexec(m_conn, "SET TIME ZONE 'UTC'"));
        PQclear(PQexec(m_conn, "SET client_min_messages = warning"));
    }
    ~PgReference() override { PQfinish(m_conn); }

    bool isPostgres() const override { return true; }

    QList<Row> query(const QByteArray &sql, const QList<QByteArray> &params) override
    {
        QByteArray numbered;
        int n = 0;
        for (char ch : sql) {
            if (ch == '?')
                numbered += '$' + QByteArray::number(++n);
            else
                numbered += ch;
        }
        std::vector<const char *> values;
        for (const QByteArray &p : params)
            values.push_back(p.constData());
        PGresult *res = PQexecParams(
            m_conn, numbered.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
        const ExecStatusType status = PQresultStatus(res);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            const QString message = QString::fromUtf8(PQresultErrorMessage(res));
            PQclear(res);
            fail(message);
        }
        QList<Row> rows;
        const int columns = PQnfields(res);
        for (int r = 0; r < PQntuples(res); ++r) {
            Row row;
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(res, r, c))
                    row << std::nullopt;
                else
                    row << QByteArray(PQgetvalue(res, r, c), PQgetlength(res, r, c));
            }
            rows << row;
        }
        PQclear(res);
        return rows;
    }

private:
    PGconn *m_conn = nullptr;
};

class SqliteReference : public ReferenceDb
{
public:
    explicit SqliteReference(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~SqliteReference() override { sqlite3_close_v2(m_db); }

    bool isPostgres() const override { return false; }

    // Prepared, bound, stepped and finalised per call, as a plain client would.
    QList<Row> query(const QByteArray &sql, const QList<QByteArray> &params) override
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK)
            fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        for (int i = 0; i < params.size(); ++i)
            sqlite3_bind_text(stmt, i + 1, params[i].constData(), int(params[i].size()), SQLITE_STATIC);
        QList<Row> rows;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            Row row;
            const int columns = sqlite3_column_count(stmt);
            for (int c = 0; c < columns; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    row << std::nullopt;
                } else {
                    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
                    row << QByteArray(text, sqlite3_column_bytes(stmt, c));
                }
            }
            rows << row;
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return rows;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

std::unique_ptr<ReferenceDb> ReferenceDb::open(const StoreLocation &location)
{
    switch (location.backend()) {
    case StoreBackend::Postgres:
        return std::make_unique<PgReference>(location);
    case StoreBackend::Sqlite:
        return std::make_unique<SqliteReference>(location.sqlitePath());
    case StoreBackend::InMemory:
    case StoreBackend::Remote:
        break;
    }
    return nullptr;
}

} // namespace dpm::bench
