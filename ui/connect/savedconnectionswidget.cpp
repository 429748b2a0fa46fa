#include "connect/savedconnectionswidget.h"

#include "common/consolesettings.h"
#include "domain/error.h"
#include "store/storelocation.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QUrl>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dpm {

namespace {

enum ItemRole {
    LocationRole = Qt::UserRole + 1, // the entry's location text (without secrets)
    KindRole, // EntryKind
};

enum class EntryKind { Saved, Recent };

QString displayLocation(const QString &locationText)
{
    try {
        return StoreLocation::parse(locationText).redacted();
    } catch (const Error &) {
        return redactSecrets(locationText);
    }
}

} // namespace

SavedConnectionsWidget::SavedConnectionsWidget(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_saveAsButton(new QPushButton(tr("Save &as…"), this))
    , m_deleteButton(new QPushButton(tr("De&lete"), this))
{
    auto *listLabel = new QLabel(tr("Sa&ved and recent:"), this);
    m_list->setAccessibleName(tr("Saved connections and recent stores"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({ tr("Name"), tr("Location") });
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->setColumnWidth(0, fontMetrics().averageCharWidth() * 22);
    m_list->header()->setStretchLastSection(true);
    listLabel->setBuddy(m_list);
    m_savedGroup = new QTreeWidgetItem(m_list, { tr("Saved connections") });
    m_recentGroup = new QTreeWidgetItem(m_list, { tr("Recent stores") });
    for (QTreeWidgetItem *group : { m_savedGroup, m_recentGroup }) {
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
    }
    m_saveAsButton->setAccessibleName(tr("Save the connection as"));
    m_saveAsButton->setToolTip(tr("Save these settings under a name (never the password)."));
    m_deleteButton->setAccessibleName(tr("Delete the saved connection"));
    m_deleteButton->setEnabled(false);
    auto *deleteAction = new QAction(tr("Delete"), m_list);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(deleteAction);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveAsButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setTabOrder(m_list, m_saveAsButton);
    setTabOrder(m_saveAsButton, m_deleteButton);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        // The group headings are not entries.
        if (item && item->parent())
            Q_EMIT locationChosen(item->data(0, LocationRole).toString());
        m_deleteButton->setEnabled(item && item->data(0, KindRole).toInt() == int(EntryKind::Saved));
    });
    connect(m_saveAsButton, &QPushButton::clicked, this, &SavedConnectionsWidget::saveRequested);
    connect(m_deleteButton, &QPushButton::clicked, this, &SavedConnectionsWidget::deleteSaved);
    connect(deleteAction, &QAction::triggered, this, &SavedConnectionsWidget::deleteSaved);
    connect(
        &ConsoleSettings::instance(), &ConsoleSettings::savedConnectionsChanged, this, &SavedConnectionsWidget::reload);
    connect(&ConsoleSettings::instance(), &ConsoleSettings::recentStoresChanged, this, &SavedConnectionsWidget::reload);
    reload();
}

void SavedConnectionsWidget::setSaveEnabled(bool enabled)
{
    m_saveAsButton->setEnabled(enabled);
}

QList<QWidget *> SavedConnectionsWidget::tabOrder() const
{
    return { m_list, m_saveAsButton, m_deleteButton };
}

void SavedConnectionsWidget::reload()
{
    qDeleteAll(m_savedGroup->takeChildren());
    qDeleteAll(m_recentGroup->takeChildren());
    for (const SavedConnection &saved : ConsoleSettings::instance().savedConnections()) {
        auto *item = new QTreeWidgetItem(m_savedGroup, { saved.name, displayLocation(saved.location) });
        item->setData(0, LocationRole, saved.location);
        item->setData(0, KindRole, int(EntryKind::Saved));
        item->setToolTip(1, item->text(1));
    }
    for (const QString &recent : ConsoleSettings::instance().recentStores()) {
        auto *item = new QTreeWidgetItem(m_recentGroup, { displayLocation(recent) });
        item->setFirstColumnSpanned(true);
        item->setData(0, LocationRole, recent);
        item->setData(0, KindRole, int(EntryKind::Recent));
        item->setToolTip(0, item->text(0));
    }
    m_list->expandAll();
}

void SavedConnectionsWidget::save(const StoreLocation &location)
{
    QString suggestion = location.libpqParameter(QStringLiteral("dbname"));
    if (location.backend() == StoreBackend::Sqlite)
        suggestion = QFileInfo(location.sqlitePath()).completeBaseName();
    else if (location.backend() == StoreBackend::InMemory)
        suggestion = tr("In memory");
    else if (location.backend() == StoreBackend::Remote)
        suggestion = QUrl(location.remoteUrl()).host();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Connection"),
        tr("Name of the connection (the password is not saved):"), QLineEdit::Normal, suggestion, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    QList<SavedConnection> saved = ConsoleSettings::instance().savedConnections();
    const SavedConnection entry { name, location.withoutSecrets() };
    auto it = std::find_if(saved.begin(), saved.end(), [&](const SavedConnection &c) { return c.name == name; });
    if (it != saved.end())
        *it = entry;
    else
        saved.append(entry);
    ConsoleSettings::instance().setSavedConnections(saved); // reloads the list
    for (int i = 0; i < m_savedGroup->childCount(); ++i) {
        if (m_savedGroup->child(i)->text(0) == name) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentItem(m_savedGroup->child(i));
            m_deleteButton->setEnabled(true);
        }
    }
}

void SavedConnectionsWidget::deleteSaved()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || item->data(0, KindRole).toInt() != int(EntryKind::Saved) || item->parent() != m_savedGroup)
        return;
    const QString name = item->text(0);
    QList<SavedConnection> saved = ConsoleSettings::instance().savedConnections();
    saved.removeIf([&](const SavedConnection &c) { return c.name == name; });
    ConsoleSettings::instance().setSavedConnections(saved);
    m_deleteButton->setEnabled(false);
}

} // namespace dpm
