// MainWindow: opening a store, reopening it after the admin changed it, and handing the open
// session to the pages.

#include "shell/mainwindow.h"

#include "admin/adminpage.h"
#include "bundle/runbundlepane.h"
#include "common/consolesettings.h"
#include "connect/connectdialog.h"
#include "connect/passwordprompt.h"
#include "lineage/lineagepage.h"
#include "listing/decisionspage.h"
#include "listing/operationspage.h"
#include "listing/runspage.h"
#include "proposals/proposalpane.h"
#include "proposals/proposalspage.h"
#include "outbox/outboxpage.h"
#include "session/requesttracker.h"
#include "shell/demofilldialog.h"
#include "shell/omnisearch.h"
#include "shell/storestatuspanel.h"

#include <QListWidget>
#include <QStackedWidget>

namespace dpm {

void MainWindow::openStore(const StoreLocation &location, bool isEmbeddedDefault, bool fillDemoIfEmpty)
{
    m_isEmbeddedDefault = isEmbeddedDefault;
    m_fillDemoIfEmpty = fillDemoIfEmpty;
    startOpening(location);
}

void MainWindow::startOpening(const StoreLocation &location)
{
    m_location = location;
    m_info = StoreInfo {};
    m_session = std::make_unique<StoreSession>(location);
    attachSession();
    m_navigation->setEnabled(false);
    m_search->setEnabled(false);
    m_statusPanel->showOpening(location.redacted());
    m_stack->setCurrentWidget(m_statusPanel);
    updateTitle();
    updateStatusBar();

    // Only the embedded default is created and migrated on open; another store is opened as it
    // is (its schema is the admin's business), even without the DPM tables: the admin page then
    // offers to create them. A newer open (or Cancel) drops this one's answer.
    m_opening->follow(
        m_session->open(
            OpenOptions { .applyMigrations = m_isEmbeddedDefault, .allowMissingSchema = !m_isEmbeddedDefault }),
        [this](const StoreInfo &info) { storeReady(info); },
        [this, location](const Error &error) { openFailed(location, error); });
}

void MainWindow::openFailed(const StoreLocation &location, const Error &error)
{
    if (needsPassword(error)) {
        if (const std::optional<QString> password = askPassword(this, location)) {
            startOpening(location.withPassword(*password));
            return;
        }
    }
    m_statusPanel->showError(location.redacted(), error);
    m_stack->setCurrentWidget(m_statusPanel);
    Q_EMIT storeFailed(error);
}

void MainWindow::storeReady(const StoreInfo &info)
{
    m_info = info;
    ConsoleSettings::instance().addRecentStore(m_location.withoutSecrets());
    const StoreLocation *proposals = m_location.proposalStore();
    ConsoleSettings::instance().setProposalStoreFor(
        m_location.withoutSecrets(), proposals ? proposals->withoutSecrets() : QString());
    updateStatusBar();
    // Only the first open: a store an admin purged empty later is not refilled.
    const bool fillDemo = m_isEmbeddedDefault && m_fillDemoIfEmpty && info.isEmpty;
    m_fillDemoIfEmpty = false;
    if (fillDemo) {
        // A new user sees real-looking data at once.
        m_statusPanel->showFilling(m_location.redacted());
        auto *fill = new DemoFillDialog(m_session.get(), this);
        fill->setAttribute(Qt::WA_DeleteOnClose);
        connect(fill, &DemoFillDialog::fillFinished, this, [this] { storeReady(m_info); });
        fill->open();
        fill->start();
        return;
    }
    m_navigation->setEnabled(true);
    m_runs->setSession(m_session.get());
    m_decisions->setSession(m_session.get());
    m_operations->setSession(m_session.get());
    for (ListingPage *page : { static_cast<ListingPage *>(m_runs), static_cast<ListingPage *>(m_decisions),
             static_cast<ListingPage *>(m_operations) })
        page->setStoreNotice(info.listingNotice);
    m_outbox->setUnavailable(info.runEventsNotice);
    m_proposals->setUnavailable(info.proposalsNotice);
    m_outbox->setSession(m_session.get());
    m_runPane->setSession(m_session.get());
    m_proposals->setSession(m_session.get());
    m_proposalPane->setSession(m_session.get());
    m_lineage->setSession(m_session.get());
    m_summaryAttached = false;
    m_adminAttached = false;
    m_admin->lock(); // a new store starts read-only everywhere (the Outbox page follows)
    m_search->setSession(m_session.get());
    m_reopenAfterAdmin = false;
    if (!m_placeAfterOpen)
        m_history = NavigationHistory {};
    enablePages(info.hasSchema);
    m_admin->setSchemaMissing(!info.hasSchema);
    // A database without the DPM tables can only be initialised: the admin page says how.
    const Place start = !info.hasSchema ? Place { QStringLiteral("admin"), {} }
                                        : m_placeAfterOpen.value_or(Place { QStringLiteral("runs"), {} });
    m_placeAfterOpen.reset();
    navigate(start, true);
    Q_EMIT storeOpened();
}

void MainWindow::askProposalStorePassword()
{
    const StoreLocation *proposals = m_location.proposalStore();
    if (!proposals)
        return;
    if (const std::optional<QString> password = askPassword(this, *proposals, PasswordFor::ProposalStore)) {
        m_placeAfterOpen = m_history.current();
        startOpening(m_location.withProposalStore(proposals->withPassword(*password)));
    }
}

void MainWindow::enablePages(bool hasSchema)
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        const bool enabled = hasSchema || item->data(Qt::UserRole).toString() == QLatin1String("admin");
        item->setFlags(enabled ? item->flags() | Qt::ItemIsEnabled : item->flags() & ~Qt::ItemIsEnabled);
        item->setToolTip(
            enabled ? QString() : tr("The store has no DPM tables yet: apply the migrations on the Admin page."));
    }
    m_search->setEnabled(hasSchema);
}

void MainWindow::reopenAt(const Place &place)
{
    m_placeAfterOpen = place;
    startOpening(m_location);
}

void MainWindow::attachSession()
{
    connect(m_session.get(), &StoreSession::queryFinished, this, [this] { updateStatusBar(); });
}

void MainWindow::connectToStore()
{
    ConnectDialog dialog(this);
    if (m_session)
        dialog.setLocation(m_location);
    if (dialog.exec() == QDialog::Accepted)
        openStore(dialog.location(), false, false);
}

} // namespace dpm
