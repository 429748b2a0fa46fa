#pragma once

#include "store/sqldatabase.h"

namespace dpm {

// A transaction on this thread's connection that rolls back unless committed, so a failed
// write leaves nothing behind. Write transactions take the write lock at BEGIN (BEGIN IMMEDIATE
// on SQLite); read transactions give one consistent snapshot.
class SqlTransaction
{
public:
    enum class Mode { Write, Read };

    explicit SqlTransaction(SqlDatabase &db, Mode mode = Mode::Write);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    void commit();

private:
    SqlDatabase &m_db;
    bool m_open = true;
};

} // namespace dpm
