#include "supportstore.h"

namespace dpm {

QStringList runPurgeTables()
{
    return { QStringLiteral("dpm_runs"), QStringLiteral("dpm_run_artifacts"), QStringLiteral("dpm_run_idempotency"),
        QStringLiteral("dpm_run_idempotency_history"), QStringLiteral("dpm_workflow_decisions"),
        QStringLiteral("dpm_lineage_edges") };
}

} // namespace dpm
