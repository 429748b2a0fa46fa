#include "outbox/outboxrepairpanel.h"

#include "admin/actionstatuswidget.h"
#include "admin/adminconfirmation.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "session/requesttracker.h"
#include "session/storesession.h"

#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dpm {

namespace {

constexpr int kMaxPurgeDays = 10000 * 366; // as dpmctl's retention bounds
constexpr int kDefaultPurgeDays = 7;

} // namespace

OutboxRepairPanel::OutboxRepairPanel(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
    , m_retry(new QPushButton(tr("Re&try delivery…"), this))
    , m_reason(new QLineEdit(this))
    , m_discard(new QPushButton(tr("D&iscard delivery…"), this))
    , m_retryGroup(new QPushButton(tr("Retry &group…"), this))
    , m_days(new QSpinBox(this))
    , m_purge(new QPushButton(tr("P&urge delivered…"), this))
    , m_actionStatus(new ActionStatusWidget(this))
{
    m_retry->setAccessibleName(tr("Retry the selected delivery"));
    m_discard->setAccessibleName(tr("Discard the selected delivery"));
    m_retryGroup->setAccessibleName(tr("Retry the selected failure group"));
    m_purge->setAccessibleName(tr("Purge delivered deliveries"));
    m_reason->setAccessibleName(tr("Discard reason"));
    m_reason->setPlaceholderText(tr("why it is discarded (required)"));
    m_reason->setClearButtonEnabled(true);
    m_days->setRange(1, kMaxPurgeDays);
    m_days->setValue(kDefaultPurgeDays);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Purge delivered older than days"));
    m_actionStatus->setAccessibleNames(tr("Outbox repair progress"), tr("Outbox repair progress text"),
        tr("Cancel the outbox repair"), tr("Outbox repair result"));
    m_actionStatus->setCancelToolTip(tr("Stops the statement on the database: nothing is changed."));

    auto *grid = new QGridLayout;
    grid->addWidget(m_retry, 0, 0);
    auto *reasonLabel = new QLabel(tr("R&eason:"), this);
    reasonLabel->setBuddy(m_reason);
    grid->addWidget(m_discard, 1, 0);
    grid->addWidget(reasonLabel, 1, 1);
    grid->addWidget(m_reason, 1, 2);
    auto *daysLabel = new QLabel(tr("&older than"), this);
    daysLabel->setBuddy(m_days);
    grid->addWidget(m_purge, 2, 0);
    grid->addWidget(daysLabel, 2, 1);
    grid->addWidget(m_days, 2, 2);
    grid->setColumnStretch(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid);
    layout->addWidget(m_actionStatus);

    connect(m_retry, &QPushButton::clicked, this, &OutboxRepairPanel::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxRepairPanel::discardSelected);
    connect(m_retryGroup, &QPushButton::clicked, this, &OutboxRepairPanel::retryGroup);
    connect(m_purge, &QPushButton::clicked, this, &OutboxRepairPanel::purgeDelivered);
    connect(m_reason, &QLineEdit::textChanged, this, &OutboxRepairPanel::updateButtons);
    connect(m_actionStatus, &ActionStatusWidget::cancelRequested, this, &OutboxRepairPanel::cancel);
    updateButtons();
}

void OutboxRepairPanel::setSession(StoreSession *session)
{
    m_session = session;
    m_request->forget();
    m_cancel.reset();
    m_actionStatus->stop();
    m_actionStatus->hideResult();
    setSelectedDelivery({}, {});
    setSelectedGroup({}, 0);
}

void OutboxRepairPanel::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    updateButtons();
}

void OutboxRepairPanel::setSelectedDelivery(const QString &outboxId, const QString &status)
{
    m_outboxId = outboxId;
    m_status = status;
    updateButtons();
}

void OutboxRepairPanel::setSelectedGroup(const QString &groupId, qint64 count)
{
    m_groupId = groupId;
    m_groupCount = count;
    updateButtons();
}

bool OutboxRepairPanel::isBusy() const
{
    return m_request->isBusy();
}

QString OutboxRepairPanel::resultText() const
{
    return m_actionStatus->resultText();
}

void OutboxRepairPanel::updateButtons()
{
    const bool ready = m_session && !isBusy() && m_unlocked;
    // Retry takes FAILED or DEAD back to PENDING; discard takes PENDING or FAILED to DEAD.
    const bool retryable = m_status == QLatin1String("FAILED") || m_status == QLatin1String("DEAD");
    const bool discardable = m_status == QLatin1String("PENDING") || m_status == QLatin1String("FAILED");
    m_retry->setEnabled(ready && !m_outboxId.isEmpty() && retryable);
    m_discard->setEnabled(ready && !m_outboxId.isEmpty() && discardable && !m_reason->text().trimmed().isEmpty());
    m_retryGroup->setEnabled(ready && !m_groupId.isEmpty());
    m_purge->setEnabled(ready);
    const QString locked = tr("Read-only: unlock admin actions (Ctrl+Shift+U on the Admin page, or Unlock above).");
    m_retry->setToolTip(
        m_unlocked ? tr("Counts, asks, then puts the FAILED or DEAD delivery back to PENDING, due now.") : locked);
    m_discard->setToolTip(
        m_unlocked ? tr("Counts, asks, then marks the PENDING or FAILED delivery DEAD with the reason.") : locked);
    m_retryGroup->setToolTip(m_unlocked
            ? tr("Counts, asks, then puts every FAILED or DEAD delivery of the selected group back to PENDING.")
            : locked);
    m_purge->setToolTip(
        m_unlocked ? tr("Counts, asks, then deletes DELIVERED deliveries older than the days given.") : locked);
}

QString OutboxRepairPanel::verb(OutboxActionKind kind) const
{
    switch (kind) {
    case OutboxActionKind::Retry:
        return tr("Retry");
    case OutboxActionKind::Discard:
        return tr("Discard");
    case OutboxActionKind::Purge:
        return tr("Purge");
    }
    return {};
}

void OutboxRepairPanel::retrySelected()
{
    OutboxActionOptions options;
    options.kind = OutboxActionKind::Retry;
    options.selection.outboxId = m_outboxId;
    perform(options);
}

void OutboxRepairPanel::discardSelected()
{
    OutboxActionOptions options;
    options.kind = OutboxActionKind::Discard;
    options.selection.outboxId = m_outboxId;
    options.reason = m_reason->text().trimmed();
    perform(options);
}

void OutboxRepairPanel::retryGroup()
{
    OutboxActionOptions options;
    options.kind = OutboxActionKind::Retry;
    options.selection.groupId = m_groupId;
    perform(options);
}

void OutboxRepairPanel::purgeDelivered()
{
    OutboxActionOptions options;
    options.kind = OutboxActionKind::Purge;
    options.olderThanDays = m_days->value();
    perform(options);
}

std::shared_ptr<CancelToken> OutboxRepairPanel::startAction(const QString &sentence)
{
    m_cancel = std::make_shared<CancelToken>();
    m_actionStatus->start(sentence);
    return m_cancel;
}

void OutboxRepairPanel::endAction()
{
    m_cancel.reset();
    m_actionStatus->stop();
    updateButtons();
}

void OutboxRepairPanel::perform(const OutboxActionOptions &requested)
{
    if (!m_unlocked || !m_session || isBusy()) {
        m_actionStatus->showResult(tr("Read-only: unlock admin actions before repairing the outbox."), true);
        return;
    }
    const bool selectionMissing = requested.kind != OutboxActionKind::Purge
        && requested.selection.outboxId.value_or(QString()).isEmpty()
        && requested.selection.groupId.value_or(QString()).isEmpty();
    if (selectionMissing) {
        m_actionStatus->showResult(tr("Select a delivery or a failure group first."), true);
        return;
    }
    if (requested.kind == OutboxActionKind::Discard && requested.reason.isEmpty()) {
        m_actionStatus->showResult(tr("Give a reason for the discard: it is kept in the delivery's last error."), true);
        return;
    }
    OutboxActionOptions options = requested;
    options.now = nowTimestamp();
    // The count first: the confirmation names it, and a refusal (no audit table, no event
    // tables) comes here before anything changes.
    m_request->start(
        *m_session,
        [options, cancel = startAction(tr("Counting the deliveries it would change…"))](
            SupportStore &store) { return previewOutboxAction(store, options, cancel.get()).affected; },
        [this, options](qint64 count) {
            endAction();
            confirmAndRun(options, count);
        },
        [this, options](const Error &error) {
            endAction();
            if (isActionCancelled(error))
                m_actionStatus->showResult(tr("Cancelled while counting: nothing was changed."), false);
            else
                m_actionStatus->showResult(
                    tr("Cannot %1: %2: %3").arg(verb(options.kind).toLower(), error.code(), error.message()), true);
        });
    updateButtons();
}

void OutboxRepairPanel::confirmAndRun(const OutboxActionOptions &options, qint64 count)
{
    if (count == 0) {
        m_actionStatus->showResult(
            tr("Nothing to change: no delivery matches (it may have changed meanwhile)."), false);
        return;
    }
    const QString location = m_session->redactedLocation();
    QString question;
    switch (options.kind) {
    case OutboxActionKind::Retry:
        question = tr("Put %Ln FAILED or DEAD delivery(s) back to PENDING, due now, in %1?", nullptr, int(count)).arg(location);
        break;
    case OutboxActionKind::Discard:
        question = tr("Mark %Ln delivery(s) DEAD (\"discarded: %1\") in %2?", nullptr, int(count)).arg(options.reason, location);
        break;
    case OutboxActionKind::Purge:
        question = tr("Delete %Ln DELIVERED delivery(s) older than %1 days from %2?", nullptr, int(count))
                       .arg(options.olderThanDays)
                       .arg(location);
        break;
    }
    const QString what = options.kind == OutboxActionKind::Purge
        ? QString()
        : QString::fromUtf8(QJsonDocument(outboxSelectionJson(options.selection)).toJson(QJsonDocument::Compact));
    if (!confirmAdminAction(this, tr("%1 outbox deliveries").arg(verb(options.kind)), question,
            tr("Recorded in the audit log as %1. %2").arg(outboxActionName(options.kind), what))) {
        m_actionStatus->showResult(tr("Not changed: %Ln delivery(s) would be.", nullptr, int(count)), false);
        return;
    }
    m_request->start(
        *m_session,
        [options, progress = m_actionStatus->progressFunction(),
            cancel = startAction(tr("Changing the deliveries in one transaction (Cancel rolls it back)…"))](
            SupportStore &store) { return runOutboxAction(store, options, progress, cancel.get()); },
        [this, options](const OutboxActionResult &result) {
            endAction();
            QString text = tr("%1: %Ln delivery(s) changed in %2 ms.", nullptr, int(result.affected))
                               .arg(verb(options.kind))
                               .arg(result.durationMs);
            text += u' '
                + (result.auditError ? tr("Not recorded in the audit log: %1: %2")
                                           .arg(result.auditError->code(), result.auditError->message())
                                     : tr("Recorded in the audit log."));
            m_actionStatus->showResult(text, false);
            Q_EMIT storeChanged();
            Q_EMIT actionRecorded();
        },
        [this, options](const Error &error) {
            endAction();
            if (isActionCancelled(error))
                m_actionStatus->showResult(tr("Cancelled: nothing was changed. Recorded in the audit log."), false);
            else
                m_actionStatus->showResult(
                    tr("%1 failed, nothing was changed: %2: %3").arg(verb(options.kind), error.code(), error.message()),
                    true);
            Q_EMIT actionRecorded();
        });
    updateButtons();
}

void OutboxRepairPanel::cancel()
{
    if (!isBusy() || !m_cancel)
        return;
    m_cancel->cancel();
    m_actionStatus->setSentence(tr("Cancelling…"));
}

} // namespace dpm
