#include "admin/adminpage.h"

#include "admin/adminconfirmation.h"
#include "admin/auditlogtab.h"
#include "admin/cutovertab.h"
#include "admin/migrationstab.h"
#include "admin/retentiontab.h"
#include "admin/transfertab.h"
#include "domain/error.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/auditlog.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dpm {

AdminPage::AdminPage(QWidget *parent)
    : QWidget(parent)
    , m_roleRequest(new RequestTracker(this))
    , m_schemaRequest(new RequestTracker(this))
    , m_schemaNotice(new QLabel(this))
    , m_lockText(new QLabel(this))
    , m_lockButton(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
    , m_migrations(new MigrationsTab(this))
    , m_cutover(new CutoverTab(this))
    , m_retention(new RetentionTab(this))
    , m_transfer(new TransferTab(this))
    , m_auditLog(new AuditLogTab(this))
{
    setObjectName(QStringLiteral("adminPage"));
    auto *bar = new QFrame(this);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::AlternateBase);
    m_lockText->setAccessibleName(tr("Admin lock state"));
    m_lockText->setWordWrap(true);
    m_lockText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lockButton->setAccessibleName(tr("Unlock or lock admin actions"));
    auto *icon = new QLabel(bar);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->addWidget(icon);
    barLayout->addWidget(m_lockText, 1);
    barLayout->addWidget(m_lockButton);

    m_tabs->setAccessibleName(tr("Admin sections"));
    m_tabs->addTab(m_migrations, tr("&Migrations"));
    m_tabs->addTab(m_cutover, tr("&Cutover check"));
    m_tabs->addTab(m_retention, tr("R&etention"));
    m_tabs->addTab(m_transfer, tr("Trans&fer"));
    m_tabs->addTab(m_auditLog, tr("Audit &log"));

    m_schemaNotice->setObjectName(QStringLiteral("schemaNotice"));
    m_schemaNotice->setAccessibleName(tr("Schema notice"));
    m_schemaNotice->setWordWrap(true);
    m_schemaNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_schemaNotice->setFrameShape(QFrame::StyledPanel);
    m_schemaNotice->setMargin(style()->pixelMetric(QStyle::PM_LayoutTopMargin) / 2);
    m_schemaNotice->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_schemaNotice);
    layout->addWidget(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_lockButton, &QPushButton::clicked, this, &AdminPage::toggleLock);
    connect(m_migrations, &MigrationsTab::storeChanged, this, &AdminPage::storeChanged);
    connect(m_migrations, &MigrationsTab::storeChanged, this, &AdminPage::checkSchemaCreated);
    connect(m_retention, &RetentionTab::storeChanged, this, &AdminPage::storeChanged);
    connect(m_transfer, &TransferTab::storeChanged, this, &AdminPage::storeChanged);
    connect(m_transfer, &TransferTab::openTargetRequested, this, &AdminPage::openStoreRequested);
    connect(m_migrations, &MigrationsTab::actionRecorded, m_auditLog, &AuditLogTab::reload);
    connect(m_retention, &RetentionTab::actionRecorded, m_auditLog, &AuditLogTab::reload);
    connect(m_cutover, &CutoverTab::actionRecorded, m_auditLog, &AuditLogTab::reload);
    setUnlocked(false);
}

void AdminPage::setSession(StoreSession *session)
{
    m_session = session;
    m_role.clear();
    setUnlocked(false);
    m_migrations->setSession(session);
    m_cutover->setSession(session);
    m_retention->setSession(session);
    m_transfer->setSession(session);
    m_auditLog->setSession(session);
    m_roleRequest->forget();
    m_schemaRequest->forget();
    setReadOnlyRemote(session && session->location().backend() == StoreBackend::Remote);
    if (!session)
        return;
    m_roleRequest->start(
        *session, [](SupportStore &store) { return store.auditLog().actor(); },
        [this](const QString &actor) {
            m_role = actor;
            updateLockBar();
        },
        [this](const Error &error) {
            m_role = tr("an unknown role (%1)").arg(error.code());
            updateLockBar();
        });
}

void AdminPage::setEnvironment(const QProcessEnvironment &environment)
{
    m_cutover->setEnvironment(environment);
    m_retention->setEnvironment(environment);
}

void AdminPage::setMigrationCatalog(OptionalCatalog catalog)
{
    m_migrations->setCatalog(std::move(catalog));
}

void AdminPage::setSchemaMissing(bool missing)
{
    m_schemaMissing = missing;
    enableTabsThatReadTables(!missing);
    if (!missing) {
        m_schemaNotice->hide();
        return;
    }
    m_tabs->setCurrentWidget(m_migrations);
    m_schemaNotice->setText(tr("<b>This database has no DPM tables yet.</b> Unlock, then apply the pending migrations "
                               "below to create them (the Plan shows their SQL). The other pages open once the "
                               "schema exists."));
    m_schemaNotice->show();
}

void AdminPage::enableTabsThatReadTables(bool enabled)
{
    m_tabs->setTabEnabled(m_tabs->indexOf(m_retention), enabled);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_transfer), enabled);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_auditLog), enabled);
}

void AdminPage::checkSchemaCreated()
{
    if (!m_schemaMissing || !m_session)
        return;
    // Asked of the database: a run that failed half-way may not have created the tables.
    m_schemaRequest->start(
        *m_session, [](SupportStore &store) { return hasDpmTables(store); },
        [this](bool created) {
            if (!created || !m_schemaMissing)
                return;
            m_schemaMissing = false;
            enableTabsThatReadTables(true);
            m_schemaNotice->setText(tr("<b>The schema is created.</b> The other pages are available now; the store "
                                       "is reopened when you go to one of them."));
            Q_EMIT schemaCreated();
        },
        [](const Error &) {});
}

void AdminPage::setReadOnlyRemote(bool remote)
{
    m_readOnlyRemote = remote;
    m_tabs->setEnabled(!remote);
    if (remote) {
        setUnlocked(false);
        m_schemaNotice->setText(tr("<b>Read-only over a server.</b> Migrations, retention, transfer and the cutover "
                                   "check change or inspect the database itself, which a server does not expose: run "
                                   "them with dpmctl on the server's own store."));
        m_schemaNotice->show();
    } else if (!m_schemaMissing) {
        m_schemaNotice->hide();
    }
    updateLockBar();
}

QString AdminPage::schemaNotice() const
{
    return m_schemaNotice->isHidden() ? QString() : m_schemaNotice->text();
}

QString AdminPage::lockText() const
{
    return m_lockText->text();
}

void AdminPage::unlock()
{
    if (m_unlocked || !m_session || m_readOnlyRemote)
        return;
    const QString location = m_session->redactedLocation();
    const QString role = m_role.isEmpty() ? osUserName() : m_role;
    if (!confirmAdminAction(this, tr("Unlock admin actions"), tr("Unlock changes to %1 as %2?").arg(location, role),
            tr("Migrations, purges and outbox repairs will then be possible on this database. Each one still shows "
               "what it "
               "will do and asks again, and each is recorded in the audit log.")))
        return;
    setUnlocked(true);
}

void AdminPage::lock()
{
    setUnlocked(false);
}

void AdminPage::toggleLock()
{
    if (m_unlocked)
        lock();
    else
        unlock();
}

void AdminPage::setUnlocked(bool unlocked)
{
    const bool changed = m_unlocked != unlocked;
    m_unlocked = unlocked;
    m_migrations->setUnlocked(unlocked);
    m_retention->setUnlocked(unlocked);
    m_transfer->setUnlocked(unlocked);
    updateLockBar();
    if (changed)
        Q_EMIT unlockedChanged(unlocked);
}

void AdminPage::updateLockBar()
{
    const QString location = m_session ? m_session->redactedLocation() : tr("no store");
    const QString role = m_role.isEmpty() ? osUserName() : m_role;
    if (m_unlocked) {
        m_lockText->setText(tr("Unlocked: actions change %1 as %2.").arg(location, role));
        m_lockButton->setText(tr("&Lock again"));
        m_lockButton->setToolTip(tr("Make the admin page read-only again (Ctrl+Shift+U)."));
    } else {
        m_lockText->setText(tr("Read-only. Unlock to change %1 as %2.").arg(location, role));
        m_lockButton->setText(tr("&Unlock…"));
        m_lockButton->setToolTip(tr("Allow migrations and purges on this database (Ctrl+Shift+U)."));
    }
    // Set after the text: a mnemonic in the text would replace the shortcut.
    m_lockButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_lockButton->setEnabled(m_session != nullptr && !m_readOnlyRemote);
    if (m_readOnlyRemote)
        m_lockText->setText(tr("Read-only: %1 is read over a server.").arg(location));
}

} // namespace dpm
