// The password prompt against a real PostgreSQL that requires a password for one role: the
// failure is recognised, the prompt names the user and the redacted location, and the answer
// opens the store through withPassword() only. The console asks it for a separate proposal store
// too (naming that store), and without it opens the DPM pages with the proposals unreachable.

#include "common/consolesettings.h"
#include "connect/passwordprompt.h"
#include "pgserver.h"
#include "proposals/proposalspage.h"
#include "services/storeopening.h"
#include "shell/mainwindow.h"
#include "shell/omnisearch.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
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

// Answers each password prompt that opens with `answer` (the dialog's label is kept in
// *labels); stops when `timer` is deleted.
QTimer *answerPrompts(const std::function<void(QInputDialog *)> &answer, QStringList *labels)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, timer, [answer, labels] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QLatin1String("passwordPrompt") || dialog->property("answered").toBool())
            return;
        dialog->setProperty("answered", true);
        *labels << dialog->labelText();
        answer(dialog);
    });
    timer->start();
    return timer;
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

    // The store opens; its proposal store (PostgreSQL without a password in its URL) asks with the
    // same prompt, naming the proposal store; the answer opens it and is never saved.
    void mainWindow_proposalStoreWantsPassword_askedNamingItAndNotSaved()
    {
        QTemporaryDir dir;
        ConsoleSettings::instance().setFileForTesting(dir.filePath(QStringLiteral("console.ini")));
        const StoreLocation store = StoreLocation::sqlite(dir.filePath(QStringLiteral("dpm.db")));
        openStore(store, OpenOptions { .applyMigrations = true });
        QStringList labels;
        std::unique_ptr<QTimer> prompts(answerPrompts(
            [](QInputDialog *dialog) {
                auto *edit = dialog->findChild<QLineEdit *>();
                QTest::keyClicks(edit, kPassword);
                QTest::keyClick(edit, Qt::Key_Return);
            },
            &labels));
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(store.withProposalStore(m_location), false, false);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 30000); // without the password, then with it
        QCOMPARE(labels.size(), 1);
        QVERIFY2(labels.first().contains(QLatin1String("proposal store")), qPrintable(labels.first()));
        QVERIFY(labels.first().contains(kRole));
        QVERIFY(labels.first().contains(m_location.redacted()));
        QVERIFY(window.storeInfo().proposalsNotice.isEmpty());
        QVERIFY(!window.proposalsPage()->isUnavailable());
        QVERIFY(window.proposalsPage()->retryButton()->isHidden());

        const QString remembered = ConsoleSettings::instance().proposalStoreFor(store.withoutSecrets());
        QVERIFY(remembered.contains(kRole));
        QVERIFY(!remembered.contains(kPassword));
        ConsoleSettings::instance().setFileForTesting(dir.filePath(QStringLiteral("other.ini"))); // flushes
        QFile file(dir.filePath(QStringLiteral("console.ini")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kPassword.toUtf8()));
    }

    // Without the proposal store's password the DPM pages open; the Proposals page says the
    // proposal store is unreachable and why, and Retry asks for the password again.
    void mainWindow_proposalStorePasswordCancelled_dpmOpensProposalsSayWhyAndRetry()
    {
        QTemporaryDir dir;
        ConsoleSettings::instance().setFileForTesting(dir.filePath(QStringLiteral("console.ini")));
        const StoreLocation store = StoreLocation::sqlite(dir.filePath(QStringLiteral("dpm.db")));
        openStore(store, OpenOptions { .applyMigrations = true });
        QStringList labels;
        std::unique_ptr<QTimer> prompts(
            answerPrompts([](QInputDialog *dialog) { QTest::keyClick(dialog, Qt::Key_Escape); }, &labels));
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(store.withProposalStore(m_location), false, false);
        QVERIFY(opened.wait(30000));
        QTRY_COMPARE(labels.size(), 1);
        QVERIFY(window.storeInfo().hasSchema);
        QCOMPARE(window.currentPlace().page, QStringLiteral("runs"));
        ProposalsPage *page = window.proposalsPage();
        QVERIFY(page->isUnavailable());
        QVERIFY2(page->storeNotice().contains(QLatin1String("unreachable")), qPrintable(page->storeNotice()));
        QVERIFY2(page->storeNotice().contains(QLatin1String("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED")),
            qPrintable(page->storeNotice()));
        QVERIFY(!page->storeNotice().contains(kPassword));
        QVERIFY(!page->retryButton()->isHidden());

        window.showPage(QStringLiteral("proposals"));
        QTest::mouseClick(page->retryButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(labels.size(), 2, 30000); // the retry found it wants the password
        QVERIFY(page->isUnavailable());
        QVERIFY(!page->retryButton()->isHidden());
        QCOMPARE(opened.count(), 1);

        // The omni-search answers from the store and says the proposals were not searched, and why.
        QSignalSpy handled(&window, &MainWindow::searchHandled);
        window.omniSearch()->search(QStringLiteral("rr_nowhere"));
        QVERIFY(handled.wait(30000));
        const QString said = window.statusBar()->currentMessage();
        QVERIFY2(said.contains(QLatin1String("Proposals were not searched (PROPOSAL_STORE_UNREACHABLE)")),
            qPrintable(said));
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
