#include "cutoveraction.h"

#include "store/auditlog.h"
#include "store/separateproposalsstore.h"
#include "store/supportstore.h"

#include <QJsonObject>

#include <algorithm>

namespace dpm {

namespace {

const QString kCheckAction = QStringLiteral("cutover.check");
const QString kWhat = QStringLiteral("The cutover check");

QJsonObject checkDetails(const CutoverCheckOptions &options, const CutoverReport *report)
{
    QJsonObject details { { QStringLiteral("check_migrations"), options.checkMigrations },
        { QStringLiteral("profile"), toWire(report ? report->profile : persistenceProfileFrom(options.environment)) } };
    if (report) {
        const std::optional<QString> service = report->serviceOutcome();
        details.insert(QStringLiteral("passed"), report->passed());
        details.insert(QStringLiteral("service_outcome"), service ? QJsonValue(*service) : QJsonValue());
        details.insert(QStringLiteral("findings"), qint64(report->findings.size()));
    }
    return details;
}

QString checkOutcome(const CutoverReport &report)
{
    if (report.passed())
        return QStringLiteral("succeeded");
    if (const std::optional<QString> service = report.serviceOutcome())
        return QStringLiteral("failed: ") + *service;
    const auto firstError = std::find_if(
        report.findings.cbegin(), report.findings.cend(), [](const CheckFinding &f) { return f.isError(); });
    return QStringLiteral("failed: ") + firstError->code;
}

} // namespace

CutoverCheckResult checkCutover(
    SupportStore &store, const CutoverCheckOptions &givenOptions, const ActionProgressFn &progress, CancelToken *cancel)
{
    throwIfCancelled(cancel, kWhat);
    // The proposals namespace and the advisory guardrails are checked on the store the
    // proposals are read from, when they have one of their own.
    CutoverCheckOptions options = givenOptions;
    if (auto *split = storeAs<SeparateProposalsStore>(store))
        options.environment = withProposalStoreSettings(options.environment, split->proposalLocation());
    CutoverCheckResult result;
    const auto record = [&](const CutoverReport *report, const QString &outcome) {
        try {
            if (!store.auditLog().isAvailable()) {
                result.auditError = auditLogMissingError();
                return;
            }
        } catch (const Error &error) {
            result.auditError = error;
            return;
        }
        result.auditError = recordAction(store, kCheckAction, checkDetails(options, report), outcome);
        result.recorded = !result.auditError;
    };
    if (progress)
        progress(0, 0, QStringLiteral("Checking the profile, the guardrails and the DSNs…"));
    try {
        const MigrationCatalog catalog
            = options.catalog.value_or(MigrationCatalog::embedded(SqlDialect::Kind::Postgres));
        result.report = checkProductionCutover(
            options.environment, options.checkMigrations, catalog, [&](const QString &ns) {
                throwIfCancelled(cancel, kWhat);
                if (progress)
                    progress(0, 0, QStringLiteral("Checking the migrations of namespace %1…").arg(ns));
            });
    } catch (const Error &error) {
        if (isActionCancelled(error))
            record(nullptr, auditOutcomeOf(error));
        throw;
    }
    record(&result.report, checkOutcome(result.report));
    return result;
}

} // namespace dpm
