// Help → Keyboard Shortcuts: actions with shortcuts, grouped by their category, filterable.

#include "shell/shortcutsdialog.h"

#include <QAction>
#include <QLineEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace dpm;

class TestShortcutsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actions_areGroupedByCategoryWithNativeShortcuts()
    {
        QObject owner;
        auto make = [&](const QString &text, const QKeySequence &keys, const QString &category) {
            auto *action = new QAction(text, &owner);
            action->setShortcut(keys);
            if (!category.isEmpty())
                action->setProperty("category", category);
            return action;
        };
        QList<QAction *> actions { make(QStringLiteral("&Find Anything…"), QKeySequence(QStringLiteral("Ctrl+K")),
                                       QStringLiteral("Navigation")),
            make(QStringLiteral("&Back"), QKeySequence::Back, QStringLiteral("Navigation")),
            make(QStringLiteral("&Copy Rows"), QKeySequence::Copy, QStringLiteral("Edit")),
            make(QStringLiteral("&Quit"), QKeySequence(QStringLiteral("Ctrl+Q")), QString()),
            make(QStringLiteral("No Shortcut"), QKeySequence(), QStringLiteral("Edit")) };
        ShortcutsDialog dialog(actions);
        auto *tree = dialog.findChild<QTreeWidget *>();
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Navigation"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("Find Anything"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1),
            QKeySequence(QStringLiteral("Ctrl+K")).toString(QKeySequence::NativeText));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("Edit"));
        QCOMPARE(tree->topLevelItem(1)->childCount(), 1); // the action without a shortcut is left out
        QCOMPARE(tree->topLevelItem(2)->text(0), QStringLiteral("General"));
        QCOMPARE(dialog.visibleShortcutCount(), 4);

        auto *filter = dialog.findChild<QLineEdit *>();
        QVERIFY(!filter->accessibleName().isEmpty());
        QTest::keyClicks(filter, QStringLiteral("copy"));
        QCOMPARE(dialog.visibleShortcutCount(), 1);
        QVERIFY(tree->topLevelItem(0)->isHidden());
        QVERIFY(!tree->topLevelItem(1)->isHidden());
        dialog.setFilterText(QStringLiteral("navigation")); // a category shows all its actions
        QCOMPARE(dialog.visibleShortcutCount(), 2);
        dialog.setFilterText(QStringLiteral("ctrl+q"));
        QCOMPARE(dialog.visibleShortcutCount(), 1);
        dialog.setFilterText(QString());
        QCOMPARE(dialog.visibleShortcutCount(), 4);
    }
};

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
