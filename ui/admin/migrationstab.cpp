#include "admin/migrationstab.h"

#include "admin/actionstatuswidget.h"
#include "admin/adminconfirmation.h"
#include "admin/findingsmodel.h"
#include "admin/migrationstatusmodel.h"
#include "domain/error.h"
#include "session/requesttracker.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

namespace {

QString planSql(const MigrationPlan &plan)
{
    QString text;
    for (const MigrationPlanStep &step : plan.steps) {
        text += QStringLiteral("-- %1:%2 %3 (%4), checksum %5%6\n")
                    .arg(step.ns, step.version, step.name,
                        step.adopt ? QStringLiteral("adopt: its tables exist, only the ledger row is written")
                                   : QStringLiteral("apply"),
                        step.checksum,
                        step.database == MigrationDatabase::ProposalStore ? QStringLiteral(", in the proposal store")
                                                                          : QString());
        if (!step.adopt) {
            for (const QString &statement : step.statements)
                text += statement + QStringLiteral(";\n\n");
        }
        text += u'\n';
    }
    return text;
}

} // namespace

MigrationsTab::MigrationsTab(QWidget *parent)
    : QWidget(parent)
    , m_overviewRequest(new RequestTracker(this))
    , m_applyRequest(new RequestTracker(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_apply(new QPushButton(tr("&Apply pending…"), this))
    , m_summary(new QLabel(this))
    , m_status(new MigrationStatusModel(this))
    , m_table(new QTableView(this))
    , m_plan(new QPlainTextEdit(this))
    , m_validation(new FindingsModel(this))
    , m_validationView(new QTableView(this))
    , m_actionStatus(new ActionStatusWidget(this))
{
    m_refresh->setAccessibleName(tr("Refresh migrations"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_apply->setAccessibleName(tr("Apply pending migrations"));
    m_apply->setToolTip(tr("Shows the plan's migrations, asks for confirmation, then applies them one by one."));
    m_summary->setAccessibleName(tr("Migration summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setModel(m_status);
    m_table->setAccessibleName(tr("Migrations"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_plan->setTabChangesFocus(true); // read-only text: Tab goes on to the next control
    m_plan->setReadOnly(true);
    m_plan->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_plan->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_plan->setAccessibleName(tr("Migration plan SQL"));
    m_plan->setPlaceholderText(tr("Nothing to apply."));

    m_validationView->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_validationView->setModel(m_validation);
    m_validationView->setAccessibleName(tr("Validation findings"));
    m_validationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_validationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_validationView->verticalHeader()->hide();
    m_validationView->horizontalHeader()->setStretchLastSection(true);

    auto *details = new QTabWidget(this);
    details->setAccessibleName(tr("Plan and validation"));
    details->addTab(m_plan, tr("Plan (SQL)"));
    details->addTab(m_validationView, tr("Validate"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_actionStatus->setAccessibleNames(
        tr("Apply progress"), tr("Apply progress text"), tr("Cancel applying"), tr("Apply result"));
    m_actionStatus->setCancelToolTip(tr("Stops before the next migration; the ones already applied stay applied."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_summary, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_actionStatus);

    connect(m_refresh, &QPushButton::clicked, this, &MigrationsTab::refresh);
    connect(m_apply, &QPushButton::clicked, this, &MigrationsTab::applyPending);
    connect(m_actionStatus, &ActionStatusWidget::cancelRequested, this, &MigrationsTab::cancelApply);
    updateButtons();
}

void MigrationsTab::setSession(StoreSession *session)
{
    m_session = session;
    m_overviewRequest->forget();
    m_applyRequest->forget();
    m_actionStatus->stop();
    m_actionStatus->hideResult();
    m_status->setRows({});
    m_validation->clear();
    m_plan->clear();
    refresh();
}

void MigrationsTab::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    updateButtons();
}

void MigrationsTab::setCatalog(OptionalCatalog catalog)
{
    m_catalog = std::move(catalog);
    refresh();
}

QString MigrationsTab::planText() const
{
    return m_plan->toPlainText();
}

QString MigrationsTab::resultText() const
{
    return m_actionStatus->resultText();
}

bool MigrationsTab::isBusy() const
{
    return m_applyRequest->isBusy();
}

void MigrationsTab::updateButtons()
{
    m_refresh->setEnabled(m_session && !isBusy());
    m_apply->setEnabled(m_session && m_unlocked && m_isSql && !isBusy() && m_status->pendingCount() > 0);
    if (!m_unlocked)
        m_apply->setToolTip(tr("Read-only: unlock the admin page to apply migrations."));
    else
        m_apply->setToolTip(tr("Shows the plan's migrations, asks for confirmation, then applies them one by one."));
}

void MigrationsTab::refresh()
{
    if (!m_session || isBusy())
        return;
    m_summary->setText(tr("Loading…"));
    updateButtons();
    m_overviewRequest->start(
        *m_session, [catalog = m_catalog](SupportStore &store) { return readMigrationOverview(store, catalog); },
        [this](const MigrationOverview &overview) { showOverview(overview); },
        [this](const Error &error) {
            m_summary->setText(tr("Could not read the migrations: %1: %2").arg(error.code(), error.message()));
            updateButtons();
        });
}

void MigrationsTab::showOverview(const MigrationOverview &overview)
{
    m_isSql = overview.isSql;
    if (!overview.isSql) {
        m_summary->setText(tr("The in-memory store has no schema; there is nothing to migrate."));
        updateButtons();
        return;
    }
    m_status->setRows(overview.rows, overview.recordedDurations);
    m_table->resizeColumnsToContents();
    m_validation->setMigrationFindings(overview.validation.findings);
    m_validationView->resizeColumnsToContents();
    if (overview.planError)
        m_plan->setPlainText(tr("-- No plan: %1: %2").arg(overview.planError->code(), overview.planError->message()));
    else
        m_plan->setPlainText(planSql(overview.plan));
    const qsizetype pending = m_status->pendingCount();
    m_summary->setText(tr("Pending migrations: %1. Validate: %2.")
                           .arg(pending)
                           .arg(overview.validation.ok ? tr("ok") : tr("not ok, see Validate")));
    updateButtons();
}

void MigrationsTab::applyPending()
{
    if (!m_unlocked || !m_session || isBusy()) {
        m_actionStatus->showResult(tr("Read-only: unlock the admin page before applying migrations."), true);
        return;
    }
    const qsizetype pending = m_status->pendingCount();
    if (pending == 0)
        return;
    QStringList names;
    for (int row = 0; row < m_status->rowCount(); ++row) {
        const QModelIndex state = m_status->index(row, MigrationStatusModel::StateColumn);
        const QString wire = state.data(MigrationStatusModel::StateRole).toString();
        if (wire == QLatin1String("pending") || wire == QLatin1String("failed")) {
            names << state.data(MigrationStatusModel::LedgerVersionRole).toString() + u' '
                    + m_status->index(row, MigrationStatusModel::NameColumn).data().toString();
        }
    }
    const QString target = m_session->redactedLocation();
    if (!confirmAdminAction(this, tr("Apply migrations"),
            tr("Apply %n migration(s) to %1?", nullptr, pending).arg(target),
            tr("Each runs in its own transaction, in this order:\n%1\n\nThe SQL is on the Plan tab.")
                .arg(names.join(u'\n'))))
        return;

    m_cancel = std::make_shared<CancelToken>();
    m_actionStatus->start(tr("Starting…"));
    MigrationApplyOptions options;
    options.catalog = m_catalog;
    m_applyRequest->start(
        *m_session,
        [options, cancel = m_cancel, progress = m_actionStatus->progressFunction()](SupportStore &store) {
            return applyMigrations(store, options, progress, cancel.get());
        },
        [this](const MigrationApplyResult &result) {
            showApplied(result);
            finishApply();
        },
        [this](const Error &error) {
            m_actionStatus->showResult(tr("Could not apply: %1: %2").arg(error.code(), error.message()), true);
            finishApply();
        });
    updateButtons();
}

void MigrationsTab::showApplied(const MigrationApplyResult &result)
{
    for (const AppliedMigration &m : result.report.applied)
        m_status->noteDuration(m.ns + u':' + m.version, m.durationMs);
    const qsizetype applied = result.report.applied.size();
    QString text;
    if (result.error) {
        if (!result.failedVersion.isEmpty())
            m_status->noteFailure(result.failedVersion, *result.error);
        text = tr("Failed (migrations applied before it: %1): %2: %3")
                   .arg(applied)
                   .arg(result.error->code(), result.error->message());
    } else if (result.cancelled) {
        text = tr("Cancelled. Migrations applied before the cancel stay applied (%1); apply again to continue.")
                   .arg(applied);
    } else {
        text = tr("Applied migrations: %1, in %2 ms.").arg(applied).arg(result.durationMs);
        if (!result.report.adopted.isEmpty())
            text += u' '
                + tr("Adopted (tables already there): %1.").arg(result.report.adopted.join(QStringLiteral(", ")));
    }
    if (result.auditError) {
        text += u' '
            + tr("Not recorded in the audit log: %1: %2").arg(result.auditError->code(), result.auditError->message());
    }
    m_actionStatus->showResult(text, result.error.has_value());
}

void MigrationsTab::finishApply()
{
    m_cancel.reset();
    m_actionStatus->stop();
    updateButtons();
    refresh();
    Q_EMIT storeChanged();
    Q_EMIT actionRecorded();
}

void MigrationsTab::cancelApply()
{
    if (!m_cancel)
        return;
    m_cancel->cancel();
    m_actionStatus->setSentence(tr("Cancelling before the next migration…"));
}

} // namespace dpm
