// libFuzzer target: the migration SQL splitter (core/migrate/sqlsplitter). Every statement it
// returns must be non-empty, trimmed, and split into itself again.
#include "migrate/sqlsplitter.h"

#include <QString>

#include <cstdlib>

using namespace dpm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString sql = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QString &statement : splitSqlStatements(sql)) {
        if (statement.isEmpty() || statement != statement.trimmed())
            std::abort();
        if (splitSqlStatements(statement) != QStringList { statement })
            std::abort();
    }
    tableColumnsCreatedBy(sql);
    return 0;
}
