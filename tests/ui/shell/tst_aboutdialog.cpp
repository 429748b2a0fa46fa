// Help → About: the same facts as dpm-console --version, and every library the console links
// with its licence; Copy puts them on the clipboard for a ticket.

#include "domain/appidentity.h"
#include "domain/buildinfo.h"
#include "shell/aboutdialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QtTest>

using namespace dpm;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setApplicationIdentity(); }

    void about_saysVersionRevisionQtDriversAndLicences()
    {
        AboutDialog dialog;
        auto *details = dialog.findChild<QTextBrowser *>(QStringLiteral("aboutDetails"));
        QVERIFY(details);
        const QString shown = details->toPlainText();
        const QString title = dialog.findChild<QLabel *>(QStringLiteral("aboutTitle"))->text();
        QVERIFY2(title.contains(buildVersion()), qPrintable(title));
        QVERIFY2(shown.contains(buildRevision()), qPrintable(shown));
        QVERIFY2(shown.contains(QString::fromLatin1(qVersion())), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("QSQLITE")) && shown.contains(QLatin1String("QPSQL")), qPrintable(shown));
        for (const char *licence :
            { "LGPL-3.0-only", "GPL-3.0-only", "public domain", "PostgreSQL", "Apache-2.0", "EPL-1.0" })
            QVERIFY2(shown.contains(QLatin1String(licence)), licence);
        for (const char *library : { "Qt", "Qt Charts", "SQLite", "libpq", "OpenSSL", "Graphviz" })
            QVERIFY2(shown.contains(QLatin1String(library)), library);
    }

    void copy_putsTheVersionReportOnTheClipboard()
    {
        AboutDialog dialog;
        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("aboutCopy"));
        QVERIFY(copy);
        copy->click();
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(
            copied.startsWith(QStringLiteral("dpm-console ") + buildVersion() + QLatin1Char('\n')), qPrintable(copied));
        QVERIFY2(copied.contains(QStringLiteral("Revision: ") + buildRevision()), qPrintable(copied));
        QVERIFY2(copied.contains(QLatin1String("Graphviz ")) && copied.contains(QLatin1String("(EPL-1.0)")),
            qPrintable(copied));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
