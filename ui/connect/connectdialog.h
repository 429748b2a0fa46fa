#pragma once

#include "store/storelocation.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace dpm {

class Error;
class RequestTracker;
class SavedConnectionsWidget;
class ServerLocationPage;
class StoreSession;
struct StoreInfo;

// Chooses the store to open: a SQLite file, a PostgreSQL database (fields or a connection
// string), an in-memory store or a server of the DPM API (read-only), from scratch or from the saved connections and recent stores.
// "Test connection" opens a throwaway session off the UI thread. A typed password lives only in
// location(); saved connections hold StoreLocation::withoutSecrets(). An optional second location
// holds the advisory proposals when they have a database of their own (the service's
// PROPOSAL_POSTGRES_DSN); it is remembered with the store, never with a password.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Backend { Sqlite, Postgres, Memory, Server };

    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Fills the fields from a location (the current store, a recent one). Never fills a password.
    void setLocation(const StoreLocation &location);
    // The chosen location (with the typed password, if any); valid after accept().
    StoreLocation location() const { return m_location; }
    // The location the fields describe now, or the STORE_LOCATION_INVALID error they give.
    StoreLocation currentLocation() const; // throws dpm::Error

    bool isTesting() const;

public Q_SLOTS:
    void accept() override;
    void testConnection();
    void cancelTest();

Q_SIGNALS:
    // The outcome of "Test connection" (tests and screenshots wait for it).
    void testFinished(bool ok);

private:
    void buildUi();
    QWidget *buildSqlitePage();
    QWidget *buildPostgresPage();
    QWidget *buildMemoryPage();
    void revalidate();
    void showTestResult(bool ok, const QString &html);
    void showTesting(bool testing);
    void endTest(bool ok, const QString &html);
    void applySaved(const QString &locationText);
    void saveAs();
    void browse();
    void setBackend(Backend backend);
    Backend backend() const;
    void setPostgresFields(const QMap<QString, QString> &parameters);
    // The separate proposal store the field names; nullopt when it is empty. Throws.
    std::optional<StoreLocation> proposalStoreLocation() const;

    StoreLocation m_location;
    RequestTracker *m_test; // the connection test
    QPointer<StoreSession> m_testSession;

    SavedConnectionsWidget *m_saved = nullptr;
    QComboBox *m_backend = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QPushButton *m_browseButton = nullptr;
    QRadioButton *m_fieldsMode = nullptr;
    QRadioButton *m_dsnMode = nullptr;
    QStackedWidget *m_postgresModes = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_dsn = nullptr;
    QLineEdit *m_password = nullptr;
    ServerLocationPage *m_server = nullptr;
    QLineEdit *m_proposalStore = nullptr; // optional: the proposals' own database

    QLabel *m_validation = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_cancelTestButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testIcon = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace dpm
