#include "sqltransaction.h"

#include "domain/error.h"
#include "domain/logging.h"

#include <QLoggingCategory>

namespace dpm {

SqlTransaction::SqlTransaction(SqlDatabase &db, Mode mode)
    : m_db(db)
{
    // The store's last line: a write transaction never begins on a standby.
    if (mode == Mode::Write)
        m_db.refuseChangesOnStandby(QStringLiteral("this change"));
    m_db.execDirect(mode == Mode::Write ? m_db.dialect().beginWrite() : m_db.dialect().beginRead());
}

SqlTransaction::~SqlTransaction()
{
    if (!m_open)
        return;
    try {
        m_db.execDirect(QStringLiteral("ROLLBACK"));
    } catch (const Error &error) {
        // The failure that brought us here is what the caller needs to see.
        qCWarning(lcStore) << "rollback failed:" << error.toString();
    }
}

void SqlTransaction::commit()
{
    m_db.execDirect(QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace dpm
