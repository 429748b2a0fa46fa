#include "admin/retentiontab.h"

#include "admin/actionstatuswidget.h"
#include "admin/adminconfirmation.h"
#include "admin/purgereportmodel.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "session/requesttracker.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace dpm {

namespace {

// The bounds dpmctl purge accepts (10000 years of seconds), so both tools take the same values.
constexpr int kMaxRetentionDays = 10000 * 366;
constexpr int kDefaultTtlSeconds = 86400;

// The service's readings (Part B §8.1): retention days a non-negative integer, else 0 (disabled);
// the TTL a positive integer, else 86400.
int retentionDaysFrom(const QProcessEnvironment &env)
{
    bool ok = false;
    const int days = env.value(QStringLiteral("DPM_SUPPORTABILITY_RETENTION_DAYS")).trimmed().toInt(&ok);
    return ok && days >= 0 ? std::min(days, kMaxRetentionDays) : 0;
}

int ttlSecondsFrom(const QProcessEnvironment &env)
{
    bool ok = false;
    const int seconds = env.value(QStringLiteral("DPM_ASYNC_OPERATIONS_TTL_SECONDS")).trimmed().toInt(&ok);
    return ok && seconds >= 1 ? seconds : kDefaultTtlSeconds;
}

} // namespace

RetentionTab::RetentionTab(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
    , m_days(new QSpinBox(this))
    , m_ttl(new QSpinBox(this))
    , m_now(new QDateTimeEdit(this))
    , m_nowButton(new QPushButton(tr("Now"), this))
    , m_dryRun(new QPushButton(tr("&Dry run"), this))
    , m_purgeRuns(new QPushButton(tr("Purge &runs…"), this))
    , m_purgeOperations(new QPushButton(tr("Purge &operations…"), this))
    , m_actionStatus(new ActionStatusWidget(this))
    , m_report(new PurgeReportModel(this))
    , m_reportView(new QTableView(this))
{
    m_days->setRange(0, kMaxRetentionDays);
    m_days->setSuffix(tr(" days"));
    m_days->setSpecialValueText(tr("0 (disabled)"));
    m_days->setAccessibleName(tr("Retention days"));
    m_days->setToolTip(tr("Runs created more than this many days before Now expire (0 disables the purge)."));
    m_ttl->setRange(0, std::numeric_limits<int>::max());
    m_ttl->setSuffix(tr(" s"));
    m_ttl->setSpecialValueText(tr("0 (disabled)"));
    m_ttl->setAccessibleName(tr("Async operation TTL seconds"));
    m_ttl->setToolTip(tr("Operations finished (or created) more than this many seconds before Now expire."));
    m_now->setTimeSpec(Qt::UTC);
    m_now->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_now->setCalendarPopup(true);
    m_now->setAccessibleName(tr("Now"));
    m_now->setToolTip(tr("The moment the cut-off is taken from."));
    m_nowButton->setAccessibleName(tr("Set Now to the current time"));
    m_dryRun->setAccessibleName(tr("Dry run"));
    m_purgeRuns->setAccessibleName(tr("Purge runs"));
    m_purgeOperations->setAccessibleName(tr("Purge operations"));

    m_reportView->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_reportView->setModel(m_report);
    m_reportView->setAccessibleName(tr("Rows per table"));
    m_reportView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reportView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reportView->verticalHeader()->hide();
    m_reportView->horizontalHeader()->setStretchLastSection(true);
    m_actionStatus->setAccessibleNames(tr("Purge progress"), tr("Purge progress text"),
        tr("Cancel the dry run or purge"), tr("Purge result"));
    m_actionStatus->setCancelToolTip(tr("Stops the statement on the database: a purge then deletes nothing."));

    auto *nowRow = new QHBoxLayout;
    nowRow->addWidget(m_now, 1);
    nowRow->addWidget(m_nowButton);
    auto *form = new QFormLayout;
    auto *daysLabel = new QLabel(tr("Retention &days:"), this);
    daysLabel->setBuddy(m_days);
    auto *ttlLabel = new QLabel(tr("Operation &TTL:"), this);
    ttlLabel->setBuddy(m_ttl);
    auto *nowLabel = new QLabel(tr("&Now:"), this);
    nowLabel->setBuddy(m_now);
    form->addRow(daysLabel, m_days);
    form->addRow(ttlLabel, m_ttl);
    form->addRow(nowLabel, nowRow);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_purgeRuns);
    buttons->addWidget(m_purgeOperations);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addLayout(form);
    top->addStretch(1);
    layout->addLayout(top);
    layout->addLayout(buttons);
    layout->addWidget(m_actionStatus);
    layout->addWidget(m_reportView, 1);
    connect(m_actionStatus, &ActionStatusWidget::cancelRequested, this, &RetentionTab::cancel);

    connect(m_nowButton, &QPushButton::clicked, this, &RetentionTab::resetNow);
    connect(m_dryRun, &QPushButton::clicked, this, &RetentionTab::dryRun);
    connect(m_purgeRuns, &QPushButton::clicked, this, &RetentionTab::purgeRuns);
    connect(m_purgeOperations, &QPushButton::clicked, this, &RetentionTab::purgeOperations);
    setEnvironment(QProcessEnvironment::systemEnvironment());
    resetNow();
    updateButtons();
}

void RetentionTab::setSession(StoreSession *session)
{
    m_session = session;
    m_request->forget();
    m_cancel.reset();
    m_report->clear();
    m_actionStatus->stop();
    m_actionStatus->hideResult();
    updateButtons();
}

void RetentionTab::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    updateButtons();
}

void RetentionTab::setEnvironment(const QProcessEnvironment &environment)
{
    m_days->setValue(retentionDaysFrom(environment));
    m_ttl->setValue(ttlSecondsFrom(environment));
}

QString RetentionTab::resultText() const
{
    return m_actionStatus->resultText();
}

bool RetentionTab::isBusy() const
{
    return m_request->isBusy();
}

void RetentionTab::resetNow()
{
    m_now->setDateTime(QDateTime::currentDateTimeUtc());
}

PurgeOptions RetentionTab::optionsFor(PurgeTarget target) const
{
    PurgeOptions options;
    options.target = target;
    options.retentionDays = m_days->value();
    options.ttlSeconds = m_ttl->value();
    options.now = formatTimestamp(m_now->dateTime().toUTC());
    return options;
}

void RetentionTab::updateButtons()
{
    const bool ready = m_session && !isBusy();
    m_dryRun->setEnabled(ready);
    m_purgeRuns->setEnabled(ready && m_unlocked);
    m_purgeOperations->setEnabled(ready && m_unlocked);
    const QString locked = tr("Read-only: unlock the admin page to purge.");
    m_purgeRuns->setToolTip(m_unlocked ? tr("Counts, asks for confirmation, then deletes expired runs.") : locked);
    m_purgeOperations->setToolTip(
        m_unlocked ? tr("Counts, asks for confirmation, then deletes expired operations.") : locked);
}

std::shared_ptr<CancelToken> RetentionTab::startAction(const QString &sentence)
{
    m_cancel = std::make_shared<CancelToken>();
    m_actionStatus->start(sentence);
    return m_cancel;
}

void RetentionTab::endAction()
{
    m_cancel.reset();
    m_actionStatus->stop();
    updateButtons();
}

void RetentionTab::dryRun()
{
    if (!m_session || isBusy())
        return;
    const PurgeOptions runs = optionsFor(PurgeTarget::Runs);
    const PurgeOptions operations = optionsFor(PurgeTarget::Operations);
    m_request->start(
        *m_session,
        [runs, operations, cancel = startAction(tr("Counting what would be deleted…"))](SupportStore &store) {
            PurgeOptions dry[] = { runs, operations };
            QList<PurgeReport> reports;
            for (PurgeOptions &options : dry) {
                options.dryRun = true;
                reports << purgeExpired(store, options, {}, cancel.get()).report;
            }
            return reports;
        },
        [this](const QList<PurgeReport> &reports) {
            endAction();
            m_report->setReports(reports);
            m_reportView->resizeColumnsToContents();
            m_actionStatus->showResult(tr("Dry run: nothing was deleted. These rows would be."), false);
        },
        [this](const Error &error) {
            endAction();
            if (isActionCancelled(error))
                m_actionStatus->showResult(tr("Dry run cancelled."), false);
            else
                m_actionStatus->showResult(tr("The dry run failed: %1: %2").arg(error.code(), error.message()), true);
        });
    updateButtons();
}

void RetentionTab::purgeRuns()
{
    purge(PurgeTarget::Runs);
}

void RetentionTab::purgeOperations()
{
    purge(PurgeTarget::Operations);
}

void RetentionTab::purge(PurgeTarget target)
{
    if (!m_unlocked || !m_session || isBusy()) {
        m_actionStatus->showResult(tr("Read-only: unlock the admin page before purging."), true);
        return;
    }
    const PurgeOptions options = optionsFor(target);
    // The preview first: the confirmation names the counts it will delete.
    m_request->start(
        *m_session,
        [options, cancel = startAction(tr("Counting what would be deleted…"))](
            SupportStore &store) { return previewPurge(store, options, cancel.get()).report; },
        [this, options](const PurgeReport &preview) {
            endAction();
            m_report->setReports({ preview });
            m_reportView->resizeColumnsToContents();
            confirmAndPurge(options, preview);
        },
        [this](const Error &error) {
            endAction();
            if (isActionCancelled(error))
                m_actionStatus->showResult(tr("Cancelled while counting: nothing was deleted."), false);
            else
                m_actionStatus->showResult(tr("Cannot purge: %1: %2").arg(error.code(), error.message()), true);
        });
    updateButtons();
}

void RetentionTab::confirmAndPurge(const PurgeOptions &options, const PurgeReport &preview)
{
    const bool runs = options.target == PurgeTarget::Runs;
    if (preview.cutoff.isEmpty()) {
        m_actionStatus->showResult(runs ? tr("Retention days is 0: the run purge is disabled, nothing to delete.")
                                        : tr("The TTL is 0: the operation purge is disabled, nothing to delete."),
            false);
        return;
    }
    qint64 total = 0;
    QStringList lines;
    for (auto it = preview.deleted.cbegin(); it != preview.deleted.cend(); ++it) {
        total += it.value();
        lines << QStringLiteral("%1: %2").arg(it.key(), QLocale().toString(it.value()));
    }
    const QString location = m_session->redactedLocation();
    const QString question = runs
        ? tr("Delete %1 rows of runs created before %2 from %3?").arg(QLocale().toString(total), preview.cutoff, location)
        : tr("Delete %1 async operations finished before %2 from %3?")
              .arg(QLocale().toString(total), preview.cutoff, location);
    if (!confirmAdminAction(this, runs ? tr("Purge runs") : tr("Purge operations"), question, lines.join(u'\n'))) {
        m_actionStatus->showResult(tr("Not purged: the counts above are what a purge would delete."), false);
        return;
    }
    m_request->start(
        *m_session,
        [options, cancel = startAction(tr("Purging in one transaction (Cancel or a failure rolls it back: nothing is "
                                          "deleted)…"))](SupportStore &store) {
            return purgeExpired(store, options, {}, cancel.get());
        },
        [this](const PurgeResult &result) {
            endAction();
            m_report->setReports({ result.report });
            qint64 deleted = 0;
            for (const qint64 n : result.report.deleted)
                deleted += n;
            QString text = tr("Deleted %1 rows in %2 ms (cut-off %3).")
                               .arg(QLocale().toString(deleted))
                               .arg(result.durationMs)
                               .arg(result.report.cutoff);
            text += u' '
                + (result.auditError ? tr("Not recorded in the audit log: %1: %2")
                                           .arg(result.auditError->code(), result.auditError->message())
                                     : tr("Recorded in the audit log."));
            m_actionStatus->showResult(text, false);
            Q_EMIT storeChanged();
            Q_EMIT actionRecorded();
        },
        [this](const Error &error) {
            endAction();
            if (isActionCancelled(error)) {
                m_actionStatus->showResult(tr("Purge cancelled: nothing was deleted. Recorded in the audit log."), false);
            } else {
                m_actionStatus->showResult(
                    tr("The purge failed, nothing was deleted: %1: %2").arg(error.code(), error.message()), true);
            }
            Q_EMIT actionRecorded();
        });
    updateButtons();
}

void RetentionTab::cancel()
{
    if (!isBusy() || !m_cancel)
        return;
    m_cancel->cancel();
    m_actionStatus->setSentence(tr("Cancelling…"));
}

} // namespace dpm
