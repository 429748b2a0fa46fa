#include "admin/retentiontab.h"

#include "admin/adminconfirmation.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "admin/purgereportmodel.h"
#include "common/statuscolors.h"
#include "store/auditlog.h"
#include "store/supportstore.h"
#include "session/storesession.h"
#include "session/whenfinished.h"

#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
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

struct PurgeOutcome
{
    PurgeReport report;
    qint64 durationMs = 0;
};

} // namespace

RetentionTab::RetentionTab(QWidget *parent)
    : QWidget(parent)
    , m_days(new QSpinBox(this))
    , m_ttl(new QSpinBox(this))
    , m_now(new QDateTimeEdit(this))
    , m_nowButton(new QPushButton(tr("Now"), this))
    , m_dryRun(new QPushButton(tr("&Dry run"), this))
    , m_purgeRuns(new QPushButton(tr("Purge &runs…"), this))
    , m_purgeOperations(new QPushButton(tr("Purge &operations…"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_report(new PurgeReportModel(this))
    , m_reportView(new QTableView(this))
    , m_result(new QLabel(this))
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

    m_reportView->setModel(m_report);
    m_reportView->setAccessibleName(tr("Rows per table"));
    m_reportView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reportView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reportView->verticalHeader()->hide();
    m_reportView->horizontalHeader()->setStretchLastSection(true);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Purge progress"));
    m_progressText->setAccessibleName(tr("Purge progress text"));
    m_result->setAccessibleName(tr("Purge result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

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
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);
    layout->addWidget(m_progressText);
    layout->addWidget(m_reportView, 1);
    layout->addWidget(m_result);
    m_progress->hide();
    m_progressText->hide();
    m_cancelButton->hide();
    m_cancelButton->setAccessibleName(tr("Cancel the dry run or purge"));
    m_result->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &RetentionTab::cancel);

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
    ++m_generation;
    m_busy = false;
    m_report->clear();
    m_result->hide();
    setBusy(false);
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
    return m_result->text();
}

void RetentionTab::resetNow()
{
    m_now->setDateTime(QDateTime::currentDateTimeUtc());
}

QString RetentionTab::nowText() const
{
    return formatTimestamp(m_now->dateTime().toUTC());
}

void RetentionTab::updateButtons()
{
    const bool ready = m_session && !m_busy;
    m_dryRun->setEnabled(ready);
    m_purgeRuns->setEnabled(ready && m_unlocked);
    m_purgeOperations->setEnabled(ready && m_unlocked);
    const QString locked = tr("Read-only: unlock the admin page to purge.");
    m_purgeRuns->setToolTip(m_unlocked ? tr("Counts, asks for confirmation, then deletes expired runs.") : locked);
    m_purgeOperations->setToolTip(
        m_unlocked ? tr("Counts, asks for confirmation, then deletes expired operations.") : locked);
}

void RetentionTab::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progressText->setVisible(busy);
    m_progressText->setText(text);
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    updateButtons();
}

void RetentionTab::showResult(const QString &text, bool failed)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, failed ? badColor(palette) : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
    m_result->show();
}

void RetentionTab::dryRun()
{
    if (!m_session || m_busy)
        return;
    const quint64 generation = ++m_generation;
    const int days = m_days->value();
    const qint64 ttl = m_ttl->value();
    const QString now = nowText();
    setBusy(true, tr("Counting what would be deleted…"));
    m_result->hide();
    m_cancel = QueryCancel::create();
    whenFinished(
        m_session->run(
            [days, ttl, now](SupportStore &store) {
                return QList<PurgeReport> { store.purgeExpiredRuns(days, now, true),
                    store.purgeExpiredOperations(ttl, now, true) };
            },
            m_cancel),
        this,
        [this, generation](const QList<PurgeReport> &reports) {
            if (generation != m_generation)
                return;
            setBusy(false);
            m_report->setReports(reports);
            m_reportView->resizeColumnsToContents();
            showResult(tr("Dry run: nothing was deleted. These rows would be."), false);
        },
        [this, generation](const Error &error) {
            if (generation != m_generation)
                return;
            setBusy(false);
            if (isActionCancelled(error)) {
                showResult(tr("Dry run cancelled."), false);
                return;
            }
            showResult(tr("The dry run failed: %1: %2").arg(error.code(), error.message()), true);
        });
}

void RetentionTab::purgeRuns()
{
    purge(Target::Runs);
}

void RetentionTab::purgeOperations()
{
    purge(Target::Operations);
}

void RetentionTab::purge(Target target)
{
    if (!m_unlocked || !m_session || m_busy) {
        showResult(tr("Read-only: unlock the admin page before purging."), true);
        return;
    }
    const bool runs = target == Target::Runs;
    const int days = m_days->value();
    const qint64 ttl = m_ttl->value();
    const QString now = nowText();
    const QString location = m_session->redactedLocation();
    const quint64 generation = ++m_generation;
    setBusy(true, tr("Counting what would be deleted…"));
    m_result->hide();
    m_cancel = QueryCancel::create();
    // The preview first: the confirmation names the counts it will delete.
    whenFinished(
        m_session->run(
            [runs, days, ttl, now](SupportStore &store) {
                store.auditLog().requireAvailable(); // nothing unaudited: refuse before anything
                return runs ? store.purgeExpiredRuns(days, now, true) : store.purgeExpiredOperations(ttl, now, true);
            },
            m_cancel),
        this,
        [this, generation, runs, days, ttl, now, location](const PurgeReport &preview) {
            if (generation != m_generation)
                return;
            setBusy(false);
            m_report->setReports({ preview });
            m_reportView->resizeColumnsToContents();
            if (preview.cutoff.isEmpty()) {
                showResult(runs ? tr("Retention days is 0: the run purge is disabled, nothing to delete.")
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
            const QString question = runs ? tr("Delete %1 rows of runs created before %2 from %3?")
                                                .arg(QLocale().toString(total), preview.cutoff, location)
                                          : tr("Delete %1 async operations finished before %2 from %3?")
                                                .arg(QLocale().toString(total), preview.cutoff, location);
            if (!confirmAdminAction(
                    this, runs ? tr("Purge runs") : tr("Purge operations"), question, lines.join(u'\n'))) {
                showResult(tr("Not purged: the counts above are what a purge would delete."), false);
                return;
            }
            const quint64 purgeGeneration = ++m_generation;
            setBusy(true, tr("Purging in one transaction (Cancel or a failure rolls it back: nothing is deleted)…"));
            const QString action = runs ? QStringLiteral("purge.runs") : QStringLiteral("purge.operations");
            m_cancel = QueryCancel::create();
            whenFinished(
                m_session->run([runs, days, ttl, now, location, action](SupportStore &store) {
                    AuditLog &log = store.auditLog();
                    log.requireAvailable();
                    QJsonObject details { { QStringLiteral("now"), now } };
                    details.insert(runs ? QStringLiteral("retention_days") : QStringLiteral("ttl_seconds"),
                        runs ? qint64(days) : ttl);
                    PurgeOutcome outcome;
                    QElapsedTimer timer;
                    timer.start();
                    try {
                        outcome.report = runs ? store.purgeExpiredRuns(days, now, false)
                                              : store.purgeExpiredOperations(ttl, now, false);
                    } catch (const Error &error) {
                        details.insert(QStringLiteral("error"), error.message());
                        // A cancel stops the purge, not its audit entry.
                        if (const StatementInterrupter again = store.interrupterForThisThread(); again.release)
                            again.release();
                        log.record(action, location, details, auditOutcomeOf(error));
                        throw;
                    }
                    outcome.durationMs = timer.elapsed();
                    details.insert(QStringLiteral("report"), purgeReportJson(outcome.report));
                    details.insert(QStringLiteral("duration_ms"), outcome.durationMs);
                    log.record(action, location, details, QStringLiteral("succeeded"));
                    return outcome;
                },
                    m_cancel),
                this,
                [this, purgeGeneration](const PurgeOutcome &outcome) {
                    if (purgeGeneration != m_generation)
                        return;
                    setBusy(false);
                    m_report->setReports({ outcome.report });
                    qint64 total = 0;
                    for (const qint64 n : outcome.report.deleted)
                        total += n;
                    showResult(tr("Deleted %1 rows in %2 ms (cut-off %3). Recorded in the audit log.")
                                   .arg(QLocale().toString(total))
                                   .arg(outcome.durationMs)
                                   .arg(outcome.report.cutoff),
                        false);
                    Q_EMIT storeChanged();
                    Q_EMIT actionRecorded();
                },
                [this, purgeGeneration](const Error &error) {
                    if (purgeGeneration != m_generation)
                        return;
                    setBusy(false);
                    if (isActionCancelled(error)) {
                        showResult(tr("Purge cancelled: nothing was deleted. Recorded in the audit log."), false);
                    } else {
                        showResult(tr("The purge failed, nothing was deleted: %1: %2").arg(error.code(), error.message()),
                            true);
                    }
                    Q_EMIT actionRecorded();
                });
        },
        [this, generation](const Error &error) {
            if (generation != m_generation)
                return;
            setBusy(false);
            if (isActionCancelled(error)) {
                showResult(tr("Cancelled while counting: nothing was deleted."), false);
                return;
            }
            showResult(tr("Cannot purge: %1: %2").arg(error.code(), error.message()), true);
        });
}

void RetentionTab::cancel()
{
    if (!m_busy || !m_cancel)
        return;
    m_cancel->cancel();
    m_cancelButton->setEnabled(false);
    m_progressText->setText(tr("Cancelling…"));
}

} // namespace dpm
