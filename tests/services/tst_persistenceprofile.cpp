// The persistence-profile guardrails of Part B §8.2 (combined DPM + proposals era): every reason
// code, the service's order, which one the service raises first, and that no DSN secret leaks.

#include "services/persistenceprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dpm;

namespace {

const QString kDpmDsn = QStringLiteral("postgresql://dpm_app:dpm-secret-1@db.example:5432/dpm?sslmode=require");
const QString kProposalDsn = QStringLiteral("host=db.example dbname=proposals user=adv password='adv secret 2'");
const QString kPolicyDsn = QStringLiteral("postgresql://pp:pp-secret-3@db.example/policy");

QProcessEnvironment environment(const QList<std::pair<QString, QString>> &vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars)
        env.insert(name, value);
    return env;
}

// PRODUCTION with everything the guardrails ask for, policy packs enabled.
QProcessEnvironment goodProduction()
{
    return environment({ { QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION") },
        { QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES") },
        { QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), kDpmDsn },
        { QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("POSTGRES") },
        { QStringLiteral("PROPOSAL_POSTGRES_DSN"), kProposalDsn },
        { QStringLiteral("DPM_POLICY_PACKS_ENABLED"), QStringLiteral("true") },
        { QStringLiteral("DPM_POLICY_PACK_CATALOG_BACKEND"), QStringLiteral("POSTGRES") },
        { QStringLiteral("DPM_POLICY_PACK_POSTGRES_DSN"), kPolicyDsn } });
}

QStringList codes(const PersistenceProfileReport &report)
{
    QStringList out;
    for (const CheckFinding &finding : report.findings)
        out << finding.code;
    return out;
}

QString severityOf(const PersistenceProfileReport &report, const QString &code)
{
    for (const CheckFinding &finding : report.findings) {
        if (finding.code == code)
            return finding.severity;
    }
    return QStringLiteral("<absent>");
}

} // namespace

class TestPersistenceProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void profile_unset_isLocalWithoutGuardrails()
    {
        const PersistenceProfileReport report = checkPersistenceProfile(QProcessEnvironment());
        QCOMPARE(toWire(report.profile), QStringLiteral("LOCAL"));
        QCOMPARE(codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_LOCAL") });
        QCOMPARE(severityOf(report, QStringLiteral("PERSISTENCE_PROFILE_LOCAL")), QStringLiteral("info"));
        QVERIFY(report.passed());
        QVERIFY(!report.serviceOutcome());
        QCOMPARE(report.dpmBackend, QStringLiteral("IN_MEMORY"));
        QCOMPARE(report.proposalBackend, QStringLiteral("IN_MEMORY"));
        QCOMPARE(report.policyPackCatalogBackend, QStringLiteral("ENV_JSON"));
    }

    void profile_value_isTrimmedAndUpperCased_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("profile");
        QTest::newRow("PRODUCTION") << "PRODUCTION"
                                    << "PRODUCTION";
        QTest::newRow("lower, padded") << "  production\t"
                                       << "PRODUCTION";
        QTest::newRow("local") << "local"
                               << "LOCAL";
        QTest::newRow("empty") << ""
                               << "LOCAL";
        QTest::newRow("PROD") << "PROD"
                              << "LOCAL";
    }
    void profile_value_isTrimmedAndUpperCased()
    {
        QFETCH(QString, value);
        QFETCH(QString, profile);
        QCOMPARE(toWire(persistenceProfileFrom(environment({ { QStringLiteral("APP_PERSISTENCE_PROFILE"), value } }))),
            profile);
    }

    void profile_unknownValue_runsAsLocalWithWarning()
    {
        const PersistenceProfileReport report = checkPersistenceProfile(
            environment({ { QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("staging") } }));
        QCOMPARE(codes(report),
            QStringList(
                { QStringLiteral("PERSISTENCE_PROFILE_UNKNOWN_VALUE"), QStringLiteral("PERSISTENCE_PROFILE_LOCAL") }));
        QCOMPARE(severityOf(report, QStringLiteral("PERSISTENCE_PROFILE_UNKNOWN_VALUE")), QStringLiteral("warning"));
        QVERIFY(report.passed());
    }

    void production_everythingSet_passesWithoutFindings()
    {
        const PersistenceProfileReport report = checkPersistenceProfile(goodProduction());
        QCOMPARE(toWire(report.profile), QStringLiteral("PRODUCTION"));
        QCOMPARE(codes(report), QStringList());
        QVERIFY(report.passed());
        QVERIFY(!report.serviceOutcome());
        QVERIFY(report.policyPacksRequired);
    }

    void production_dpmBackendNotPostgres_requiresDpmPostgres_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("resolved");
        QTest::newRow("unset") << QString() << "IN_MEMORY";
        QTest::newRow("IN_MEMORY") << "IN_MEMORY"
                                   << "IN_MEMORY";
        QTest::newRow("SQL") << "SQL"
                             << "SQL";
        QTest::newRow("sqlite alias, lower case") << " sqlite "
                                                  << "SQL";
    }
    void production_dpmBackendNotPostgres_requiresDpmPostgres()
    {
        QFETCH(QString, backend);
        QFETCH(QString, resolved);
        QProcessEnvironment env = goodProduction();
        if (backend.isNull())
            env.remove(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"));
        else
            env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), backend);
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES") });
        QCOMPARE(report.dpmBackend, resolved);
        QCOMPARE(report.serviceOutcome(), QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES"));
        QVERIFY(!report.passed());
        QVERIFY(
            report.findings.constFirst().message.contains(QLatin1String("DPM_SUPPORTABILITY_STORE_BACKEND=POSTGRES")));
    }

    void production_dpmBackendPostgresAnyCase_isAccepted()
    {
        QProcessEnvironment env = goodProduction();
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral(" postgres "));
        QCOMPARE(codes(checkPersistenceProfile(env)), QStringList());
    }

    void unknownBackends_areUnsupportedInEitherProfile_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("PRODUCTION") << "PRODUCTION";
        QTest::newRow("LOCAL") << "LOCAL";
    }
    void unknownBackends_areUnsupportedInEitherProfile()
    {
        QFETCH(QString, profile);
        QProcessEnvironment env = goodProduction();
        env.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), profile);
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("ORACLE"));
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("SQLITE"));
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QStringList expected;
        if (profile == QLatin1String("LOCAL"))
            expected << QStringLiteral("PERSISTENCE_PROFILE_LOCAL");
        // The unsupported value replaces "requires POSTGRES": the resolver fails before the guardrail.
        expected << QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED")
                 << QStringLiteral("PROPOSAL_STORE_BACKEND_UNSUPPORTED");
        QCOMPARE(codes(report), expected);
        QCOMPARE(report.serviceOutcome(), QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED"));
        QCOMPARE(report.dpmBackend, QStringLiteral("ORACLE"));
        QCOMPARE(report.proposalBackend, QStringLiteral("SQLITE"));
    }

    void production_dpmDsnEmptyOrBlank_requiresDpmDsn_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::newRow("unset") << QString();
        QTest::newRow("blank") << "   ";
    }
    void production_dpmDsnEmptyOrBlank_requiresDpmDsn()
    {
        QFETCH(QString, dsn);
        QProcessEnvironment env = goodProduction();
        if (dsn.isNull())
            env.remove(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"));
        else
            env.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), dsn);
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES_DSN") });
        QVERIFY(!report.dpmDsn);
    }

    void production_proposalBackendNotPostgres_requiresAdvisoryPostgres_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("unset") << QString();
        QTest::newRow("IN_MEMORY") << "in_memory";
    }
    void production_proposalBackendNotPostgres_requiresAdvisoryPostgres()
    {
        QFETCH(QString, backend);
        QProcessEnvironment env = goodProduction();
        if (backend.isNull())
            env.remove(QStringLiteral("PROPOSAL_STORE_BACKEND"));
        else
            env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), backend);
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES") });
        QCOMPARE(report.proposalBackend, QStringLiteral("IN_MEMORY"));
    }

    void production_proposalDsnEmpty_requiresAdvisoryDsn()
    {
        QProcessEnvironment env = goodProduction();
        env.remove(QStringLiteral("PROPOSAL_POSTGRES_DSN"));
        QCOMPARE(codes(checkPersistenceProfile(env)),
            QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN") });
    }

    void production_policyFlags_parseAsTheServiceDoes_data()
    {
        QTest::addColumn<QString>("packs");
        QTest::addColumn<QString>("adminApis");
        QTest::addColumn<bool>("required");
        const QString unset;
        QTest::newRow("both unset") << unset << unset << false;
        QTest::newRow("packs 1") << "1" << unset << true;
        QTest::newRow("packs TRUE padded") << " TRUE " << unset << true;
        QTest::newRow("packs yes") << "yes" << unset << true;
        QTest::newRow("admin on") << unset << "On" << true;
        QTest::newRow("packs 0") << "0" << unset << false;
        QTest::newRow("packs false") << "false" << unset << false;
        QTest::newRow("packs enabled (not a true word)") << "enabled" << unset << false;
        QTest::newRow("packs empty") << "" << unset << false;
        QTest::newRow("admin no, packs y (not a true word)") << "y"
                                                             << "no" << false;
    }
    void production_policyFlags_parseAsTheServiceDoes()
    {
        QFETCH(QString, packs);
        QFETCH(QString, adminApis);
        QFETCH(bool, required);
        QProcessEnvironment env = goodProduction();
        env.remove(QStringLiteral("DPM_POLICY_PACKS_ENABLED"));
        env.remove(QStringLiteral("DPM_POLICY_PACK_CATALOG_BACKEND")); // ENV_JSON
        env.remove(QStringLiteral("DPM_POLICY_PACK_POSTGRES_DSN"));
        if (!packs.isNull())
            env.insert(QStringLiteral("DPM_POLICY_PACKS_ENABLED"), packs);
        if (!adminApis.isNull())
            env.insert(QStringLiteral("DPM_POLICY_PACK_ADMIN_APIS_ENABLED"), adminApis);
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(report.policyPacksRequired, required);
        const QStringList expected = required
            ? QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES"),
                  QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES_DSN") }
            : QStringList();
        QCOMPARE(codes(report), expected);
    }

    void production_policyCatalogNotPostgres_requiresPolicyPackPostgres()
    {
        QProcessEnvironment env = goodProduction();
        env.insert(QStringLiteral("DPM_POLICY_PACK_CATALOG_BACKEND"), QStringLiteral("env_json"));
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES") });
        QCOMPARE(report.policyPackCatalogBackend, QStringLiteral("ENV_JSON"));
    }

    void production_policyDsnFallback_isNotAccepted()
    {
        // The service's catalog would fall back to the DPM DSN; the guardrail demands its own.
        QProcessEnvironment env = goodProduction();
        env.remove(QStringLiteral("DPM_POLICY_PACK_POSTGRES_DSN"));
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(
            codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES_DSN") });
        QVERIFY(report.findings.constFirst().message.contains(QLatin1String("fallback")));
    }

    void production_nothingSet_listsEveryGuardrailInServiceOrder()
    {
        const PersistenceProfileReport report = checkPersistenceProfile(
            environment({ { QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION") },
                { QStringLiteral("DPM_POLICY_PACK_ADMIN_APIS_ENABLED"), QStringLiteral("1") } }));
        QCOMPARE(codes(report),
            QStringList({ QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES_DSN"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES_DSN") }));
        for (const CheckFinding &finding : report.findings) {
            QCOMPARE(finding.severity, QStringLiteral("error"));
            QVERIFY(finding.serviceCheck);
            QVERIFY2(finding.message.contains(QLatin1String("; set ")), qPrintable(finding.message));
        }
        QCOMPARE(report.serviceOutcome(), QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES"));
    }

    void production_laterFailuresOnly_serviceOutcomeIsTheFirstOfThem()
    {
        QProcessEnvironment env = goodProduction();
        env.remove(QStringLiteral("PROPOSAL_POSTGRES_DSN"));
        env.insert(QStringLiteral("DPM_POLICY_PACK_CATALOG_BACKEND"), QStringLiteral("ENV_JSON"));
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        QCOMPARE(codes(report),
            QStringList({ QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES") }));
        QCOMPARE(report.serviceOutcome(), QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN"));
    }

    void asProduction_checksALocalEnvironmentAsProduction()
    {
        const PersistenceProfileReport report = checkPersistenceProfile(QProcessEnvironment(), true);
        QCOMPARE(toWire(report.profile), QStringLiteral("LOCAL"));
        QCOMPARE(report.findings.size(), 4);
        QCOMPARE(report.findings.constFirst().code, QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES"));
    }

    void report_jsonShape_andDsnsRedacted()
    {
        QProcessEnvironment env = goodProduction();
        env.remove(QStringLiteral("PROPOSAL_STORE_BACKEND"));
        const PersistenceProfileReport report = checkPersistenceProfile(env);
        const QJsonObject json = report.toJson();
        QCOMPARE(json.keys(),
            QStringList({ QStringLiteral("findings"), QStringLiteral("passed"), QStringLiteral("profile"),
                QStringLiteral("service_outcome"), QStringLiteral("settings") }));
        QCOMPARE(json.value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("profile")).toString(), QStringLiteral("PRODUCTION"));
        QCOMPARE(json.value(QStringLiteral("service_outcome")).toString(),
            QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"));
        const QJsonObject finding = json.value(QStringLiteral("findings")).toArray().at(0).toObject();
        QCOMPARE(finding.keys(),
            QStringList({ QStringLiteral("code"), QStringLiteral("message"), QStringLiteral("service_check"),
                QStringLiteral("severity") }));
        const QJsonObject settings = json.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("dpm_dsn")).toString(),
            QStringLiteral("postgresql://dpm_app:***@db.example:5432/dpm?sslmode=require"));
        QCOMPARE(settings.value(QStringLiteral("proposal_dsn")).toString(),
            QStringLiteral("postgresql://adv:***@db.example/proposals"));

        const QString everything = QString::fromUtf8(QJsonDocument(json).toJson()) + report.toText();
        for (const char *secret : { "dpm-secret-1", "adv secret 2", "pp-secret-3" })
            QVERIFY2(!everything.contains(QLatin1String(secret)), secret);
        QVERIFY(report.toText().contains(
            QLatin1String("the service stops at: PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES")));
    }

    void redactedDsn_neverReturnsTheTextOfSomethingUnreadable()
    {
        QCOMPARE(redactedDsn(QStringLiteral("password='unterminated")),
            QStringLiteral("(set, but not a valid connection string)"));
        QCOMPARE(redactedDsn(QStringLiteral("sqlite:/secret/path.db")),
            QStringLiteral("(set, but not a PostgreSQL location)"));
        // A JDBC URL used to be read as one odd libpq key and printed whole, password included.
        for (const QString &dsn : { QStringLiteral("jdbc:postgresql://h/db?user=u&password=MARKER"),
                 QStringLiteral("postgresq://u:MARKER@h/db"), QStringLiteral("mysql://u:MARKER@h/db?x=1") })
            QCOMPARE(redactedDsn(dsn), QStringLiteral("(set, but not a valid connection string)"));
    }
};

QTEST_GUILESS_MAIN(TestPersistenceProfile)
#include "tst_persistenceprofile.moc"
