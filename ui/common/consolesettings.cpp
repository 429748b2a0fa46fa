#include "common/consolesettings.h"

#include "store/storelocation.h"

namespace dpm {

namespace {

const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kLayoutGroup = QStringLiteral("layout/");
const QString kHeaderGroup = QStringLiteral("tables/");
const QString kRecentStores = QStringLiteral("stores/recent");
const QString kSavedConnections = QStringLiteral("stores/saved");
// An array of {store, proposals} rather than a key per store: a location is no settings key.
const QString kProposalStores = QStringLiteral("stores/proposalStores");
const QString kLanguage = QStringLiteral("general/language");
constexpr int kMaxRecentStores = 10;

} // namespace

ConsoleSettings &ConsoleSettings::instance()
{
    static ConsoleSettings settings;
    return settings;
}

void ConsoleSettings::setFileForTesting(const QString &iniPath)
{
    m_layoutReset = false;
    m_settings = std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}

void ConsoleSettings::closeFileForTesting()
{
    m_settings.reset();
}

QSettings &ConsoleSettings::store() const
{
    if (!m_settings)
        m_settings = std::make_unique<QSettings>();
    return *m_settings;
}

QByteArray ConsoleSettings::windowGeometry() const
{
    return store().value(kWindowGeometry).toByteArray();
}

void ConsoleSettings::setWindowGeometry(const QByteArray &geometry)
{
    if (!m_layoutReset)
        store().setValue(kWindowGeometry, geometry);
}

QByteArray ConsoleSettings::windowState() const
{
    return store().value(kWindowState).toByteArray();
}

void ConsoleSettings::setWindowState(const QByteArray &state)
{
    if (!m_layoutReset)
        store().setValue(kWindowState, state);
}

QByteArray ConsoleSettings::layoutState(const QString &key) const
{
    return store().value(kLayoutGroup + key).toByteArray();
}

void ConsoleSettings::setLayoutState(const QString &key, const QByteArray &state)
{
    if (!m_layoutReset)
        store().setValue(kLayoutGroup + key, state);
}

QByteArray ConsoleSettings::headerState(const QString &tableKey) const
{
    return store().value(kHeaderGroup + tableKey).toByteArray();
}

void ConsoleSettings::setHeaderState(const QString &tableKey, const QByteArray &state)
{
    if (!m_layoutReset)
        store().setValue(kHeaderGroup + tableKey, state);
}

QStringList ConsoleSettings::recentStores() const
{
    return store().value(kRecentStores).toStringList();
}

void ConsoleSettings::addRecentStore(const QString &locationWithoutSecrets)
{
    // Redact again: a caller that passed a raw DSN must not leak its password into the file.
    const QString entry = redactSecrets(locationWithoutSecrets);
    QStringList recent = recentStores();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecentStores)
        recent.removeLast();
    store().setValue(kRecentStores, recent);
    Q_EMIT recentStoresChanged();
}

QString ConsoleSettings::proposalStoreFor(const QString &locationWithoutSecrets) const
{
    const QString key = redactSecrets(locationWithoutSecrets);
    QSettings &s = store();
    QString found;
    const int count = s.beginReadArray(kProposalStores);
    for (int i = 0; i < count && found.isEmpty(); ++i) {
        s.setArrayIndex(i);
        if (s.value(QStringLiteral("store")).toString() == key)
            found = s.value(QStringLiteral("proposals")).toString();
    }
    s.endArray();
    return found;
}

void ConsoleSettings::setProposalStoreFor(const QString &locationWithoutSecrets, const QString &proposalStoreWithoutSecrets)
{
    // As addRecentStore: redacted again, so that no password reaches the file.
    const QString key = redactSecrets(locationWithoutSecrets);
    QList<std::pair<QString, QString>> pairs;
    QSettings &s = store();
    const int count = s.beginReadArray(kProposalStores);
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        if (s.value(QStringLiteral("store")).toString() != key)
            pairs.append({ s.value(QStringLiteral("store")).toString(), s.value(QStringLiteral("proposals")).toString() });
    }
    s.endArray();
    if (!proposalStoreWithoutSecrets.isEmpty())
        pairs.append({ key, redactSecrets(proposalStoreWithoutSecrets) });
    s.remove(kProposalStores);
    s.beginWriteArray(kProposalStores, int(pairs.size()));
    for (int i = 0; i < pairs.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("store"), pairs.at(i).first);
        s.setValue(QStringLiteral("proposals"), pairs.at(i).second);
    }
    s.endArray();
}

void ConsoleSettings::clearRecentStores()
{
    store().remove(kRecentStores);
    Q_EMIT recentStoresChanged();
}

QList<SavedConnection> ConsoleSettings::savedConnections() const
{
    QList<SavedConnection> result;
    QSettings &s = store();
    const int count = s.beginReadArray(kSavedConnections);
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        result.append({ s.value(QStringLiteral("name")).toString(), s.value(QStringLiteral("location")).toString() });
    }
    s.endArray();
    return result;
}

void ConsoleSettings::setSavedConnections(const QList<SavedConnection> &connections)
{
    QSettings &s = store();
    s.remove(kSavedConnections);
    s.beginWriteArray(kSavedConnections, int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), connections.at(i).name);
        s.setValue(QStringLiteral("location"), redactSecrets(connections.at(i).location));
    }
    s.endArray();
    Q_EMIT savedConnectionsChanged();
}

QString ConsoleSettings::language() const
{
    return store().value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &language)
{
    if (language.isEmpty())
        store().remove(kLanguage);
    else
        store().setValue(kLanguage, language);
}

void ConsoleSettings::resetLayout()
{
    QSettings &s = store();
    s.remove(kWindowGeometry);
    s.remove(kWindowState);
    s.remove(kLayoutGroup.chopped(1));
    s.remove(kHeaderGroup.chopped(1));
    m_layoutReset = true;
}

} // namespace dpm
