// The connect dialog: fields and connection strings become the expected StoreLocation, a typed
// password reaches only location() (never the settings file), invalid input is explained and
// blocks Connect, and "Test connection" reports real outcomes without freezing the dialog.

#include "connect/connectdialog.h"
#include "common/consolesettings.h"
#include "connect/passwordprompt.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace dpm;
using dpm::test::byName;

namespace {

void typeInto(QWidget *root, const QString &accessibleName, const QString &text)
{
    auto *edit = byName<QLineEdit>(root, accessibleName);
    QVERIFY2(edit, qPrintable(accessibleName));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Answers the next modal QInputDialog (Save as…) with a name.
void answerNextInputDialog(const QString &text)
{
    QTimer::singleShot(0, [text] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    });
}

} // namespace

class TestConnectDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ini;

    static QPushButton *okButton(ConnectDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QLabel *validation(ConnectDialog &dialog)
    {
        return byName<QLabel>(&dialog, QStringLiteral("Location check"));
    }
    static QLabel *result(ConnectDialog &dialog)
    {
        return byName<QLabel>(&dialog, QStringLiteral("Connection test result"));
    }
    static void choosePostgres(ConnectDialog &dialog, bool connectionString)
    {
        auto *backend = byName<QComboBox>(&dialog, QStringLiteral("Backend"));
        backend->setCurrentIndex(backend->findText(QStringLiteral("PostgreSQL")));
        auto *mode = byName<QRadioButton>(&dialog,
            connectionString ? QStringLiteral("Enter a connection string")
                             : QStringLiteral("Enter the connection as fields"));
        QTest::mouseClick(mode, Qt::LeftButton);
        QVERIFY(mode->isChecked());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ini = m_dir.filePath(QStringLiteral("settings.ini"));
        ConsoleSettings::instance().setFileForTesting(m_ini);
    }

    void init() { ConsoleSettings::instance().setSavedConnections({}); }

    void fields_giveThePostgresLocation()
    {
        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, false);
        typeInto(&dialog, QStringLiteral("Host"), QStringLiteral("db.example"));
        auto *port = byName<QSpinBox>(&dialog, QStringLiteral("Port"));
        QCOMPARE(port->value(), 5432);
        port->setFocus();
        port->selectAll();
        QTest::keyClicks(port, QStringLiteral("6543"));
        typeInto(&dialog, QStringLiteral("Database"), QStringLiteral("dpm"));
        typeInto(&dialog, QStringLiteral("User"), QStringLiteral("alice"));
        auto *ssl = byName<QComboBox>(&dialog, QStringLiteral("SSL mode"));
        QCOMPARE(ssl->currentText(), QStringLiteral("prefer"));
        ssl->setCurrentText(QStringLiteral("verify-full"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const QMap<QString, QString> expected { { QStringLiteral("host"), QStringLiteral("db.example") },
            { QStringLiteral("port"), QStringLiteral("6543") }, { QStringLiteral("dbname"), QStringLiteral("dpm") },
            { QStringLiteral("user"), QStringLiteral("alice") },
            { QStringLiteral("sslmode"), QStringLiteral("verify-full") } };
        QCOMPARE(dialog.location().backend(), StoreBackend::Postgres);
        QCOMPARE(dialog.location().libpqParameters(), expected);
    }

    void connectionString_parsesUriAndService()
    {
        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, true);
        typeInto(&dialog, QStringLiteral("Connection string"), QStringLiteral("service=dpm-prod"));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(validation(dialog)->text().contains(QStringLiteral("postgresql://")));
        QVERIFY(dialog.currentLocation().libpqParameter(QStringLiteral("service")) == QStringLiteral("dpm-prod"));

        typeInto(
            &dialog, QStringLiteral("Connection string"), QStringLiteral("postgresql://bob@pg.internal:5433/audit"));
        QTest::keyClick(byName<QLineEdit>(&dialog, QStringLiteral("Connection string")), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.location().libpqParameter(QStringLiteral("host")), QStringLiteral("pg.internal"));
        QCOMPARE(dialog.location().libpqParameter(QStringLiteral("port")), QStringLiteral("5433"));
        QCOMPARE(dialog.location().libpqParameter(QStringLiteral("dbname")), QStringLiteral("audit"));
    }

    void invalidConnectionString_showsCodeAndDisablesConnect()
    {
        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, true);
        typeInto(&dialog, QStringLiteral("Connection string"), QStringLiteral("host=db dbname"));
        QVERIFY2(validation(dialog)->text().contains(QStringLiteral("STORE_LOCATION_INVALID")),
            qPrintable(validation(dialog)->text()));
        QVERIFY(validation(dialog)->text().contains(QStringLiteral("missing")));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!byName<QPushButton>(&dialog, QStringLiteral("Test connection"))->isEnabled());
        // A SQLite path is not a PostgreSQL connection string.
        typeInto(&dialog, QStringLiteral("Connection string"), QStringLiteral("/tmp/a.db"));
        QVERIFY(validation(dialog)->text().contains(QStringLiteral("STORE_LOCATION_INVALID")));
        QVERIFY(!okButton(dialog)->isEnabled());
        // Fields without a database name are invalid too.
        choosePostgres(dialog, false);
        QVERIFY(validation(dialog)->text().contains(QStringLiteral("STORE_LOCATION_INVALID")));
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void typedPassword_isInLocationButNeverInSettingsFile()
    {
        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, false);
        typeInto(&dialog, QStringLiteral("Host"), QStringLiteral("db.example"));
        typeInto(&dialog, QStringLiteral("Database"), QStringLiteral("dpm"));
        typeInto(&dialog, QStringLiteral("User"), QStringLiteral("alice"));
        typeInto(&dialog, QStringLiteral("Password"), QStringLiteral("Typed-S3cret"));
        QVERIFY(!validation(dialog)->text().contains(QStringLiteral("Typed-S3cret")));

        answerNextInputDialog(QStringLiteral("Production"));
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Save the connection as")), Qt::LeftButton);
        const QList<SavedConnection> saved = ConsoleSettings::instance().savedConnections();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().name, QStringLiteral("Production"));
        QVERIFY(!saved.first().location.contains(QStringLiteral("Typed-S3cret")));

        // A password inside a connection string is not saved either.
        choosePostgres(dialog, true);
        typeInto(&dialog, QStringLiteral("Password"), QString());
        typeInto(&dialog, QStringLiteral("Connection string"), QStringLiteral("postgresql://bob:Inline-S3cret@h/db"));
        answerNextInputDialog(QStringLiteral("Inline"));
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Save the connection as")), Qt::LeftButton);
        QCOMPARE(ConsoleSettings::instance().savedConnections().size(), 2);

        typeInto(&dialog, QStringLiteral("Password"), QStringLiteral("Typed-S3cret"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.location().libpqParameter(QStringLiteral("password")), QStringLiteral("Typed-S3cret"));

        QSettings(m_ini, QSettings::IniFormat).sync();
        ConsoleSettings::instance().setFileForTesting(m_ini); // flush and reopen the file
        QFile file(m_ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains("Production"), bytes.constData());
        QVERIFY(!bytes.contains("Typed-S3cret"));
        QVERIFY(!bytes.contains("Inline-S3cret"));
        QVERIFY(!bytes.contains("S3cret"));
    }

    void selectingSavedConnection_fillsFieldsWithoutPassword()
    {
        ConsoleSettings::instance().setSavedConnections(
            { { QStringLiteral("Audit"), QStringLiteral("postgresql://carol@pg.example:5433/audit?sslmode=require") },
                { QStringLiteral("Service"), QStringLiteral("service=dpm-prod") } });
        ConsoleSettings::instance().addRecentStore(QStringLiteral("sqlite:/tmp/recent.db"));
        ConnectDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog)); // shortcuts go to the active window
        auto *list = byName<QTreeWidget>(&dialog, QStringLiteral("Saved connections and recent stores"));
        QVERIFY(list);
        const QList<QTreeWidgetItem *> audit = list->findItems(QStringLiteral("Audit"), Qt::MatchRecursive);
        QCOMPARE(audit.size(), 1);
        QVERIFY(audit.first()->text(1).contains(QStringLiteral("pg.example")));
        list->setFocus();
        list->setCurrentItem(audit.first());
        QCOMPARE(byName<QLineEdit>(&dialog, QStringLiteral("Host"))->text(), QStringLiteral("pg.example"));
        QCOMPARE(byName<QSpinBox>(&dialog, QStringLiteral("Port"))->value(), 5433);
        QCOMPARE(byName<QLineEdit>(&dialog, QStringLiteral("Database"))->text(), QStringLiteral("audit"));
        QCOMPARE(byName<QComboBox>(&dialog, QStringLiteral("SSL mode"))->currentText(), QStringLiteral("require"));
        QVERIFY(byName<QLineEdit>(&dialog, QStringLiteral("Password"))->text().isEmpty());
        QVERIFY(byName<QPushButton>(&dialog, QStringLiteral("Delete the saved connection"))->isEnabled());

        // A service entry does not fit the fields: it opens as a connection string.
        list->setCurrentItem(list->findItems(QStringLiteral("Service"), Qt::MatchRecursive).first());
        QVERIFY(byName<QRadioButton>(&dialog, QStringLiteral("Enter a connection string"))->isChecked());
        QCOMPARE(dialog.currentLocation().libpqParameter(QStringLiteral("service")), QStringLiteral("dpm-prod"));

        const QList<QTreeWidgetItem *> recent
            = list->findItems(QStringLiteral("sqlite:/tmp/recent.db"), Qt::MatchRecursive);
        QCOMPARE(recent.size(), 1);
        list->setCurrentItem(recent.first());
        QCOMPARE(byName<QLineEdit>(&dialog, QStringLiteral("SQLite file"))->text(), QStringLiteral("/tmp/recent.db"));
        QVERIFY(!byName<QPushButton>(&dialog, QStringLiteral("Delete the saved connection"))->isEnabled());

        // Delete removes a saved entry (keyboard: the Delete key on the list).
        list->setCurrentItem(list->findItems(QStringLiteral("Audit"), Qt::MatchRecursive).first());
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(ConsoleSettings::instance().savedConnections().size(), 1);
        QCOMPARE(ConsoleSettings::instance().savedConnections().first().name, QStringLiteral("Service"));
    }

    void proposalStoreField_givesSeparateProposalStore_rememberedWithoutPassword()
    {
        ConnectDialog dialog;
        dialog.show();
        typeInto(&dialog, QStringLiteral("SQLite file"), QStringLiteral("/tmp/split-dpm.db"));
        QVERIFY(!dialog.currentLocation().proposalStore()); // empty: the store holds the proposals

        // Text that is no location is explained and blocks Connect.
        typeInto(&dialog, QStringLiteral("Proposal store"), QStringLiteral("not a location"));
        QVERIFY(validation(dialog)->text().contains(QStringLiteral("STORE_LOCATION_INVALID")));
        QVERIFY(!okButton(dialog)->isEnabled());

        typeInto(&dialog, QStringLiteral("Proposal store"),
            QStringLiteral("postgresql://erin:Prop-S3cret@pg.example/advisory"));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY2(validation(dialog)->text().contains(QStringLiteral("proposals from postgresql://erin:***@pg.example")),
            qPrintable(validation(dialog)->text()));
        QVERIFY(!validation(dialog)->text().contains(QStringLiteral("Prop-S3cret")));

        answerNextInputDialog(QStringLiteral("Split"));
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Save the connection as")), Qt::LeftButton);
        QCOMPARE(ConsoleSettings::instance().proposalStoreFor(QStringLiteral("sqlite:/tmp/split-dpm.db")),
            QStringLiteral("postgresql://erin@pg.example/advisory"));

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.location().backend(), StoreBackend::Sqlite);
        const StoreLocation *proposals = dialog.location().proposalStore();
        QVERIFY(proposals);
        QCOMPARE(proposals->libpqParameter(QStringLiteral("dbname")), QStringLiteral("advisory"));
        // The typed password reaches the connection, and only it.
        QCOMPARE(proposals->libpqParameter(QStringLiteral("password")), QStringLiteral("Prop-S3cret"));

        // Choosing the saved store again brings its proposal store back, without the password.
        ConnectDialog again;
        again.show();
        auto *list = byName<QTreeWidget>(&again, QStringLiteral("Saved connections and recent stores"));
        list->setCurrentItem(list->findItems(QStringLiteral("Split"), Qt::MatchRecursive).first());
        QCOMPARE(byName<QLineEdit>(&again, QStringLiteral("Proposal store"))->text(),
            QStringLiteral("postgresql://erin@pg.example/advisory"));
        QVERIFY(again.currentLocation().proposalStore());
        // The same place as the store is no separate proposal store.
        typeInto(&again, QStringLiteral("Proposal store"), QStringLiteral("sqlite:/tmp/split-dpm.db"));
        QVERIFY(!again.currentLocation().proposalStore());

        ConsoleSettings::instance().setFileForTesting(m_ini); // flush and reopen the file
        QFile file(m_ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("advisory"));
        QVERIFY(!bytes.contains("Prop-S3cret"));
    }

    void testConnection_onRealPostgres_showsSchemaState()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = test::PgServer::instance().createDatabase(QStringLiteral("connectdialog"));
        openStore(location, OpenOptions { .applyMigrations = true });

        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, true);
        typeInto(&dialog, QStringLiteral("Connection string"), location.withoutSecrets());
        QSignalSpy finished(&dialog, &ConnectDialog::testFinished);
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Test connection")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), true);
        const QString text = result(dialog)->text();
        QVERIFY2(text.contains(QStringLiteral("Connected")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("PostgreSQL")));
        QVERIFY(text.contains(QStringLiteral("up to date")));
        QVERIFY(!byName<QProgressBar>(&dialog, QStringLiteral("Testing the connection"))->isVisible());
    }

    void testConnection_closedPort_showsConnectionErrorCode()
    {
        // A port nothing listens on: bind one, then close it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();

        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, true);
        typeInto(&dialog, QStringLiteral("Connection string"),
            QStringLiteral("postgresql://postgres:Never-Shown@127.0.0.1:%1/nothing").arg(port));
        QSignalSpy finished(&dialog, &ConnectDialog::testFinished);
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Test connection")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), false);
        const QString text = result(dialog)->text();
        QVERIFY2(text.contains(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Never-Shown")));
    }

    void testConnection_silentServer_staysResponsiveAndCanBeStopped()
    {
        // A server that accepts and never answers: libpq waits for its connect timeout (10 s).
        auto silent = std::make_unique<QTcpServer>();
        QVERIFY(silent->listen(QHostAddress::LocalHost));
        ConnectDialog dialog;
        dialog.show();
        choosePostgres(dialog, true);
        typeInto(&dialog, QStringLiteral("Connection string"),
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/hang").arg(silent->serverPort()));
        QSignalSpy finished(&dialog, &ConnectDialog::testFinished);
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Test connection")), Qt::LeftButton);
        QVERIFY(dialog.isTesting());
        QTRY_VERIFY(silent->hasPendingConnections()); // the attempt reached the server
        auto *busy = byName<QProgressBar>(&dialog, QStringLiteral("Testing the connection"));
        QVERIFY(busy->isVisible());

        // The UI thread keeps serving events while the attempt hangs.
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&] { ++ticks; });
        timer.start(10);
        QTRY_VERIFY(ticks >= 5);
        QVERIFY(dialog.isTesting());
        QVERIFY(finished.isEmpty());

        auto *stop = byName<QPushButton>(&dialog, QStringLiteral("Stop testing the connection"));
        QVERIFY(stop->isVisible());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QVERIFY(!busy->isVisible());
        QCOMPARE(finished.size(), 1);
        QVERIFY(result(dialog)->text().contains(QStringLiteral("stopped")));
        // A dialog closed while its test hangs: the late result has nobody to reach, and must
        // not crash (Qt 6.4 asserts on a QFuture::then context destroyed before the future ends).
        auto *second = new ConnectDialog;
        second->setLocation(
            StoreLocation::parse(QStringLiteral("postgresql://postgres@127.0.0.1:%1/hang").arg(silent->serverPort())));
        second->testConnection();
        QVERIFY(second->isTesting());
        delete second;
        // Closing the server ends both abandoned attempts on their threads; the sessions wind
        // down on the global pool.
        silent.reset();
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
    }

    void sqliteMissingFile_testSaysItWillBeCreatedAndDoesNotCreateIt()
    {
        ConnectDialog dialog;
        dialog.show();
        const QString path = m_dir.filePath(QStringLiteral("new-store.db"));
        typeInto(&dialog, QStringLiteral("SQLite file"), path);
        QSignalSpy finished(&dialog, &ConnectDialog::testFinished);
        QTest::mouseClick(byName<QPushButton>(&dialog, QStringLiteral("Test connection")), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(result(dialog)->text().contains(QStringLiteral("does not exist yet")));
        QVERIFY(!QFileInfo::exists(path));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.location().backend(), StoreBackend::Sqlite);
        QCOMPARE(dialog.location().sqlitePath(), path);
    }

    void everyInputHasAnAccessibleName()
    {
        ConnectDialog dialog;
        for (QWidget *widget : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)) {
                if (widget->parentWidget() && qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
                    continue; // the spin box's own line edit
                if (widget->parentWidget() && qobject_cast<QComboBox *>(widget->parentWidget()))
                    continue;
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
            }
        }
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
