#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace dpm {

class StoreLocation;

// One problem (or note) a configuration check found: a stable UPPER_SNAKE_CASE code, a severity
// ("error", "warning" or "info") and one sentence saying what to set. `serviceCheck` tells whether
// the service checks the same thing (and would refuse to start or cut over on an error), as
// opposed to a check only the console makes.
struct CheckFinding
{
    QString code;
    QString severity;
    QString message;
    bool serviceCheck = true;

    bool isError() const { return severity == QLatin1String("error"); }
    // {code, severity, message, service_check}
    QJsonObject toJson() const;
};

// No finding of severity "error".
bool hasNoError(const QList<CheckFinding> &findings);
// The code of the first error among the checks the service makes itself: what it would raise.
std::optional<QString> firstServiceError(const QList<CheckFinding> &findings);

// The findings for people: one block per finding, then "the service stops at: CODE|nothing".
QString formatFindings(const QList<CheckFinding> &findings, const std::optional<QString> &serviceOutcome);

// APP_PERSISTENCE_PROFILE (Part B §8.2): trimmed and upper-cased; anything but PRODUCTION is LOCAL.
enum class PersistenceProfile { Local, Production };
PersistenceProfile persistenceProfileFrom(const QProcessEnvironment &env);
QString toWire(PersistenceProfile profile); // "LOCAL", "PRODUCTION"

// The service's boolean variables (§8.1): unset -> the default; set -> true only for 1, true, yes,
// on (trimmed, any case).
bool environmentFlag(const QProcessEnvironment &env, const QString &name, bool defaultValue);

// What the persistence-profile guardrails of the combined (DPM + proposals) RFC-era service say
// about an environment. The service stops at the first failure; this report lists every failing
// guardrail, in the service's order, and names the one the service would raise first.
struct PersistenceProfileReport
{
    PersistenceProfile profile = PersistenceProfile::Local;
    // The backends as the service resolves them (IN_MEMORY, SQL, POSTGRES; ENV_JSON, POSTGRES for
    // the catalog), or the raw value trimmed when it is not one the service accepts.
    QString dpmBackend;
    QString proposalBackend;
    bool policyPacksRequired = false; // DPM_POLICY_PACKS_ENABLED or DPM_POLICY_PACK_ADMIN_APIS_ENABLED
    QString policyPackCatalogBackend;
    // The DSNs as people may see them: redacted, or nullopt when unset.
    std::optional<QString> dpmDsn;
    std::optional<QString> proposalDsn;
    std::optional<QString> policyPackDsn;

    QList<CheckFinding> findings;

    // No finding of severity "error".
    bool passed() const;
    // The code the service itself would raise first (its first failing check), if any.
    std::optional<QString> serviceOutcome() const;

    // {passed, profile, settings{…}, findings[], service_outcome}
    QJsonObject toJson() const;
    // For people: the settings, one line per finding, and which one the service stops at.
    QString toText() const;
};

// Resolves the profile and runs the guardrails of Part B §8.2 in the service's order:
//  1. DPM_SUPPORTABILITY_STORE_BACKEND (IN_MEMORY | SQL | SQLITE | POSTGRES, default IN_MEMORY;
//     anything else DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED) must be POSTGRES
//     (PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES);
//  2. DPM_SUPPORTABILITY_POSTGRES_DSN set (…_REQUIRES_DPM_POSTGRES_DSN);
//  3. PROPOSAL_STORE_BACKEND (IN_MEMORY | POSTGRES, default IN_MEMORY; else
//     PROPOSAL_STORE_BACKEND_UNSUPPORTED) must be POSTGRES (…_REQUIRES_ADVISORY_POSTGRES);
//  4. PROPOSAL_POSTGRES_DSN set (…_REQUIRES_ADVISORY_POSTGRES_DSN);
//  5. with policy packs or their admin APIs enabled: DPM_POLICY_PACK_CATALOG_BACKEND (default
//     ENV_JSON) must be POSTGRES (…_REQUIRES_POLICY_PACK_POSTGRES) and DPM_POLICY_PACK_POSTGRES_DSN
//     must be set explicitly (…_REQUIRES_POLICY_PACK_POSTGRES_DSN; the fallback is not accepted).
// LOCAL runs none of them (an info finding says so), but an unsupported backend value is an error
// in either profile: the service fails to build that store at startup. With `asProduction` the
// checks run whatever the profile says (the cutover check reports them next to its own finding).
PersistenceProfileReport checkPersistenceProfile(const QProcessEnvironment &env, bool asProduction = false);

// The service's proposal-store variables as a separate proposal store given to the console or
// dpmctl (--proposal-store, the connect dialog) sets them: PostgreSQL -> PROPOSAL_STORE_BACKEND
// POSTGRES and PROPOSAL_POSTGRES_DSN (as libpq key=value text, its password kept for the
// connection of the cutover check; never print it); memory -> IN_MEMORY without a DSN; anything
// else (a SQLite file, a server) leaves `env` as it is, as the service has no such backend. The
// persistence-profile checks 3-4 and the cutover check's proposals namespace then look at it.
QProcessEnvironment withProposalStoreSettings(QProcessEnvironment env, const StoreLocation &proposals);

// A DSN as people may see it: the redacted location, or a placeholder when the text is not a
// PostgreSQL location (never the text itself, which may hold a password).
QString redactedDsn(const QString &dsn);

} // namespace dpm
