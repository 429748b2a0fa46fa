// Keyboard and screen-reader access of every page of the navigation, on a SQLite demo store:
// Tab reaches every control a person can use, and each control has a name a screen reader
// announces. Every tab of a page's tab widgets is visited, since a hidden tab's controls are
// only reachable once it is shown.
#include "awaitfuture.h"
#include "common/consolesettings.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "shell/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

using namespace dpm;
using dpm::test::await;

namespace {

// The kinds of control a person operates: what a screen reader must name and Tab must reach.
bool isInteractive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w)
        || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractItemView *>(w)
        || qobject_cast<const QTabBar *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
        || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QPlainTextEdit *>(w);
}

// The controls of `page` that are on screen, enabled and take focus by Tab. A widget that hands
// its focus to another (a spin box's or an editable combo's line edit) counts as that one.
QList<QWidget *> reachableControls(QWidget *page)
{
    QList<QWidget *> result;
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        if (!isInteractive(w))
            continue;
        // The inner line edit of a combo box or spin box is the outer control's.
        if (qobject_cast<QLineEdit *>(w)
            && (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
            continue;
        result << w;
    }
    return result;
}

QString describe(const QWidget *w)
{
    QString text = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        text += QLatin1Char('#') + w->objectName();
    if (const auto *button = qobject_cast<const QAbstractButton *>(w))
        text += QStringLiteral(" \"%1\"").arg(button->text());
    if (!w->accessibleName().isEmpty())
        text += QStringLiteral(" named \"%1\"").arg(w->accessibleName());
    if (const auto *edit = qobject_cast<const QLineEdit *>(w))
        text += QStringLiteral(" placeholder \"%1\"").arg(edit->placeholderText());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (!p->objectName().isEmpty() || p->inherits("QDialog") || p->inherits("QMainWindow")) {
            text += QStringLiteral(" in %1#%2").arg(QString::fromLatin1(p->metaObject()->className()), p->objectName());
            break;
        }
    }
    return text;
}

// What a screen reader announces for the control.
QString accessibleNameOf(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

} // namespace

class TestKeyboardAccess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QWidget *showPage(const QString &page)
    {
        m_window->showPage(page);
        auto *stack = m_window->findChild<QStackedWidget *>();
        return stack ? stack->currentWidget() : nullptr;
    }

    // Calls `check` once per combination of the current tabs of the page's tab widgets that
    // are shown: each tab of each visible tab widget in turn, the others as they are.
    template <typename Check> void forEveryTab(QWidget *page, Check check)
    {
        check(QStringLiteral("(as opened)"));
        const QList<QTabWidget *> tabWidgets = page->findChildren<QTabWidget *>();
        for (QTabWidget *tabs : tabWidgets) {
            if (!tabs->isVisible())
                continue;
            const int original = tabs->currentIndex();
            for (int i = 0; i < tabs->count(); ++i) {
                if (i == original || !tabs->isTabEnabled(i))
                    continue;
                tabs->setCurrentIndex(i);
                QCoreApplication::processEvents();
                check(tabs->tabText(i));
            }
            tabs->setCurrentIndex(original);
        }
    }

    static void addPages()
    {
        QTest::addColumn<QString>("page");
        for (const char *page : { "runs", "decisions", "operations", "proposals", "outbox", "lineage", "summary",
                 "admin" })
            QTest::newRow(page) << QString::fromLatin1(page);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        setApplicationIdentity();
        ConsoleSettings::instance().setFileForTesting(m_dir.filePath(QStringLiteral("settings.ini")));
        const StoreLocation location = StoreLocation::sqlite(m_dir.filePath(QStringLiteral("demo.db")));
        {
            StoreSession session(location);
            await(session.open(OpenOptions { .applyMigrations = true }));
            DemoOptions options;
            options.runCount = 200;
            await(session.run([options](SupportStore &store) { return generateDemoData(store, options); }), 180000);
        }
        m_window = std::make_unique<MainWindow>();
        QSignalSpy opened(m_window.get(), &MainWindow::storeOpened);
        m_window->show();
        m_window->openStore(location, false, false);
        QVERIFY(opened.wait(60000));
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QThreadPool::globalInstance()->waitForDone();
        ConsoleSettings::instance().closeFileForTesting();
    }

    void everyControl_hasAnAccessibleName_data() { addPages(); }
    void everyControl_hasAnAccessibleName()
    {
        QFETCH(QString, page);
        QWidget *shown = showPage(page);
        QVERIFY(shown);
        QTest::qWait(200); // the page's first request may add or enable controls
        QStringList unnamed;
        forEveryTab(shown, [&](const QString &tab) {
            for (QWidget *w : reachableControls(shown)) {
                if (accessibleNameOf(w).isEmpty())
                    unnamed << QStringLiteral("[%1] %2").arg(tab, describe(w));
                if (auto *bar = qobject_cast<QTabBar *>(w)) {
                    for (int i = 0; i < bar->count(); ++i) {
                        if (bar->tabText(i).remove(u'&').trimmed().isEmpty() && bar->accessibleTabName(i).isEmpty())
                            unnamed << QStringLiteral("[%1] tab %2 of %3").arg(tab).arg(i).arg(describe(w));
                    }
                }
            }
        });
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("without a name:\n") + unnamed.join(u'\n')));
    }

    void tab_reachesEveryControl_data() { addPages(); }
    void tab_reachesEveryControl()
    {
        QFETCH(QString, page);
        QWidget *shown = showPage(page);
        QVERIFY(shown);
        QTest::qWait(200);
        QStringList missed;
        forEveryTab(shown, [&](const QString &tab) {
            const QList<QWidget *> controls = reachableControls(shown);
            QWidget *start = m_window->findChild<QListWidget *>();
            start->setFocus(Qt::OtherFocusReason);
            QSet<QWidget *> reached;
            // Twice round the window at most: the chain ends where it started.
            const int limit = 2 * int(m_window->findChildren<QWidget *>().size());
            // A date-time edit takes one Tab per section before it lets go; a control that keeps
            // the focus for longer traps the keyboard.
            constexpr int kMaxTabsInOneControl = 8;
            int stays = 0;
            for (int i = 0; i < limit; ++i) {
                QWidget *focused = QApplication::focusWidget();
                if (!focused)
                    break;
                QTest::keyClick(focused, Qt::Key_Tab);
                QWidget *next = QApplication::focusWidget();
                if (qEnvironmentVariableIsSet("DPM_TAB_TRACE"))
                    qInfo("%s", qPrintable(next ? describe(next) : QStringLiteral("(none)")));
                stays = next == focused ? stays + 1 : 0;
                if (stays == kMaxTabsInOneControl) {
                    missed << QStringLiteral("[%1] Tab stays in %2").arg(tab, describe(focused));
                    break;
                }
                if (next == start)
                    break;
                reached.insert(next);
            }
            for (QWidget *w : controls) {
                if (!reached.contains(w))
                    missed << QStringLiteral("[%1] %2").arg(tab, describe(w));
            }
        });
        missed.removeDuplicates();
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("not reached by Tab:\n") + missed.join(u'\n')));
    }
};

QTEST_MAIN(TestKeyboardAccess)
#include "tst_keyboardaccess.moc"
