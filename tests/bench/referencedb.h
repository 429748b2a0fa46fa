#pragma once

#include "store/storelocation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace dpm::bench {

// One row of a reference query: every column as text, nullopt for NULL.
using Row = QList<std::optional<QByteArray>>;

// The same SQL as the store runs, issued through the database's own C client (libpq or the
// sqlite3 C API) with nothing in between: what the benchmark compares the store against.
// Placeholders are written "?" and turned into $1, $2, … for PostgreSQL.
class ReferenceDb
{
public:
    virtual ~ReferenceDb() = default;
    static std::unique_ptr<ReferenceDb> open(const StoreLocation &location);

    virtual QList<Row> query(const QByteArray &sql, const QList<QByteArray> &params = {}) = 0;
    virtual bool isPostgres() const = 0;
    // COLLATE "C" on PostgreSQL (the store's orderings), nothing on SQLite.
    QByteArray c() const { return isPostgres() ? QByteArrayLiteral(" COLLATE \"C\"") : QByteArray(); }
};

} // namespace dpm::bench
