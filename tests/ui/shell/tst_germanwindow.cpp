// The console in German, as on a system with LANG=de_DE.UTF-8 or with Deutsch chosen in Edit →
// Preferences: the navigation, a listing's columns, filters and buttons, the menus, and Qt's own
// texts (qtbase) speak German.
#include "awaitfuture.h"
#include "common/consolesettings.h"
#include "common/consoletranslations.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "listing/listingview.h"
#include "admin/adminpage.h"
#include "listing/runspage.h"
#include "shell/mainwindow.h"
#include "shell/preferencesdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;
using dpm::test::await;

namespace {

QStringList navigationTexts(MainWindow &window)
{
    QStringList texts;
    auto *navigation = window.findChild<QListWidget *>();
    for (int i = 0; navigation && i < navigation->count(); ++i)
        texts << navigation->item(i)->text();
    return texts;
}

QStringList buttonTexts(QWidget *root)
{
    QStringList texts;
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>())
        texts << button->text();
    return texts;
}

} // namespace

class TestGermanWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    StoreLocation m_location = StoreLocation::memory();

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        setApplicationIdentity();
        ConsoleSettings::instance().setFileForTesting(m_dir.filePath(QStringLiteral("settings.ini")));
        m_location = StoreLocation::sqlite(m_dir.filePath(QStringLiteral("demo.db")));
        StoreSession session(m_location);
        await(session.open(OpenOptions { .applyMigrations = true }));
        DemoOptions options;
        options.runCount = 50;
        await(session.run([options](SupportStore &store) { return generateDemoData(store, options); }), 180000);
        // What dpm-console's main() does with the settings' language.
        ConsoleSettings::instance().setLanguage(QStringLiteral("de"));
        QVERIFY(installConsoleTranslations(qApp, ConsoleSettings::instance().language()));
    }

    void cleanupTestCase()
    {
        QThreadPool::globalInstance()->waitForDone();
        ConsoleSettings::instance().closeFileForTesting();
    }

    void mainWindow_speaksGerman()
    {
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(m_location, false, false);
        QVERIFY(opened.wait(60000));

        QCOMPARE(navigationTexts(window),
            (QStringList { QStringLiteral("Läufe"), QStringLiteral("Entscheidungen"), QStringLiteral("Vorgänge"),
                QStringLiteral("Vorschläge"), QStringLiteral("Outbox"), QStringLiteral("Herkunft"),
                QStringLiteral("Übersicht"), QStringLiteral("Verwaltung") }));

        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus,
            (QStringList { QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Gehe zu"),
                QStringLiteral("&Hilfe") }));

        // The runs listing: its column headers, its footer and its filter buttons.
        QTableView *table = window.runsPage()->listing()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QStringList headers;
        for (int c = 0; c < table->model()->columnCount(); ++c)
            headers << table->model()->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
            (QStringList { QStringLiteral("Erstellt"), QStringLiteral("Status"), QStringLiteral("Lauf-ID"),
                QStringLiteral("Portfolio"), QStringLiteral("Korrelations-ID"), QStringLiteral("Idempotenzschlüssel"),
                QStringLiteral("Anfrage-Hash") }));
        QTRY_COMPARE(window.runsPage()->listing()->footerText(), QStringLiteral("Alle 50 Zeilen geladen"));
        QVERIFY2(buttonTexts(window.runsPage()).contains(QStringLiteral("Filter &zurücksetzen")),
            qPrintable(buttonTexts(window.runsPage()).join(u'|')));

        window.showPage(QStringLiteral("admin"));
        const QStringList adminButtons = buttonTexts(window.adminPage());
        QVERIFY2(adminButtons.contains(QStringLiteral("&Entsperren…")), qPrintable(adminButtons.join(u'|')));
        QVERIFY2(window.statusText().contains(QStringLiteral("Profil LOCAL")), qPrintable(window.statusText()));
    }

    // Qt's own texts (qtbase_de.qm) come with the console's: standard buttons speak German too.
    void standardButtons_speakGerman()
    {
        PreferencesDialog dialog;
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
        // Each language is offered under its own name.
        auto *language = dialog.findChild<QComboBox *>();
        QVERIFY(language);
        QCOMPARE(language->itemText(0), QStringLiteral("Systemsprache"));
        QCOMPARE(language->itemText(2), QStringLiteral("Deutsch"));
        QCOMPARE(dialog.language(), QStringLiteral("de"));
    }
};

QTEST_MAIN(TestGermanWindow)
#include "tst_germanwindow.moc"
