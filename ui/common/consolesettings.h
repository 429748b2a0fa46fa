#pragma once

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QStringList>

namespace dpm {

// A saved PostgreSQL or SQLite connection. Never holds a password: libpq's ~/.pgpass,
// PGPASSWORD, a service file or a prompt supplies it when connecting.
struct SavedConnection
{
    QString name; // what the user called it
    QString location; // StoreLocation::withoutSecrets(): "sqlite:/…", "postgresql://…", "memory:"
    bool operator==(const SavedConnection &) const = default;
};

// The console's settings, typed, with every key and default in consolesettings.cpp. One
// instance lives as long as the application (ConsoleSettings::instance()); tests point it at a
// scratch file with setFileForTesting().
class ConsoleSettings : public QObject
{
    Q_OBJECT

public:
    static ConsoleSettings &instance();
    // Uses an INI file instead of the user's settings (tests, screenshots).
    void setFileForTesting(const QString &iniPath);
    // Writes and closes that file (before a test removes its folder).
    void closeFileForTesting();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    // Splitter positions and similar per-widget layout blobs, by a stable widget key.
    QByteArray layoutState(const QString &key) const;
    void setLayoutState(const QString &key, const QByteArray &state);
    // Column widths and order of a table, by its key ("runs", "decisions", …).
    QByteArray headerState(const QString &tableKey) const;
    void setHeaderState(const QString &tableKey, const QByteArray &state);

    // Store locations opened recently (StoreLocation::withoutSecrets()), newest first, at most 10.
    QStringList recentStores() const;
    void addRecentStore(const QString &locationWithoutSecrets);

    void clearRecentStores();

    // The separate proposal store last used with a store (both StoreLocation::withoutSecrets()),
    // so that choosing a recent or saved store brings its proposal store back; empty when the
    // store held its proposals itself.
    QString proposalStoreFor(const QString &locationWithoutSecrets) const;
    void setProposalStoreFor(const QString &locationWithoutSecrets, const QString &proposalStoreWithoutSecrets);

    QList<SavedConnection> savedConnections() const;
    void setSavedConnections(const QList<SavedConnection> &connections);

    // The language the console speaks from its next start: empty for the system's, or a
    // language code of translations/ ("en", "de").
    QString language() const;
    void setLanguage(const QString &language);

    // Forgets the window geometry, splitter positions and column widths; the windows of this
    // session no longer write theirs, so the next start uses the defaults.
    void resetLayout();

Q_SIGNALS:
    void recentStoresChanged();
    void savedConnectionsChanged();

private:
    ConsoleSettings() = default;
    QSettings &store() const;

    mutable std::unique_ptr<QSettings> m_settings;
    bool m_layoutReset = false;
};

} // namespace dpm
