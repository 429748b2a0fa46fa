#include "persistenceprofile.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "store/storelocation.h"

#include <QJsonArray>

#include <algorithm>

namespace dpm {

namespace {

const QString kProduction = QStringLiteral("PRODUCTION");
const QString kPostgres = QStringLiteral("POSTGRES");
const QString kInMemory = QStringLiteral("IN_MEMORY");

QString trimmedValue(const QProcessEnvironment &env, const QString &name)
{
    return env.value(name).trimmed();
}

std::optional<QString> dsnOf(const QProcessEnvironment &env, const QString &name)
{
    const QString dsn = trimmedValue(env, name);
    if (dsn.isEmpty())
        return std::nullopt;
    return redactedDsn(dsn);
}

CheckFinding error(const QString &code, const QString &message)
{
    return { code, QStringLiteral("error"), message, true };
}

} // namespace

QJsonObject CheckFinding::toJson() const
{
    return { { QStringLiteral("code"), code }, { QStringLiteral("severity"), severity },
        { QStringLiteral("message"), message }, { QStringLiteral("service_check"), serviceCheck } };
}

PersistenceProfile persistenceProfileFrom(const QProcessEnvironment &env)
{
    return trimmedValue(env, QStringLiteral("APP_PERSISTENCE_PROFILE")).toUpper() == kProduction
        ? PersistenceProfile::Production
        : PersistenceProfile::Local;
}

QString toWire(PersistenceProfile profile)
{
    return profile == PersistenceProfile::Production ? kProduction : QStringLiteral("LOCAL");
}

bool environmentFlag(const QProcessEnvironment &env, const QString &name, bool defaultValue)
{
    if (!env.contains(name))
        return defaultValue;
    static const QStringList truthy { QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("yes"),
        QStringLiteral("on") };
    return truthy.contains(trimmedValue(env, name).toLower());
}

QProcessEnvironment withProposalStoreSettings(QProcessEnvironment env, const StoreLocation &proposals)
{
    const QString backendVar = QStringLiteral("PROPOSAL_STORE_BACKEND");
    const QString dsnVar = QStringLiteral("PROPOSAL_POSTGRES_DSN");
    if (proposals.backend() == StoreBackend::InMemory) {
        env.insert(backendVar, QStringLiteral("IN_MEMORY"));
        env.remove(dsnVar);
    } else if (proposals.backend() == StoreBackend::Postgres) {
        QStringList pairs;
        const QMap<QString, QString> &parameters = proposals.libpqParameters();
        for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
            QString value = it.value();
            value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
            pairs << it.key() + QStringLiteral("='") + value + QLatin1Char('\'');
        }
        env.insert(backendVar, QStringLiteral("POSTGRES"));
        env.insert(dsnVar, pairs.join(QLatin1Char(' ')));
    }
    return env;
}

QString redactedDsn(const QString &dsn)
{
    try {
        const StoreLocation location = StoreLocation::parse(dsn);
        if (location.backend() == StoreBackend::Postgres)
            return location.redacted();
        return QStringLiteral("(set, but not a PostgreSQL location)");
    } catch (const Error &) {
        return QStringLiteral("(set, but not a valid connection string)");
    }
}

bool hasNoError(const QList<CheckFinding> &findings)
{
    return std::none_of(findings.cbegin(), findings.cend(), [](const CheckFinding &f) { return f.isError(); });
}

std::optional<QString> firstServiceError(const QList<CheckFinding> &findings)
{
    for (const CheckFinding &finding : findings) {
        if (finding.isError() && finding.serviceCheck)
            return finding.code;
    }
    return std::nullopt;
}

bool PersistenceProfileReport::passed() const
{
    return hasNoError(findings);
}

std::optional<QString> PersistenceProfileReport::serviceOutcome() const
{
    return firstServiceError(findings);
}

QJsonObject PersistenceProfileReport::toJson() const
{
    QJsonArray list;
    for (const CheckFinding &finding : findings)
        list.append(finding.toJson());
    const QJsonObject settings { { QStringLiteral("dpm_backend"), dpmBackend },
        { QStringLiteral("dpm_dsn"), nullableJson(dpmDsn) }, { QStringLiteral("proposal_backend"), proposalBackend },
        { QStringLiteral("proposal_dsn"), nullableJson(proposalDsn) },
        { QStringLiteral("policy_packs_required"), policyPacksRequired },
        { QStringLiteral("policy_pack_catalog_backend"), policyPackCatalogBackend },
        { QStringLiteral("policy_pack_dsn"), nullableJson(policyPackDsn) } };
    return { { QStringLiteral("passed"), passed() }, { QStringLiteral("profile"), toWire(profile) },
        { QStringLiteral("settings"), settings }, { QStringLiteral("findings"), list },
        { QStringLiteral("service_outcome"), nullableJson(serviceOutcome()) } };
}

QString formatFindings(const QList<CheckFinding> &findings, const std::optional<QString> &serviceOutcome)
{
    QString out = QStringLiteral("findings: %1\n").arg(findings.size());
    for (const CheckFinding &finding : findings) {
        out += QStringLiteral("  %1 %2%3\n      %4\n")
                   .arg(finding.severity.leftJustified(7), finding.code,
                       finding.serviceCheck ? QString() : QStringLiteral(" (console check)"), finding.message);
    }
    out += QStringLiteral("the service stops at: %1\n").arg(serviceOutcome.value_or(QStringLiteral("nothing")));
    return out;
}

QString PersistenceProfileReport::toText() const
{
    const auto line = [](const QString &label, const QString &value) -> QString {
        return QString(label + QLatin1Char(':')).leftJustified(30) + value + QLatin1Char('\n');
    };
    QString out;
    out += line(QStringLiteral("profile"), toWire(profile));
    out += line(QStringLiteral("dpm_backend"), dpmBackend);
    out += line(QStringLiteral("dpm_dsn"), dpmDsn.value_or(QStringLiteral("-")));
    out += line(QStringLiteral("proposal_backend"), proposalBackend);
    out += line(QStringLiteral("proposal_dsn"), proposalDsn.value_or(QStringLiteral("-")));
    out += line(QStringLiteral("policy_packs_required"),
        policyPacksRequired ? QStringLiteral("true") : QStringLiteral("false"));
    out += line(QStringLiteral("policy_pack_catalog_backend"), policyPackCatalogBackend);
    out += line(QStringLiteral("policy_pack_dsn"), policyPackDsn.value_or(QStringLiteral("-")));
    out += formatFindings(findings, serviceOutcome());
    out += line(QStringLiteral("passed"), passed() ? QStringLiteral("true") : QStringLiteral("false"));
    return out;
}

PersistenceProfileReport checkPersistenceProfile(const QProcessEnvironment &env, bool asProduction)
{
    PersistenceProfileReport report;
    report.profile = persistenceProfileFrom(env);
    const bool production = asProduction || report.profile == PersistenceProfile::Production;
    QList<CheckFinding> &findings = report.findings;

    const QString rawProfile = trimmedValue(env, QStringLiteral("APP_PERSISTENCE_PROFILE"));
    if (!rawProfile.isEmpty() && rawProfile.toUpper() != kProduction
        && rawProfile.toUpper() != QLatin1String("LOCAL")) {
        findings << CheckFinding { QStringLiteral("PERSISTENCE_PROFILE_UNKNOWN_VALUE"), QStringLiteral("warning"),
            QStringLiteral("APP_PERSISTENCE_PROFILE=%1 is neither LOCAL nor PRODUCTION, so the service runs as LOCAL; "
                           "set it to PRODUCTION to enforce the production guardrails.")
                .arg(redactSecrets(rawProfile)),
            false };
    }
    if (!production) {
        findings << CheckFinding { QStringLiteral("PERSISTENCE_PROFILE_LOCAL"), QStringLiteral("info"),
            QStringLiteral("The LOCAL profile runs no persistence guardrail; set APP_PERSISTENCE_PROFILE=PRODUCTION to "
                           "enforce them."),
            false };
    }

    // 1. The DPM store's backend.
    const QString dpmText = trimmedValue(env, QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"));
    const std::optional<StoreBackend> dpmBackend
        = dpmText.isEmpty() ? std::optional(StoreBackend::InMemory) : storeBackendFromWire(dpmText);
    report.dpmBackend = dpmBackend ? toWire(*dpmBackend) : redactSecrets(dpmText);
    if (!dpmBackend) {
        findings << error(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED"),
            QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND=%1 is not a backend the service knows; set it to POSTGRES "
                           "(IN_MEMORY or SQL only outside production).")
                .arg(report.dpmBackend));
    } else if (production && *dpmBackend != StoreBackend::Postgres) {
        findings << error(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES"),
            QStringLiteral("The PRODUCTION profile needs the DPM supportability store on PostgreSQL but "
                           "DPM_SUPPORTABILITY_STORE_BACKEND is %1; set DPM_SUPPORTABILITY_STORE_BACKEND=POSTGRES.")
                .arg(report.dpmBackend));
    }

    // 2. Its DSN.
    report.dpmDsn = dsnOf(env, QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"));
    if (production && !report.dpmDsn) {
        findings << error(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES_DSN"),
            QStringLiteral(
                "The PRODUCTION profile needs DPM_SUPPORTABILITY_POSTGRES_DSN, which is empty; set it to the "
                "connection string of the DPM PostgreSQL database."));
    }

    // 3. The advisory proposal store's backend.
    const QString proposalText = trimmedValue(env, QStringLiteral("PROPOSAL_STORE_BACKEND"));
    report.proposalBackend = proposalText.isEmpty() ? kInMemory : proposalText.toUpper();
    const bool proposalKnown = report.proposalBackend == kInMemory || report.proposalBackend == kPostgres;
    if (!proposalKnown) {
        report.proposalBackend = redactSecrets(proposalText);
        findings << error(QStringLiteral("PROPOSAL_STORE_BACKEND_UNSUPPORTED"),
            QStringLiteral("PROPOSAL_STORE_BACKEND=%1 is not a backend the service knows; set it to POSTGRES "
                           "(IN_MEMORY only outside production).")
                .arg(report.proposalBackend));
    } else if (production && report.proposalBackend != kPostgres) {
        findings << error(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"),
            QStringLiteral("The PRODUCTION profile needs the advisory proposal store on PostgreSQL but "
                           "PROPOSAL_STORE_BACKEND is %1; set PROPOSAL_STORE_BACKEND=POSTGRES.")
                .arg(report.proposalBackend));
    }

    // 4. Its DSN.
    report.proposalDsn = dsnOf(env, QStringLiteral("PROPOSAL_POSTGRES_DSN"));
    if (production && !report.proposalDsn) {
        findings << error(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN"),
            QStringLiteral("The PRODUCTION profile needs PROPOSAL_POSTGRES_DSN, which is empty; set it to the "
                           "connection string of the proposals PostgreSQL database."));
    }

    // 5. The policy-pack catalog, when policy packs are in use.
    report.policyPacksRequired = environmentFlag(env, QStringLiteral("DPM_POLICY_PACKS_ENABLED"), false)
        || environmentFlag(env, QStringLiteral("DPM_POLICY_PACK_ADMIN_APIS_ENABLED"), false);
    const QString catalogText = trimmedValue(env, QStringLiteral("DPM_POLICY_PACK_CATALOG_BACKEND")).toUpper();
    report.policyPackCatalogBackend = catalogText.isEmpty() ? QStringLiteral("ENV_JSON") : redactSecrets(catalogText);
    report.policyPackDsn = dsnOf(env, QStringLiteral("DPM_POLICY_PACK_POSTGRES_DSN"));
    if (production && report.policyPacksRequired) {
        if (report.policyPackCatalogBackend != kPostgres) {
            findings << error(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES"),
                QStringLiteral("Policy packs are enabled (DPM_POLICY_PACKS_ENABLED or "
                               "DPM_POLICY_PACK_ADMIN_APIS_ENABLED) and the PRODUCTION profile needs their catalog on "
                               "PostgreSQL, but DPM_POLICY_PACK_CATALOG_BACKEND is %1; set "
                               "DPM_POLICY_PACK_CATALOG_BACKEND=POSTGRES.")
                    .arg(report.policyPackCatalogBackend));
        }
        if (!report.policyPackDsn) {
            findings << error(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES_DSN"),
                QStringLiteral("Policy packs are enabled and the PRODUCTION profile needs DPM_POLICY_PACK_POSTGRES_DSN "
                               "set explicitly (the fallback to DPM_SUPPORTABILITY_POSTGRES_DSN is not accepted); set "
                               "it to the policy-pack catalog's connection string."));
        }
    }
    return report;
}

} // namespace dpm
