#include "sqldialect.h"

namespace dpm {

QString SqlDialect::runStatusExpression(bool consoleFunctionAvailable, const QString &column) const
{
    if (!isPostgres())
        return QStringLiteral("(CASE WHEN json_valid(%1) THEN json_extract(%1, '$.status') END)").arg(column);
    return (consoleFunctionAvailable ? QStringLiteral("dpm_console_run_status(%1)")
                                     : QStringLiteral("(%1::jsonb ->> 'status')"))
        .arg(column);
}

} // namespace dpm
