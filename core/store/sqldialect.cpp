#include "sqldialect.h"

namespace dpm {

QString SqlDialect::runStatusExpression(bool consoleFunctionAvailable) const
{
    if (!isPostgres()) {
        return QStringLiteral("(CASE WHEN json_valid(result_json) THEN json_extract(result_json, '$.status') END)");
    }
    return consoleFunctionAvailable ? QStringLiteral("dpm_console_run_status(result_json)")
                                    : QStringLiteral("(result_json::jsonb ->> 'status')");
}

} // namespace dpm
