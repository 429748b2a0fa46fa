#pragma once

#include <QJsonValue>
#include <QModelIndexList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace dpm {

class JsonTreeModel;

// A JSON document as a tree with a search field: Ctrl+F focuses the field, Enter/F3 jump to the
// next match, Shift+F3 to the previous one ("3 of 17"); every match is highlighted and the
// current one expanded into view. Context menu: copy value, copy as JSON, copy path.
// Used by the bundle pane's tabs and the Operations page's detail pane.
class JsonTreeView : public QWidget
{
    Q_OBJECT

public:
    explicit JsonTreeView(QWidget *parent = nullptr);

    void setJson(const QJsonValue &value);
    void clear();

    // For tests and for callers that add their own actions.
    QTreeView *treeView() const { return m_tree; }
    JsonTreeModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    // "3 of 17", "no matches" or empty.
    QString matchStatus() const;

public Q_SLOTS:
    void findNext();
    void findPrevious();
    void expandAll();
    void collapseAll();
    void copyValue();
    void copyValueAsJson();
    void copyPath();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateMatches();
    void goToMatch(int match);
    void showContextMenu(const QPoint &pos);
    void applyPaletteToModel();

    JsonTreeModel *m_model;
    QTreeView *m_tree;
    QLineEdit *m_search;
    QLabel *m_matchLabel;
    QModelIndexList m_matches;
    int m_current = -1;
};

} // namespace dpm
