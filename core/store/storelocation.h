#pragma once

#include "domain/redaction.h"
#include "domain/vocabulary.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <optional>

namespace dpm {

// Where a store lives: in memory, a SQLite file, or a PostgreSQL database given by libpq
// parameters. Parsed from what people and the service use (URLs, libpq DSNs, service names,
// the service's environment variables). The password, when one is given inline, is held here
// only to open the connection; every text meant for people goes through redacted().
class StoreLocation
{
public:
    static StoreLocation memory();
    static StoreLocation sqlite(const QString &path);
    static StoreLocation postgres(QMap<QString, QString> libpqParameters);
    // A server speaking the service's HTTP API: the base URL (scheme, host, port, mount path) and
    // the options of remoteOptionNames(). Throws STORE_LOCATION_INVALID.
    static StoreLocation remote(const QString &baseUrl, QMap<QString, QString> options = {});
    // token (a bearer token: a secret), token_file, ca_file (PEM of a CA to trust besides the
    // system's), connect_timeout and transfer_timeout (seconds).
    static QStringList remoteOptionNames();

    // Accepts: "memory:"; "sqlite:PATH" (also "sqlite:///abs/path") or a path ending in .db,
    // .sqlite or .sqlite3; "postgresql://…" / "postgres://…" URIs; libpq "key=value …" strings
    // (including "service=name"); "http(s)://host:port[/prefix][?option=value&…]" (a server, see
    // remote()). Throws Error STORE_LOCATION_INVALID otherwise.
    static StoreLocation parse(const QString &text);

    // The service's variables (Part B §8.1): DPM_SUPPORTABILITY_STORE_BACKEND (IN_MEMORY, SQL or
    // SQLITE, POSTGRES), DPM_SUPPORTABILITY_POSTGRES_DSN, DPM_SUPPORTABILITY_SQL_PATH (wins over)
    // DPM_SUPPORTABILITY_SQLITE_PATH, default ".data/dpm_supportability.db". nullopt when no
    // backend is set (the console then opens its embedded default). Throws
    // DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED and DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED.
    static std::optional<StoreLocation> fromEnvironment(const QProcessEnvironment &env);
    // The proposal store the service's variables name (Part B §8.3): PROPOSAL_STORE_BACKEND
    // POSTGRES with PROPOSAL_POSTGRES_DSN; nullopt when the backend is unset or IN_MEMORY (the
    // service then keeps proposals in its own memory: nothing to read). Throws
    // PROPOSAL_POSTGRES_DSN_REQUIRED and PROPOSAL_STORE_BACKEND_UNSUPPORTED.
    static std::optional<StoreLocation> proposalStoreFromEnvironment(const QProcessEnvironment &env);

    // The advisory proposals may live in a database of their own (design.md, Configuration):
    // a copy of this location whose proposals are read from `proposals`. Given the same place as
    // this one (or nullopt), the copy has no separate proposal store: one database holds both.
    StoreLocation withProposalStore(const std::optional<StoreLocation> &proposals) const;
    // The separate proposal store, or nullptr when this location holds the proposals itself.
    const StoreLocation *proposalStore() const { return m_proposals.get(); }
    // This location without its separate proposal store.
    StoreLocation withoutProposalStore() const;

    StoreBackend backend() const { return m_backend; }
    const QString &sqlitePath() const { return m_sqlitePath; }
    // libpq keyword -> value, password included. Never print this; use redacted().
    const QMap<QString, QString> &libpqParameters() const { return m_libpq; }
    QString libpqParameter(const QString &key) const { return m_libpq.value(key); }
    // Remote: the server's base URL without options, and one option ("" when not given).
    const QString &remoteUrl() const { return m_remoteUrl; }
    QString remoteOption(const QString &key) const { return m_remoteOptions.value(key); }

    // For people: "memory:", "sqlite:/path", or "postgresql://user:***@host:port/db?sslmode=…".
    QString redacted() const;
    // The same location without any secret, as text parse() accepts: what the console keeps in
    // its recent stores and saved connections. Reopening it gets the password from libpq
    // (~/.pgpass, PGPASSWORD, a service file) or a prompt.
    QString withoutSecrets() const;
    // A copy with this password set (from the console's prompt; a remote store's bearer token);
    // never stored.
    StoreLocation withPassword(const QString &password) const;

private:
    QString text(bool maskSecrets) const;

    StoreBackend m_backend = StoreBackend::InMemory;
    QString m_sqlitePath;
    QMap<QString, QString> m_libpq;
    QString m_remoteUrl;
    QMap<QString, QString> m_remoteOptions;
    std::shared_ptr<const StoreLocation> m_proposals; // immutable, so copies may share it
};

// The embedded default: a SQLite store in the user's data directory
// (QStandardPaths::AppDataLocation), created and migrated on first use.
QString embeddedDefaultStorePath();

// Which store to open: an explicit --store argument wins, then the service's environment
// variables, then the embedded default. `isEmbeddedDefault` tells the caller which one it got.
// The proposals: an explicit --proposal-store wins; else, when the DPM store comes from the
// service's variables, the proposal store they name (proposalStoreFromEnvironment) if it is
// another place; else the DPM store holds them too (location.proposalStore() is nullptr).
struct ResolvedLocation
{
    StoreLocation location;
    bool isEmbeddedDefault = false;
};
ResolvedLocation resolveStoreLocation(const std::optional<QString> &explicitLocation,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
    const std::optional<QString> &explicitProposalLocation = std::nullopt);

} // namespace dpm
