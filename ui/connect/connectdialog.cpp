#include "connect/connectdialog.h"

#include "connect/savedconnectionswidget.h"
#include "common/consolesettings.h"
#include "connect/serverlocationpage.h"
#include "domain/error.h"
#include "session/requesttracker.h"
#include "session/storesession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace dpm {

namespace {

const QStringList kSslModes { QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
    QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full") };
const QString kDefaultSslMode = QStringLiteral("prefer");
constexpr int kDefaultPort = 5432;

// The libpq keywords the fields can show; a location with any other keyword opens in the
// connection-string mode so that nothing is lost.
const QStringList kFieldKeys { QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("dbname"),
    QStringLiteral("user"), QStringLiteral("sslmode") };

[[noreturn]] void throwInvalid(const QString &message)
{
    throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"), message);
}

QString errorHtml(const Error &error)
{
    return QStringLiteral("<b>%1</b><br>%2").arg(error.code().toHtmlEscaped(), error.message().toHtmlEscaped());
}

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_test(new RequestTracker(this))
{
    setWindowTitle(tr("Connect to a Store"));
    buildUi();
    setBackend(Backend::Sqlite);
    revalidate();
    // Room for the saved list's names and locations and for a wrapped error sentence.
    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 120, metrics.height() * 30);
}

ConnectDialog::~ConnectDialog() = default;

bool ConnectDialog::isTesting() const
{
    return m_test->isBusy();
}

void ConnectDialog::buildUi()
{
    // Left: saved connections and recent stores.
    m_saved = new SavedConnectionsWidget(this);

    // Right: the backend and its fields.
    m_backend = new QComboBox(this);
    m_backend->setAccessibleName(tr("Backend"));
    m_backend->addItem(tr("SQLite file"), int(Backend::Sqlite));
    m_backend->addItem(tr("PostgreSQL"), int(Backend::Postgres));
    m_backend->addItem(tr("In memory"), int(Backend::Memory));
    m_backend->addItem(tr("Server (HTTP API)"), int(Backend::Server));
    auto *backendForm = new QFormLayout;
    backendForm->addRow(tr("&Backend:"), m_backend);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSqlitePage());
    m_pages->addWidget(buildPostgresPage());
    m_pages->addWidget(buildMemoryPage());
    m_server = new ServerLocationPage(this);
    m_pages->addWidget(m_server);
    connect(m_server, &ServerLocationPage::changed, this, &ConnectDialog::revalidate);

    m_proposalStore = new QLineEdit(this);
    m_proposalStore->setAccessibleName(tr("Proposal store"));
    m_proposalStore->setPlaceholderText(tr("the same store"));
    m_proposalStore->setToolTip(tr("Optional: the database that holds the advisory proposals when they live apart "
                                   "from the DPM store (the service's PROPOSAL_POSTGRES_DSN): postgresql://…, a "
                                   "libpq string or sqlite:PATH. The password comes from ~/.pgpass or "
                                   "PGPASSWORD."));
    auto *proposalForm = new QFormLayout;
    proposalForm->addRow(tr("Proposal store (optio&nal):"), m_proposalStore);
    connect(m_proposalStore, &QLineEdit::textChanged, this, &ConnectDialog::revalidate);

    m_validation = new QLabel(this);
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::RichText);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validation->setAccessibleName(tr("Location check"));

    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testButton->setToolTip(tr("Open the store once, without changing it, and show what is there."));
    m_testBusy = new QProgressBar(this);
    m_testBusy->setRange(0, 0);
    m_testBusy->setTextVisible(false);
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->setVisible(false);
    m_cancelTestButton = new QPushButton(tr("Sto&p"), this);
    m_cancelTestButton->setAccessibleName(tr("Stop testing the connection"));
    m_cancelTestButton->setVisible(false);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy, 1);
    testRow->addWidget(m_cancelTestButton);
    testRow->addStretch(0);

    m_testIcon = new QLabel(this);
    m_testIcon->setAlignment(Qt::AlignTop);
    m_testResult = new QLabel(this);
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::RichText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testResult->setAccessibleName(tr("Connection test result"));
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_testIcon, 0, Qt::AlignTop);
    resultRow->addWidget(m_testResult, 1);

    auto *right = new QVBoxLayout;
    right->addLayout(backendForm);
    right->addWidget(m_pages);
    right->addLayout(proposalForm);
    right->addWidget(m_validation);
    right->addLayout(testRow);
    right->addLayout(resultRow);
    right->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_saved, 1);
    columns->addSpacing(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) * 2);
    columns->addLayout(right, 1);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(columns, 1);
    outer->addWidget(m_buttons);

    // Keyboard order: the list and its buttons, then the fields top to bottom, then the buttons.
    const QList<QWidget *> order = m_saved->tabOrder()
        + QList<QWidget *> { m_backend, m_sqlitePath, m_browseButton, m_fieldsMode, m_dsnMode, m_host, m_port,
              m_database, m_user, m_sslMode, m_dsn, m_password }
        + m_server->tabOrder()
        + QList<QWidget *> { m_proposalStore, m_testButton, m_cancelTestButton, m_buttons->button(QDialogButtonBox::Ok),
              m_buttons->button(QDialogButtonBox::Cancel) };
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        m_pages->setCurrentIndex(m_backend->currentIndex());
        revalidate();
    });
    connect(m_saved, &SavedConnectionsWidget::locationChosen, this, &ConnectDialog::applySaved);
    connect(m_saved, &SavedConnectionsWidget::saveRequested, this, &ConnectDialog::saveAs);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_cancelTestButton, &QPushButton::clicked, this, &ConnectDialog::cancelTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_test, &RequestTracker::busyChanged, this, &ConnectDialog::showTesting);
}

QWidget *ConnectDialog::buildSqlitePage()
{
    auto *page = new QWidget(this);
    m_sqlitePath = new QLineEdit(page);
    m_sqlitePath->setAccessibleName(tr("SQLite file"));
    m_sqlitePath->setPlaceholderText(tr("/path/to/store.db"));
    m_sqlitePath->setToolTip(tr("An existing store, or a new file that the console creates."));
    m_browseButton = new QPushButton(tr("B&rowse…"), page);
    m_browseButton->setAccessibleName(tr("Browse for a SQLite file"));
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_sqlitePath, 1);
    row->addWidget(m_browseButton);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("F&ile:"), page);
    label->setBuddy(m_sqlitePath);
    form->addRow(label, row);
    connect(m_sqlitePath, &QLineEdit::textChanged, this, &ConnectDialog::revalidate);
    connect(m_browseButton, &QPushButton::clicked, this, &ConnectDialog::browse);
    return page;
}

QWidget *ConnectDialog::buildPostgresPage()
{
    auto *page = new QWidget(this);
    m_fieldsMode = new QRadioButton(tr("Fi&elds"), page);
    m_fieldsMode->setAccessibleName(tr("Enter the connection as fields"));
    m_dsnMode = new QRadioButton(tr("Connection &string"), page);
    m_dsnMode->setAccessibleName(tr("Enter a connection string"));
    auto *modes = new QButtonGroup(page);
    modes->addButton(m_fieldsMode);
    modes->addButton(m_dsnMode);
    m_fieldsMode->setChecked(true);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_fieldsMode);
    modeRow->addWidget(m_dsnMode);
    modeRow->addStretch(1);

    auto *fieldsPage = new QWidget(page);
    m_host = new QLineEdit(fieldsPage);
    m_host->setAccessibleName(tr("Host"));
    m_host->setPlaceholderText(tr("localhost"));
    m_host->setToolTip(tr("A host name, an IP address or a socket directory; empty uses libpq's default."));
    m_port = new QSpinBox(fieldsPage);
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_database = new QLineEdit(fieldsPage);
    m_database->setAccessibleName(tr("Database"));
    m_user = new QLineEdit(fieldsPage);
    m_user->setAccessibleName(tr("User"));
    m_user->setPlaceholderText(tr("libpq default"));
    m_sslMode = new QComboBox(fieldsPage);
    m_sslMode->setAccessibleName(tr("SSL mode"));
    m_sslMode->addItems(kSslModes);
    m_sslMode->setCurrentText(kDefaultSslMode);
    auto *fields = new QFormLayout(fieldsPage);
    fields->setContentsMargins(0, 0, 0, 0);
    const auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, fieldsPage);
        label->setBuddy(field);
        fields->addRow(label, field);
    };
    addRow(tr("&Host:"), m_host);
    addRow(tr("P&ort:"), m_port);
    addRow(tr("&Database:"), m_database);
    addRow(tr("&User:"), m_user);
    addRow(tr("SSL &mode:"), m_sslMode);

    auto *dsnPage = new QWidget(page);
    m_dsn = new QLineEdit(dsnPage);
    m_dsn->setAccessibleName(tr("Connection string"));
    m_dsn->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dsn->setPlaceholderText(tr("postgresql://user@host:5432/db  or  host=… dbname=…  or  service=name"));
    m_dsn->setToolTip(tr("A postgresql:// URL, a libpq \"key=value\" string or \"service=name\" "
                         "(from pg_service.conf)."));
    auto *dsnHint = new QLabel(tr("A postgresql:// URL, a libpq \"key=value …\" string, or "
                                  "\"service=name\" from your pg_service.conf."),
        dsnPage);
    dsnHint->setWordWrap(true);
    dsnHint->setForegroundRole(QPalette::PlaceholderText);
    auto *dsnLayout = new QVBoxLayout(dsnPage);
    dsnLayout->setContentsMargins(0, 0, 0, 0);
    dsnLayout->addWidget(m_dsn);
    dsnLayout->addWidget(dsnHint);
    dsnLayout->addStretch(1);

    m_postgresModes = new QStackedWidget(page);
    m_postgresModes->addWidget(fieldsPage);
    m_postgresModes->addWidget(dsnPage);

    m_password = new QLineEdit(page);
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from ~/.pgpass, PGPASSWORD or a service file"));
    m_password->setToolTip(tr("Leave empty to let libpq find the password in ~/.pgpass, PGPASSWORD or a "
                              "service file. A password typed here is used for this connection only and is "
                              "never saved."));
    auto *passwordForm = new QFormLayout;
    passwordForm->setContentsMargins(0, 0, 0, 0);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), page);
    passwordLabel->setBuddy(m_password);
    passwordForm->addRow(passwordLabel, m_password);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(modeRow);
    layout->addWidget(m_postgresModes);
    layout->addLayout(passwordForm);

    connect(m_fieldsMode, &QRadioButton::toggled, this, [this](bool fields) {
        m_postgresModes->setCurrentIndex(fields ? 0 : 1);
        revalidate();
    });
    for (QLineEdit *edit : { m_host, m_database, m_user, m_dsn, m_password })
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::revalidate);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectDialog::revalidate);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectDialog::revalidate);
    return page;
}

QWidget *ConnectDialog::buildMemoryPage()
{
    auto *page = new QWidget(this);
    auto *text = new QLabel(tr("An empty store that lives in memory until the console closes; nothing is "
                               "written to disk. Useful to try the console or a migration."),
        page);
    text->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text);
    layout->addStretch(1);
    return page;
}

ConnectDialog::Backend ConnectDialog::backend() const
{
    return Backend(m_backend->currentData().toInt());
}

void ConnectDialog::setBackend(Backend backend)
{
    m_backend->setCurrentIndex(m_backend->findData(int(backend)));
    m_pages->setCurrentIndex(m_backend->currentIndex());
}

std::optional<StoreLocation> ConnectDialog::proposalStoreLocation() const
{
    const QString text = m_proposalStore->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    return StoreLocation::parse(text);
}

StoreLocation ConnectDialog::currentLocation() const
{
    const std::optional<StoreLocation> proposals = proposalStoreLocation();
    switch (backend()) {
    case Backend::Memory:
        return StoreLocation::memory().withProposalStore(proposals);
    case Backend::Sqlite:
        return StoreLocation::sqlite(m_sqlitePath->text().trimmed()).withProposalStore(proposals);
    case Backend::Server:
        return m_server->location().withProposalStore(proposals);
    case Backend::Postgres:
        break;
    }
    StoreLocation location;
    if (m_fieldsMode->isChecked()) {
        if (m_database->text().trimmed().isEmpty())
            throwInvalid(tr("The PostgreSQL database has no name; enter it in the Database field."));
        QMap<QString, QString> parameters;
        if (!m_host->text().trimmed().isEmpty())
            parameters.insert(QStringLiteral("host"), m_host->text().trimmed());
        parameters.insert(QStringLiteral("port"), QString::number(m_port->value()));
        parameters.insert(QStringLiteral("dbname"), m_database->text().trimmed());
        if (!m_user->text().trimmed().isEmpty())
            parameters.insert(QStringLiteral("user"), m_user->text().trimmed());
        parameters.insert(QStringLiteral("sslmode"), m_sslMode->currentText());
        location = StoreLocation::postgres(parameters);
    } else {
        location = StoreLocation::parse(m_dsn->text());
        if (location.backend() != StoreBackend::Postgres) {
            throwInvalid(tr("\"%1\" is not a PostgreSQL connection string; choose the %2 backend for it.")
                             .arg(location.redacted(),
                                 location.backend() == StoreBackend::Sqlite   ? tr("SQLite file")
                                     : location.backend() == StoreBackend::Remote ? tr("Server (HTTP API)")
                                                                                  : tr("In memory")));
        }
    }
    if (!m_password->text().isEmpty())
        location = location.withPassword(m_password->text());
    return location.withProposalStore(proposals);
}

void ConnectDialog::revalidate()
{
    bool valid = false;
    try {
        const StoreLocation location = currentLocation();
        if (const StoreLocation *proposals = location.proposalStore()) {
            m_validation->setText(tr("Connects to %1, with the proposals from %2")
                                      .arg(location.redacted().toHtmlEscaped(), proposals->redacted().toHtmlEscaped()));
        } else {
            m_validation->setText(tr("Connects to %1").arg(location.redacted().toHtmlEscaped()));
        }
        valid = true;
    } catch (const Error &error) {
        m_validation->setText(errorHtml(error));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_testButton->setEnabled(valid && !isTesting());
    m_saved->setSaveEnabled(valid);
    // A result about other settings would mislead.
    if (isTesting())
        cancelTest();
    showTestResult(true, QString());
}

void ConnectDialog::showTestResult(bool ok, const QString &html)
{
    m_testResult->setText(html);
    if (html.isEmpty()) {
        m_testIcon->clear();
        return;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning);
    m_testIcon->setPixmap(icon.pixmap(size, size));
}

void ConnectDialog::showTesting(bool testing)
{
    m_testBusy->setVisible(testing);
    m_cancelTestButton->setVisible(testing);
    bool valid = m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
    m_testButton->setEnabled(valid && !testing);
    if (testing)
        m_cancelTestButton->setFocus();
    else if (m_cancelTestButton->hasFocus())
        m_testButton->setFocus();
}

void ConnectDialog::testConnection()
{
    StoreLocation location;
    try {
        location = currentLocation();
    } catch (const Error &error) {
        showTestResult(false, errorHtml(error));
        Q_EMIT testFinished(false);
        return;
    }
    cancelTest();
    // Opening a missing SQLite file would create it: say what connecting will do instead.
    if (location.backend() == StoreBackend::Sqlite && !QFileInfo::exists(location.sqlitePath())) {
        showTestResult(true,
            tr("<b>The file does not exist yet.</b><br>Connecting creates a new, empty store at %1.")
                .arg(QDir::toNativeSeparators(location.sqlitePath()).toHtmlEscaped()));
        Q_EMIT testFinished(true);
        return;
    }

    m_testSession = new StoreSession(location, this);
    showTestResult(true, QString());
    m_testResult->setText(tr("Connecting to %1…").arg(location.redacted().toHtmlEscaped()));
    m_test->follow(
        m_testSession->open(OpenOptions {}),
        [this](const StoreInfo &info) {
            endTest(true,
                tr("<b>Connected.</b><br>Backend: %1<br>Location: %2<br>Schema: %3<br>Profile: %4<br>%5")
                    .arg(info.backend.toHtmlEscaped(), info.redactedLocation.toHtmlEscaped(),
                        info.schemaState.toHtmlEscaped(), info.persistenceProfile.toHtmlEscaped(),
                        info.isEmpty ? tr("The store holds no runs and no operations.") : tr("The store holds data.")));
        },
        [this](const Error &error) { endTest(false, errorHtml(error)); });
}

void ConnectDialog::endTest(bool ok, const QString &html)
{
    // The session winds down on its own threads (a server that does not answer may take its
    // connect timeout).
    if (m_testSession)
        m_testSession->deleteLater();
    m_testSession = nullptr;
    showTestResult(ok, html);
    Q_EMIT testFinished(ok);
}

void ConnectDialog::cancelTest()
{
    if (!isTesting())
        return;
    m_test->cancel(); // the attempt's result is dropped when it arrives
    endTest(false, tr("Test stopped."));
}

void ConnectDialog::accept()
{
    try {
        m_location = currentLocation();
    } catch (const Error &error) {
        m_validation->setText(errorHtml(error));
        return;
    }
    cancelTest();
    QDialog::accept();
}

void ConnectDialog::setPostgresFields(const QMap<QString, QString> &parameters)
{
    bool fits = true;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (it.key().contains(QLatin1String("password")))
            continue;
        if (!kFieldKeys.contains(it.key()))
            fits = false;
    }
    bool portOk = true;
    const int port = parameters.value(QStringLiteral("port"), QString::number(kDefaultPort)).toInt(&portOk);
    const QString sslMode = parameters.value(QStringLiteral("sslmode"), kDefaultSslMode);
    fits = fits && portOk && port >= 1 && port <= 65535 && kSslModes.contains(sslMode)
        && !parameters.value(QStringLiteral("dbname")).isEmpty();
    if (fits) {
        m_host->setText(parameters.value(QStringLiteral("host")));
        m_port->setValue(port);
        m_database->setText(parameters.value(QStringLiteral("dbname")));
        m_user->setText(parameters.value(QStringLiteral("user")));
        m_sslMode->setCurrentText(sslMode);
        m_fieldsMode->setChecked(true);
    } else {
        m_dsn->setText(StoreLocation::postgres(parameters).withoutSecrets());
        m_dsnMode->setChecked(true);
    }
}

void ConnectDialog::setLocation(const StoreLocation &location)
{
    m_password->clear();
    // The proposal store given with the location, else the one last used with it.
    const StoreLocation *proposals = location.proposalStore();
    m_proposalStore->setText(proposals ? proposals->withoutSecrets()
                                       : ConsoleSettings::instance().proposalStoreFor(location.withoutSecrets()));
    switch (location.backend()) {
    case StoreBackend::InMemory:
        setBackend(Backend::Memory);
        break;
    case StoreBackend::Sqlite:
        m_sqlitePath->setText(location.sqlitePath());
        setBackend(Backend::Sqlite);
        break;
    case StoreBackend::Postgres:
        setPostgresFields(location.libpqParameters());
        setBackend(Backend::Postgres);
        break;
    case StoreBackend::Remote:
        m_server->setLocation(location);
        setBackend(Backend::Server);
        break;
    }
    revalidate();
}

void ConnectDialog::applySaved(const QString &locationText)
{
    try {
        setLocation(StoreLocation::parse(locationText));
    } catch (const Error &error) {
        m_validation->setText(errorHtml(error));
    }
}

void ConnectDialog::saveAs()
{
    try {
        const StoreLocation location = currentLocation();
        m_saved->save(location);
        const StoreLocation *proposals = location.proposalStore();
        ConsoleSettings::instance().setProposalStoreFor(
            location.withoutSecrets(), proposals ? proposals->withoutSecrets() : QString());
    } catch (const Error &error) {
        m_validation->setText(errorHtml(error));
    }
}

void ConnectDialog::browse()
{
    const QString start = m_sqlitePath->text().isEmpty() ? QDir::homePath() : m_sqlitePath->text();
    // A save dialog, so that a new file can be named; an existing one is opened, not replaced.
    const QString path = QFileDialog::getSaveFileName(this, tr("Choose a SQLite Store"), start,
        tr("SQLite stores (*.db *.sqlite *.sqlite3);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_sqlitePath->setText(QDir::toNativeSeparators(path));
}

} // namespace dpm
