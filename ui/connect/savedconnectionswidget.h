#pragma once

#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace dpm {

class StoreLocation;

// The connect dialog's list of saved connections and recent stores, with "Save as…" and
// "Delete" (also the Delete key on the list). It follows the settings as they change; choosing
// an entry offers its location to the dialog. Saved entries never hold a password.
class SavedConnectionsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SavedConnectionsWidget(QWidget *parent = nullptr);

    // "Save as…" is offered while the dialog's fields describe a valid location.
    void setSaveEnabled(bool enabled);
    // Asks for a name (suggested from the location) and saves location.withoutSecrets() under
    // it, replacing an entry of that name.
    void save(const StoreLocation &location);
    // The list and its buttons, in keyboard order.
    QList<QWidget *> tabOrder() const;

public Q_SLOTS:
    // Deletes the chosen saved connection (recent stores are not deleted).
    void deleteSaved();

Q_SIGNALS:
    // An entry was chosen: its location as saved (without secrets).
    void locationChosen(const QString &locationText);
    // "Save as…" was pressed: the dialog answers with save(its location).
    void saveRequested();

private:
    void reload();

    QTreeWidget *m_list;
    QTreeWidgetItem *m_savedGroup;
    QTreeWidgetItem *m_recentGroup;
    QPushButton *m_saveAsButton;
    QPushButton *m_deleteButton;
};

} // namespace dpm
