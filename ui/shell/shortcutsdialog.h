#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QTreeWidget;

namespace dpm {

// Help → Keyboard Shortcuts: every given action that has a shortcut, grouped by its
// "category" property (the lead's menus set it: "Navigation", "Edit", …), with a filter field
// that matches the category, the action and the shortcut.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    // Shows the rows matching text (case-insensitive); an empty text shows every row.
    void setFilterText(const QString &text);
    // Rows shown now (not counting the category headings); tests read it.
    int visibleShortcutCount() const;

private:
    void applyFilter();

    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace dpm
