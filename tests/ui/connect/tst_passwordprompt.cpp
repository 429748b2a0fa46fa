// The password prompt against a real PostgreSQL that requires a password for one role: the
// failure is recognised, the prompt names the user and the redacted location, and the answer
// opens the store through withPassword() only.

#include "connect/passwordprompt.h"
#include "pgserver.h"
#include "services/storeopening.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QTcpServer>
#include <QTimer>
#include <QtTest>

using namespace dpm;

namespace {

const QString kRole = QStringLiteral("dpm_pw_user");
const QString kPassword = QStringLiteral("Pw-Secret-42");

// Opens a store at the location; the error, or nullopt when it opened.
std::optional<Error> openError(const StoreLocation &location)
{
    try {
        openStore(location);
    } catch (const Error &error) {
        return error;
    }
    return std::nullopt;
}

} // namespace

class TestPasswordPrompt : public QObject
{
    Q_OBJECT

private:
    StoreLocation m_location;

private Q_SLOTS:
    void initTestCase()
    {
        // Only the prompt may supply the password here.
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/pgpass");
        DPM_REQUIRE_POSTGRES();
        auto &server = test::PgServer::instance();
        const StoreLocation database = server.createDatabase(QStringLiteral("passwordprompt"));
        openStore(database, OpenOptions { .applyMigrations = true });
        server.execAsSuperuser(QStringLiteral("postgres"),
            QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD '%2'").arg(kRole, kPassword));
        // This process's throwaway server only: scram for the role, trust for everyone else.
        server.execAsSuperuser(QStringLiteral("postgres"),
            QStringLiteral("DO $$ BEGIN EXECUTE format('COPY (SELECT unnest(ARRAY["
                           "''host all %1 127.0.0.1/32 scram-sha-256'', ''local all all trust'', "
                           "''host all all 127.0.0.1/32 trust'', ''host all all ::1/128 trust''])) TO %L', "
                           "current_setting('hba_file')); END $$")
                .arg(kRole));
        server.execAsSuperuser(QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"));
        QMap<QString, QString> parameters = database.libpqParameters();
        parameters.insert(QStringLiteral("user"), kRole);
        m_location = StoreLocation::postgres(parameters);
        // The reload takes effect shortly after the signal.
        QTRY_VERIFY_WITH_TIMEOUT(openError(m_location).has_value(), 10000);
    }

    void noPassword_needsPassword()
    {
        const std::optional<Error> error = openError(m_location);
        QVERIFY(error);
        QCOMPARE(error->code(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
        QVERIFY2(needsPassword(*error), qPrintable(error->message()));
    }

    void wrongPassword_needsPasswordAndIsNotEchoed()
    {
        const std::optional<Error> error = openError(m_location.withPassword(QStringLiteral("Wrong-Guess-7")));
        QVERIFY(error);
        QVERIFY2(needsPassword(*error), qPrintable(error->message()));
        QVERIFY(!error->message().contains(QStringLiteral("Wrong-Guess-7")));
    }

    void refusedConnection_doesNotNeedPassword()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const std::optional<Error> error
            = openError(StoreLocation::parse(QStringLiteral("postgresql://u@127.0.0.1:%1/x").arg(port)));
        QVERIFY(error);
        QCOMPARE(error->code(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
        QVERIFY(!needsPassword(*error));
        QVERIFY(!needsPassword(Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_FAILED"),
            QStringLiteral("password authentication failed"))));
    }

    void askPassword_answerOpensTheStore()
    {
        QString label;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            label = dialog->labelText();
            auto *edit = dialog->findChild<QLineEdit *>();
            QCOMPARE(edit->echoMode(), QLineEdit::Password);
            QTest::keyClicks(edit, kPassword);
            QTest::keyClick(edit, Qt::Key_Return);
        });
        const std::optional<QString> answer = askPassword(nullptr, m_location);
        QCOMPARE(answer, std::optional<QString>(kPassword));
        QVERIFY2(label.contains(kRole), qPrintable(label));
        QVERIFY(label.contains(m_location.redacted()));
        QVERIFY(!label.contains(kPassword));
        QVERIFY(!openError(m_location.withPassword(*answer)).has_value());
    }

    void askPassword_cancelled_isNullopt()
    {
        QTimer::singleShot(0, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QCOMPARE(askPassword(nullptr, m_location), std::nullopt);
        QCOMPARE(askPassword(nullptr, StoreLocation::memory()), std::nullopt); // nothing to ask
    }
};

QTEST_MAIN(TestPasswordPrompt)
#include "tst_passwordprompt.moc"
