#include "admin/migrationstab.h"

#include "admin/adminconfirmation.h"
#include "domain/error.h"
#include "admin/findingsmodel.h"
#include "migrate/migrationlock.h"
#include "migrate/migrator.h"
#include "admin/migrationstatusmodel.h"
#include "common/statuscolors.h"
#include "store/auditlog.h"
#include "store/sqlstore.h"
#include "session/storesession.h"
#include "session/whenfinished.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace dpm {

namespace {

// What the tab shows: read together on one worker.
struct MigrationOverview
{
    bool isSql = false;
    QList<MigrationStatusRow> rows;
    ValidationReport validation;
    MigrationPlan plan;
    std::optional<Error> planError; // a modified migration stops the plan
    QHash<QString, qint64> recordedDurations; // from the audit log's migrate.apply entries
};

struct ApplyOutcome
{
    QList<QPair<QString, qint64>> applied; // ledger version, duration in ms
    QStringList adopted;
    bool cancelled = false;
    std::optional<Error> error;
    QString failedVersion;
    qint64 totalMs = 0;
    std::optional<Error> auditError; // the apply happened but could not be recorded
};

SqlDatabase &sqlDatabaseOf(SupportStore &store)
{
    auto *sql = dynamic_cast<SqlStore *>(&store);
    if (!sql) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("ADMIN_NOT_A_SQL_STORE"),
            QStringLiteral("The in-memory store has no schema; open a SQLite or PostgreSQL store to manage "
                           "migrations."));
    }
    return sql->database();
}

Migrator migratorFor(SqlDatabase &db, const std::optional<MigrationCatalog> &catalog)
{
    return catalog ? Migrator(db, *catalog) : Migrator(db);
}

QString planSql(const MigrationPlan &plan)
{
    QString text;
    for (const MigrationPlanStep &step : plan.steps) {
        text += QStringLiteral("-- %1:%2 %3 (%4), checksum %5\n")
                    .arg(step.ns, step.version, step.name,
                        step.adopt ? QStringLiteral("adopt: its tables exist, only the ledger row is written")
                                   : QStringLiteral("apply"),
                        step.checksum);
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
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_apply(new QPushButton(tr("&Apply pending…"), this))
    , m_summary(new QLabel(this))
    , m_status(new MigrationStatusModel(this))
    , m_table(new QTableView(this))
    , m_plan(new QPlainTextEdit(this))
    , m_validation(new FindingsModel(this))
    , m_validationView(new QTableView(this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_result(new QLabel(this))
{
    m_refresh->setAccessibleName(tr("Refresh migrations"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_apply->setAccessibleName(tr("Apply pending migrations"));
    m_apply->setToolTip(tr("Shows the plan's migrations, asks for confirmation, then applies them one by one."));
    m_summary->setAccessibleName(tr("Migration summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setModel(m_status);
    m_table->setAccessibleName(tr("Migrations"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_plan->setReadOnly(true);
    m_plan->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_plan->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_plan->setAccessibleName(tr("Migration plan SQL"));
    m_plan->setPlaceholderText(tr("Nothing to apply."));

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

    m_progress->setAccessibleName(tr("Apply progress"));
    m_progressText->setAccessibleName(tr("Apply progress text"));
    m_progressText->setWordWrap(true);
    m_cancelButton->setAccessibleName(tr("Cancel applying"));
    m_cancelButton->setToolTip(tr("Stops before the next migration; the ones already applied stay applied."));
    m_result->setAccessibleName(tr("Apply result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_summary, 1);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_progressText);
    layout->addWidget(m_result);
    m_progress->hide();
    m_progressText->hide();
    m_cancelButton->hide();
    m_result->hide();

    connect(m_refresh, &QPushButton::clicked, this, &MigrationsTab::refresh);
    connect(m_apply, &QPushButton::clicked, this, &MigrationsTab::applyPending);
    connect(m_cancelButton, &QPushButton::clicked, this, &MigrationsTab::cancelApply);
    updateButtons();
}

void MigrationsTab::setSession(StoreSession *session)
{
    m_session = session;
    ++m_generation;
    m_busy = false;
    m_status->setRows({});
    m_validation->clear();
    m_plan->clear();
    m_result->hide();
    refresh();
}

void MigrationsTab::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    updateButtons();
}

void MigrationsTab::setCatalog(std::optional<MigrationCatalog> catalog)
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
    return m_result->text();
}

void MigrationsTab::updateButtons()
{
    m_refresh->setEnabled(m_session && !m_busy);
    m_apply->setEnabled(m_session && m_unlocked && m_isSql && !m_busy && m_status->pendingCount() > 0);
    if (!m_unlocked)
        m_apply->setToolTip(tr("Read-only: unlock the admin page to apply migrations."));
    else
        m_apply->setToolTip(tr("Shows the plan's migrations, asks for confirmation, then applies them one by one."));
}

void MigrationsTab::showResult(const QString &text, bool failed)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, failed ? badColor(palette) : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
    m_result->show();
}

void MigrationsTab::refresh()
{
    if (!m_session || m_busy)
        return;
    const quint64 generation = ++m_generation;
    m_summary->setText(tr("Loading…"));
    updateButtons();
    const auto catalog = m_catalog;
    whenFinished(
        m_session->run([catalog](SupportStore &store) {
            MigrationOverview overview;
            auto *sql = dynamic_cast<SqlStore *>(&store);
            if (!sql)
                return overview;
            overview.isSql = true;
            Migrator migrator = migratorFor(sql->database(), catalog);
            const QStringList all = Migrator::namespaces();
            overview.rows = migrator.status(all);
            overview.validation = migrator.validate(all);
            try {
                overview.plan = migrator.plan(all);
            } catch (const Error &error) {
                overview.planError = error;
            }
            try {
                overview.recordedDurations = recordedMigrationDurations(store.auditLog());
            } catch (const Error &) {
                // Durations are a nicety: a log that cannot be read leaves them blank.
            }
            return overview;
        }),
        this,
        [this, generation](const MigrationOverview &overview) {
            if (generation != m_generation)
                return;
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
            if (overview.planError) {
                m_plan->setPlainText(
                    tr("-- No plan: %1: %2").arg(overview.planError->code(), overview.planError->message()));
            } else {
                m_plan->setPlainText(planSql(overview.plan));
            }
            const qsizetype pending = m_status->pendingCount();
            m_summary->setText(tr("Pending migrations: %1. Validate: %2.")
                                   .arg(pending)
                                   .arg(overview.validation.ok ? tr("ok") : tr("not ok, see Validate")));
            updateButtons();
        },
        [this, generation](const Error &error) {
            if (generation != m_generation)
                return;
            m_summary->setText(tr("Could not read the migrations: %1: %2").arg(error.code(), error.message()));
            updateButtons();
        });
}

void MigrationsTab::applyPending()
{
    if (!m_unlocked || !m_session || m_busy) {
        showResult(tr("Read-only: unlock the admin page before applying migrations."), true);
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
            pending == 1 ? tr("Apply 1 migration to %1?").arg(target)
                         : tr("Apply %1 migrations to %2?").arg(pending).arg(target),
            tr("Each runs in its own transaction, in this order:\n%1\n\nThe SQL is on the Plan tab.")
                .arg(names.join(u'\n'))))
        return;

    m_busy = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    m_result->hide();
    m_progress->setRange(0, int(pending));
    m_progress->setValue(0);
    m_progress->show();
    m_progressText->setText(tr("Starting…"));
    m_progressText->show();
    m_cancelButton->setEnabled(true);
    m_cancelButton->show();
    updateButtons();

    const auto catalog = m_catalog;
    const auto cancel = m_cancel;
    QFuture<ApplyOutcome> future = m_session->runWithPromise<ApplyOutcome>(
        [catalog, cancel, target](QPromise<ApplyOutcome> &promise, SupportStore &store) {
            ApplyOutcome outcome;
            // QFuture drops a progress value not above the last one, so the value is a tick that
            // always grows and the text carries "<migrations done>\t<line>".
            int tick = 0;
            const auto reportProgress = [&promise, &tick](int done, const QString &line) {
                promise.setProgressValueAndText(++tick, QString::number(done) + u'\t' + line);
            };
            SqlDatabase &db = sqlDatabaseOf(store);
            const QStringList namespaces = Migrator::namespaces();
            Migrator migrator = migratorFor(db, catalog);
            QElapsedTimer total;
            total.start();
            MigrationPlan plan;
            int started = -1;
            QElapsedTimer step;
            {
                MigrationLocks locks(db);
                try {
                    // Waits visibly (and cancellably) instead of blocking in pg_advisory_lock.
                    while (const auto busy = locks.tryTake(namespaces)) {
                        if (*cancel)
                            throw actionCancelledError(QStringLiteral("Applying migrations"));
                        const auto holder = locks.holderOf(*busy);
                        reportProgress(0,
                            tr("Waiting for the migration lock of namespace %1, held by %2…")
                                .arg(*busy, holder ? holder->describe() : tr("another session")));
                        QThread::msleep(200);
                    }
                    plan = migrator.plan(namespaces);
                    const MigrationApplyReport report = migrator.apply(namespaces, [&](const QString &line) {
                        if (started >= 0)
                            outcome.applied << qMakePair(
                                plan.steps.at(started).ns + u':' + plan.steps.at(started).version, step.elapsed());
                        if (*cancel)
                            throw actionCancelledError(QStringLiteral("Applying migrations"));
                        ++started;
                        step.start();
                        reportProgress(started, line);
                    });
                    // The report's own durations are exact (measured inside each transaction).
                    outcome.applied.clear();
                    for (const AppliedMigration &m : report.applied)
                        outcome.applied << qMakePair(m.ns + u':' + m.version, m.durationMs);
                    outcome.adopted = report.adopted;
                } catch (const Error &error) {
                    if (isActionCancelled(error)) {
                        outcome.cancelled = true;
                    } else {
                        outcome.error = error;
                        if (started >= 0 && started < plan.steps.size())
                            outcome.failedVersion = plan.steps.at(started).ns + u':' + plan.steps.at(started).version;
                    }
                }
            }
            outcome.totalMs = total.elapsed();
            // Recorded after the apply: console/0003 may have been created by it.
            QJsonArray applied;
            for (const auto &[version, ms] : std::as_const(outcome.applied))
                applied.append(
                    QJsonObject { { QStringLiteral("version"), version }, { QStringLiteral("duration_ms"), ms } });
            QJsonObject details { { QStringLiteral("namespaces"), QJsonArray::fromStringList(namespaces) },
                { QStringLiteral("applied"), applied },
                { QStringLiteral("adopted"), QJsonArray::fromStringList(outcome.adopted) },
                { QStringLiteral("duration_ms"), outcome.totalMs } };
            QString result = QStringLiteral("succeeded");
            if (outcome.cancelled) {
                result = QStringLiteral("cancelled");
            } else if (outcome.error) {
                result = auditOutcomeOf(*outcome.error);
                details.insert(QStringLiteral("failed_version"), outcome.failedVersion);
                details.insert(QStringLiteral("error"), outcome.error->message());
            }
            try {
                AuditLog &log = store.auditLog();
                log.requireAvailable();
                log.record(QStringLiteral("migrate.apply"), target, details, result);
            } catch (const Error &error) {
                outcome.auditError = error;
            }
            promise.addResult(outcome);
        });

    auto *progress = new QFutureWatcher<ApplyOutcome>(this);
    connect(progress, &QFutureWatcherBase::progressTextChanged, this, [this, generation](const QString &text) {
        if (generation != m_generation)
            return;
        m_progress->setValue(text.section(u'\t', 0, 0).toInt());
        m_progressText->setText(text.section(u'\t', 1));
    });
    connect(progress, &QFutureWatcherBase::finished, progress, &QObject::deleteLater);
    progress->setFuture(future);

    auto finish = [this] {
        m_busy = false;
        m_progress->hide();
        m_progressText->hide();
        m_cancelButton->hide();
        updateButtons();
        refresh();
        Q_EMIT storeChanged();
        Q_EMIT actionRecorded();
    };
    whenFinished(
        future, this,
        [this, generation, finish](const ApplyOutcome &outcome) {
            if (generation != m_generation)
                return;
            for (const auto &[version, ms] : outcome.applied)
                m_status->noteDuration(version, ms);
            QString text;
            if (outcome.error) {
                if (!outcome.failedVersion.isEmpty())
                    m_status->noteFailure(outcome.failedVersion, *outcome.error);
                text = tr("Failed (migrations applied before it: %1): %2: %3")
                           .arg(outcome.applied.size())
                           .arg(outcome.error->code(), outcome.error->message());
            } else if (outcome.cancelled) {
                text = tr("Cancelled. Migrations applied before the cancel stay applied (%1); apply again to "
                          "continue.")
                           .arg(outcome.applied.size());
            } else {
                text = tr("Applied migrations: %1, in %2 ms.").arg(outcome.applied.size()).arg(outcome.totalMs);
                if (!outcome.adopted.isEmpty())
                    text += u' '
                        + tr("Adopted (tables already there): %1.").arg(outcome.adopted.join(QStringLiteral(", ")));
            }
            if (outcome.auditError) {
                text += u' '
                    + tr("Not recorded in the audit log: %1: %2")
                          .arg(outcome.auditError->code(), outcome.auditError->message());
            }
            showResult(text, outcome.error.has_value());
            finish();
        },
        [this, generation, finish](const Error &error) {
            if (generation != m_generation)
                return;
            showResult(tr("Could not apply: %1: %2").arg(error.code(), error.message()), true);
            finish();
        });
}

void MigrationsTab::cancelApply()
{
    if (!m_cancel)
        return;
    *m_cancel = true;
    m_cancelButton->setEnabled(false);
    m_progressText->setText(tr("Cancelling after the current migration…"));
}

} // namespace dpm
