#include "domain/error.h"
#include "store/storelocation.h"

#include <QTest>

using namespace dpm;

class TestStoreLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_memoryAndSqlite()
    {
        QCOMPARE(StoreLocation::parse(QStringLiteral("memory:")).backend(), StoreBackend::InMemory);
        const auto plain = StoreLocation::parse(QStringLiteral("sqlite:/tmp/a.db"));
        QCOMPARE(plain.backend(), StoreBackend::Sqlite);
        QCOMPARE(plain.sqlitePath(), QStringLiteral("/tmp/a.db"));
        QCOMPARE(StoreLocation::parse(QStringLiteral("sqlite:///tmp/a.db")).sqlitePath(), QStringLiteral("/tmp/a.db"));
        QCOMPARE(StoreLocation::parse(QStringLiteral("data/x.sqlite3")).sqlitePath(), QStringLiteral("data/x.sqlite3"));
    }

    void parse_postgresUri_splitsParameters()
    {
        const auto loc = StoreLocation::parse(
            QStringLiteral("postgresql://app%40corp:p%40ss@db.example:6543/dpm?sslmode=require&connect_timeout=3"));
        QCOMPARE(loc.backend(), StoreBackend::Postgres);
        QCOMPARE(loc.libpqParameter(QStringLiteral("user")), QStringLiteral("app@corp"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("password")), QStringLiteral("p@ss"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("host")), QStringLiteral("db.example"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("port")), QStringLiteral("6543"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("dbname")), QStringLiteral("dpm"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("sslmode")), QStringLiteral("require"));
    }

    // libpq's multi-host URLs (issue 17: a primary and its standbys, target_session_attrs).
    void parse_multiHostUri_givesLibpqHostAndPortLists_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("hosts");
        QTest::addColumn<QString>("ports"); // "-" when no port is given
        QTest::newRow("ports per host") << "postgresql://u:s3cret@h1:5432,h2:5433/db?target_session_attrs=prefer-standby"
                                        << "h1,h2" << "5432,5433";
        QTest::newRow("one port missing") << "postgresql://h1,h2:5433/db" << "h1,h2" << ",5433";
        QTest::newRow("no ports") << "postgres://h1,h2,h3/db" << "h1,h2,h3" << "-";
        QTest::newRow("ipv6 and ipv4") << "postgresql://[::1]:5432,127.0.0.1:5433/db?target_session_attrs=read-only"
                                       << "::1,127.0.0.1" << "5432,5433";
        QTest::newRow("query host wins") << "postgresql://h1,h2/db?host=h9" << "h9" << "-";
    }
    void parse_multiHostUri_givesLibpqHostAndPortLists()
    {
        QFETCH(QString, uri);
        QFETCH(QString, hosts);
        QFETCH(QString, ports);
        const auto loc = StoreLocation::parse(uri);
        QCOMPARE(loc.backend(), StoreBackend::Postgres);
        QCOMPARE(loc.libpqParameter(QStringLiteral("host")), hosts);
        if (ports == QLatin1String("-"))
            QVERIFY(!loc.libpqParameters().contains(QStringLiteral("port")));
        else
            QCOMPARE(loc.libpqParameter(QStringLiteral("port")), ports);
        QCOMPARE(loc.libpqParameter(QStringLiteral("dbname")), QStringLiteral("db"));
        QVERIFY(!loc.libpqParameters().contains(QStringLiteral("host-list.invalid")));
    }

    void parse_multiHostUri_keepsUserPasswordAndOptions()
    {
        const auto loc = StoreLocation::parse(
            QStringLiteral("postgresql://app:p%40ss@h1:5432,h2:5433/dpm?target_session_attrs=prefer-standby&sslmode=require"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("user")), QStringLiteral("app"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("password")), QStringLiteral("p@ss"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("target_session_attrs")), QStringLiteral("prefer-standby"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("sslmode")), QStringLiteral("require"));
    }

    void parse_multiHostUri_badEntry_isStoreLocationInvalid()
    {
        for (const QString &text : { QStringLiteral("postgresql://h1:x,h2/db"), QStringLiteral("postgresql://h1,[::1/db"),
                 QStringLiteral("postgresql://u:s3cret@h1,h 2/db") }) {
            try {
                StoreLocation::parse(text);
                QFAIL(qPrintable(QStringLiteral("accepted: ") + text));
            } catch (const Error &e) {
                QCOMPARE(e.code(), QStringLiteral("STORE_LOCATION_INVALID"));
                QVERIFY(!e.message().contains(QLatin1String("s3cret")));
            }
        }
    }

    void parse_keyValueDsn_handlesQuotes()
    {
        const auto loc
            = StoreLocation::parse(QStringLiteral("host=localhost dbname = 'my db' password='it\\'s' user=u"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("dbname")), QStringLiteral("my db"));
        QCOMPARE(loc.libpqParameter(QStringLiteral("password")), QStringLiteral("it's"));
        QCOMPARE(StoreLocation::parse(QStringLiteral("service=dpm_prod")).libpqParameter(QStringLiteral("service")),
            QStringLiteral("dpm_prod"));
    }

    void parse_garbage_isStoreLocationInvalid()
    {
        for (const QString &text : { QStringLiteral("mysql://x"), QStringLiteral(""), QStringLiteral("host='open") }) {
            try {
                StoreLocation::parse(text);
                QFAIL(qPrintable(QStringLiteral("accepted: ") + text));
            } catch (const Error &e) {
                QCOMPARE(e.code(), QStringLiteral("STORE_LOCATION_INVALID"));
            }
        }
    }

    void redacted_neverShowsPassword_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("expected");
        QTest::newRow("uri") << "postgresql://u:s3cret@h:5432/db?sslmode=require"
                             << "postgresql://u:***@h:5432/db?sslmode=require";
        QTest::newRow("key=value") << "host=h user=u password=s3cret dbname=db"
                                   << "postgresql://u:***@h/db";
        QTest::newRow("no password") << "postgresql://u@h/db"
                                     << "postgresql://u@h/db";
        QTest::newRow("socket dir host") << "host=/var/run/postgresql dbname=db"
                                         << "postgresql:///db?host=/var/run/postgresql";
        QTest::newRow("multi-host uri")
            << "postgresql://u:s3cret@h1:5432,h2:5433/db?target_session_attrs=prefer-standby"
            << "postgresql://u:***@h1:5432,h2:5433/db?target_session_attrs=prefer-standby";
        QTest::newRow("multi-host key=value")
            << "host=h1,h2 port=5432,5433 user=u password=s3cret dbname=db target_session_attrs=read-only"
            << "postgresql://u:***@h1:5432,h2:5433/db?target_session_attrs=read-only";
        QTest::newRow("multi-host, one port for all")
            << "host=h1,h2 port=5432 user=u password=s3cret dbname=db target_session_attrs=any"
            << "postgresql://u:***@/db?host=h1,h2&port=5432&target_session_attrs=any";
        QTest::newRow("multi-host with a socket directory")
            << "host=/run/postgresql,h2 port=5432,5433 user=u password=s3cret dbname=db"
            << "postgresql://u:***@/db?host=/run/postgresql,h2&port=5432,5433";
    }
    void redacted_neverShowsPassword()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, expected);
        const QString shown = StoreLocation::parse(dsn).redacted();
        QCOMPARE(shown, expected);
        QVERIFY(!shown.contains(QLatin1String("s3cret")));
    }

    void withoutSecrets_dropsPasswordAndParsesBackToTheSameServer()
    {
        const StoreLocation original = StoreLocation::parse(
            QStringLiteral("host=h port=5433 user=u password=s3cret dbname=db sslmode=verify-full sslkey=/k.pem"));
        const QString kept = original.withoutSecrets();
        QVERIFY(!kept.contains(QLatin1String("s3cret")));
        QVERIFY(!kept.contains(QLatin1String("***")));
        const StoreLocation reopened = StoreLocation::parse(kept);
        QVERIFY(!reopened.libpqParameters().contains(QStringLiteral("password")));
        QMap<QString, QString> expected = original.libpqParameters();
        expected.remove(QStringLiteral("password"));
        QCOMPARE(reopened.libpqParameters(), expected);
        QCOMPARE(
            reopened.withPassword(QStringLiteral("p")).libpqParameter(QStringLiteral("password")), QStringLiteral("p"));
        QCOMPARE(
            StoreLocation::sqlite(QStringLiteral("/tmp/a.db")).withoutSecrets(), QStringLiteral("sqlite:/tmp/a.db"));
    }

    // What the console saves (withoutSecrets) must parse back to the same settings, whatever the
    // values hold (found by the store-location fuzzer).
    void withoutSecrets_roundTripsEveryValue_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::newRow("space in a value") << QStringLiteral("host=db dbname=dpm application_name='my app'");
        QTest::newRow("ampersand and equals") << QStringLiteral("host=db dbname=dpm options='-c search_path=a&b'");
        QTest::newRow("percent") << QStringLiteral("host=db dbname=dpm sslrootcert=/etc/ssl/100%.crt");
        QTest::newRow("ipv6 host") << QStringLiteral("postgres://[::1]/d");
        QTest::newRow("host with a slash") << QStringLiteral("host=run/x dbname=d");
        QTest::newRow("numeric host") << QStringLiteral("host=1 dbname=d");
        QTest::newRow("host list") << QStringLiteral("host=a,b port=5432,5433 dbname=d");
        QTest::newRow("host list, one port") << QStringLiteral("host=a,b port=5432 dbname=d");
        QTest::newRow("host list, a port missing") << QStringLiteral("host=a,b port=,5433 dbname=d");
        QTest::newRow("host list, empty ports") << QStringLiteral("host=a,b port=, dbname=d");
        QTest::newRow("host list uri") << QStringLiteral(
            "postgresql://u@h1:5432,h2:5433/d?target_session_attrs=prefer-standby");
        QTest::newRow("host list uri, ipv6") << QStringLiteral("postgresql://[::1]:5432,[fe80::1]/d?target_session_attrs=read-write");
        QTest::newRow("host list with a socket directory") << QStringLiteral("host=/tmp,h2 port=5432,5433 dbname=d");
        QTest::newRow("socket directory") << QStringLiteral("host=/var/run/postgresql dbname=d");
        QTest::newRow("ipv4 host") << QStringLiteral("host=10.0.0.5 port=5433 dbname=d");
    }
    void withoutSecrets_roundTripsEveryValue()
    {
        QFETCH(QString, dsn);
        const StoreLocation original = StoreLocation::parse(dsn);
        const QString kept = original.withoutSecrets();
        QCOMPARE(StoreLocation::parse(kept).libpqParameters(), original.libpqParameters());
    }

    void withoutSecrets_sqlitePathStartingWithTwoSlashes_roundTrips()
    {
        for (const QString &path : { QStringLiteral("//srv/share/a.db"), QStringLiteral("//") }) {
            const QString kept = StoreLocation::sqlite(path).withoutSecrets();
            QCOMPARE(StoreLocation::parse(kept).sqlitePath(), path);
        }
    }

    void redactSecrets_masksEveryFormOfPassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("uri") << "postgresql://u:MARKER@h/db";
        QTest::newRow("uri, password with @ and :") << "postgresql://u:MA@RK:ER@h/db";
        QTest::newRow("uri without user") << "postgresql://:MARKER@h/db";
        QTest::newRow("misspelled scheme") << "postgresq://u:MARKER@h/db";
        QTest::newRow("one slash") << "postgresql:/u:MARKER@h/db";
        QTest::newRow("pgsql") << "pgsql://u:MARKER@h/db";
        QTest::newRow("mysql") << "\"mysql://u:MARKER@h\" is not a store location";
        QTest::newRow("no scheme") << "u:MARKER@h/db";
        QTest::newRow("key=value") << "host=h password=MARKER dbname=db";
        QTest::newRow("key = 'quoted value'") << "host=h password = 'MA RK\\'ER' dbname=db";
        QTest::newRow("PGPASSWORD") << "PGPASSWORD=MARKER dpmctl runs list";
        QTest::newRow("sslpassword") << "sslpassword=MARKER";
        QTest::newRow("jdbc query") << "jdbc:postgresql://h/db?user=u&password=MARKER&ssl=true";
        QTest::newRow("query, first") << "postgresql://h/db?password=MARKER";
        QTest::newRow("Qt connect options") << "password=MARKER;host=h";
        QTest::newRow("in JSON") << "{\"store\":\"postgresql://u:MARKER@h/db\",\"dsn\":\"password=MARKER\"}";
    }
    void redactSecrets_masksEveryFormOfPassword()
    {
        QFETCH(QString, text);
        const QString out = redactSecrets(text);
        QVERIFY2(!out.contains(QLatin1String("MARKER")) && !out.contains(QLatin1String("MA")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("***")), qPrintable(out));
        QCOMPARE(redactSecrets(out), out); // idempotent
    }

    void redactSecrets_leavesOrdinaryTextAlone()
    {
        for (const QString &text : { QStringLiteral("postgresql://u@h:5432/db?sslmode=require"),
                 QStringLiteral("2026-02-20T12:00:00+00:00 rr_1 user@example"), QStringLiteral("no password supplied"),
                 QStringLiteral("fe_sendauth: password authentication failed for user \"u\"") })
            QCOMPARE(redactSecrets(text), text);
    }

    void parse_foreignOrMisspelledScheme_isInvalidWithoutThePassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("postgresq") << "postgresq://u:MARKER@h/db";
        QTest::newRow("one slash") << "postgresql:/u:MARKER@h/db";
        QTest::newRow("pgsql") << "pgsql://u:MARKER@h/db";
        QTest::newRow("mysql") << "mysql://u:MARKER@h";
        QTest::newRow("mysql with query") << "mysql://u:MARKER@h/db?x=1";
        QTest::newRow("jdbc") << "jdbc:postgresql://h/db?user=u&password=MARKER";
        QTest::newRow("key is no keyword") << "postgresql//u:MARKER@h/db?x=1";
    }
    void parse_foreignOrMisspelledScheme_isInvalidWithoutThePassword()
    {
        QFETCH(QString, text);
        try {
            const StoreLocation location = StoreLocation::parse(text);
            QFAIL(qPrintable(QStringLiteral("accepted as ") + location.redacted()));
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("STORE_LOCATION_INVALID"));
            QVERIFY2(!e.message().contains(QLatin1String("MARKER")), qPrintable(e.message()));
            QVERIFY(!QString::fromUtf8(e.what()).contains(QLatin1String("MARKER")));
        }
    }

    void redacted_masksPasswordsInsideOtherValues()
    {
        const QString shown
            = StoreLocation::parse(QStringLiteral("host=h dbname=db options='-c password=MARKER'")).redacted();
        QVERIFY2(!shown.contains(QLatin1String("MARKER")), qPrintable(shown));
    }

    void redactSecrets_masksFreeText()
    {
        const QString text = QStringLiteral("failed for postgresql://u:s3cret@h/db and password='a b' PASSWORD=x");
        const QString out = redactSecrets(text);
        QVERIFY(!out.contains(QLatin1String("s3cret")));
        QVERIFY(!out.contains(QLatin1String("a b")));
        QVERIFY(out.contains(QLatin1String("postgresql://u:***@h/db")));
    }

    void fromEnvironment_followsServiceVariables()
    {
        QProcessEnvironment env;
        QVERIFY(!StoreLocation::fromEnvironment(env).has_value());

        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral(" sqlite "));
        QCOMPARE(StoreLocation::fromEnvironment(env)->sqlitePath(), QStringLiteral(".data/dpm_supportability.db"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_SQLITE_PATH"), QStringLiteral("/a.db"));
        QCOMPARE(StoreLocation::fromEnvironment(env)->sqlitePath(), QStringLiteral("/a.db"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_SQL_PATH"), QStringLiteral("/b.db"));
        QCOMPARE(StoreLocation::fromEnvironment(env)->sqlitePath(), QStringLiteral("/b.db"));

        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("IN_MEMORY"));
        QCOMPARE(StoreLocation::fromEnvironment(env)->backend(), StoreBackend::InMemory);
    }

    void fromEnvironment_errorsCarryServiceCodes()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        try {
            StoreLocation::fromEnvironment(env);
            QFAIL("expected DSN_REQUIRED");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED"));
        }
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("ORACLE"));
        try {
            StoreLocation::fromEnvironment(env);
            QFAIL("expected BACKEND_UNSUPPORTED");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED"));
        }
    }
    void proposalStoreFromEnvironment_followsServiceVariables()
    {
        QProcessEnvironment env;
        QVERIFY(!StoreLocation::proposalStoreFromEnvironment(env));
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("IN_MEMORY"));
        env.insert(QStringLiteral("PROPOSAL_POSTGRES_DSN"), QStringLiteral("postgresql://p@h/advisory"));
        QVERIFY(!StoreLocation::proposalStoreFromEnvironment(env)); // proposals in the service's memory
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral(" postgres "));
        QCOMPARE(StoreLocation::proposalStoreFromEnvironment(env)->libpqParameter(QStringLiteral("dbname")),
            QStringLiteral("advisory"));

        const auto codeOf = [&] {
            try {
                StoreLocation::proposalStoreFromEnvironment(env);
            } catch (const Error &e) {
                return e.code();
            }
            return QString();
        };
        env.insert(QStringLiteral("PROPOSAL_POSTGRES_DSN"), QStringLiteral("sqlite:/a.db"));
        QCOMPARE(codeOf(), QStringLiteral("PROPOSAL_POSTGRES_DSN_REQUIRED"));
        env.remove(QStringLiteral("PROPOSAL_POSTGRES_DSN"));
        QCOMPARE(codeOf(), QStringLiteral("PROPOSAL_POSTGRES_DSN_REQUIRED"));
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("SQLITE"));
        QCOMPARE(codeOf(), QStringLiteral("PROPOSAL_STORE_BACKEND_UNSUPPORTED"));
    }

    void resolveStoreLocation_separateProposalStore()
    {
        QProcessEnvironment env;
        // --proposal-store beside --store; the same place twice is one store.
        ResolvedLocation r = resolveStoreLocation(
            QStringLiteral("sqlite:/dpm.db"), env, QStringLiteral("postgresql://p:S3cret@h/advisory"));
        QVERIFY(r.location.proposalStore());
        QCOMPARE(r.location.proposalStore()->redacted(), QStringLiteral("postgresql://p:***@h/advisory"));
        QCOMPARE(r.location.redacted(), QStringLiteral("sqlite:/dpm.db"));
        QCOMPARE(r.location.withoutSecrets(), QStringLiteral("sqlite:/dpm.db"));
        QVERIFY(!r.location.withoutProposalStore().proposalStore());
        QVERIFY(!resolveStoreLocation(QStringLiteral("sqlite:/dpm.db"), env, QStringLiteral("sqlite:/dpm.db"))
                    .location.proposalStore());
        QVERIFY(!resolveStoreLocation(QStringLiteral("sqlite:/dpm.db"), env).location.proposalStore());

        // The service's pair of databases, from its variables.
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), QStringLiteral("postgresql://d@h/dpm"));
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        env.insert(QStringLiteral("PROPOSAL_POSTGRES_DSN"), QStringLiteral("postgresql://d@h/dpm"));
        QVERIFY(!resolveStoreLocation(std::nullopt, env).location.proposalStore()); // the same database
        env.insert(QStringLiteral("PROPOSAL_POSTGRES_DSN"), QStringLiteral("postgresql://p@h/advisory"));
        r = resolveStoreLocation(std::nullopt, env);
        QCOMPARE(r.location.libpqParameter(QStringLiteral("dbname")), QStringLiteral("dpm"));
        QVERIFY(r.location.proposalStore());
        QCOMPARE(r.location.proposalStore()->libpqParameter(QStringLiteral("dbname")), QStringLiteral("advisory"));
        // A --store given by hand names the one store meant; --proposal-store overrides the variables.
        QVERIFY(!resolveStoreLocation(QStringLiteral("sqlite:/dpm.db"), env).location.proposalStore());
        r = resolveStoreLocation(std::nullopt, env, QStringLiteral("sqlite:/p.db"));
        QCOMPARE(r.location.proposalStore()->sqlitePath(), QStringLiteral("/p.db"));
    }
};

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "tst_storelocation.moc"
