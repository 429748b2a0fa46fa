#include "outbox/outboxdeliverypane.h"

#include "common/copyablefield.h"
#include "common/jsontreeview.h"
#include "common/statuscolors.h"
#include "domain/printabletext.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dpm {

namespace {

QLabel *valueLabel(const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

OutboxDeliveryDetail readDetail(SupportStore &store, const QString &outboxId)
{
    RunEventStore &events = store.runEvents();
    const std::optional<OutboxDelivery> delivery = events.getDelivery(outboxId);
    if (!delivery)
        throw deliveryNotFoundError(outboxId);
    OutboxDeliveryDetail detail { *delivery, std::nullopt };
    // The run's events are few (tens); the event is found among them.
    for (const RunEventWithDeliveries &item : events.listEvents(delivery->rebalanceRunId)) {
        if (item.event.eventId == delivery->eventId)
            detail.event = item.event;
    }
    return detail;
}

} // namespace

OutboxDeliveryPane::OutboxDeliveryPane(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
    , m_message(new QLabel(this))
    , m_content(new QWidget(this))
{
    setAccessibleName(tr("Delivery detail"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setAccessibleName(tr("Delivery detail state"));

    m_status = valueLabel(tr("Delivery status"), m_content);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_outboxId = new CopyableField(tr("outbox id"), m_content);
    m_topic = valueLabel(tr("Topic"), m_content);
    m_attempts = valueLabel(tr("Attempts"), m_content);
    m_nextAttempt = valueLabel(tr("Next attempt"), m_content);
    m_created = valueLabel(tr("Created"), m_content);
    m_delivered = valueLabel(tr("Delivered"), m_content);
    m_lease = valueLabel(tr("Relay lease"), m_content);
    // The run as a link: Enter or a click opens its support bundle.
    m_run = new QLabel(m_content);
    m_run->setAccessibleName(tr("Open the delivery's run"));
    m_run->setTextFormat(Qt::RichText);
    m_run->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_run, &QLabel::linkActivated, this, [this] {
        if (m_detail)
            Q_EMIT openRunRequested(m_detail->delivery.rebalanceRunId);
    });
    m_lastError = new QPlainTextEdit(m_content);
    m_lastError->setTabChangesFocus(true); // read-only text: Tab goes on to the next control
    m_lastError->setReadOnly(true);
    m_lastError->setAccessibleName(tr("Last error"));
    m_lastError->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_lastError->setMaximumHeight(m_lastError->fontMetrics().height() * 4);
    m_lastError->setPlaceholderText(tr("no error recorded"));

    auto *form = new QFormLayout;
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Outbox id:"), m_outboxId);
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Attempts:"), m_attempts);
    form->addRow(tr("Next attempt:"), m_nextAttempt);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Delivered:"), m_delivered);
    form->addRow(tr("Relay lease:"), m_lease);
    form->addRow(tr("Run:"), m_run);
    form->addRow(tr("Last error:"), m_lastError);

    m_payload = new JsonTreeView;
    m_payload->setAccessibleName(tr("Delivery payload"));
    m_event = new JsonTreeView;
    m_event->setAccessibleName(tr("The delivery's event"));
    m_tabs = new QTabWidget(m_content);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_payload, tr("Pa&yload"));
    m_tabs->addTab(m_event, tr("E&vent"));

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(form);
    contentLayout->addWidget(m_tabs, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_content, 1);
    clear();
}

void OutboxDeliveryPane::setSession(StoreSession *session)
{
    m_session = session;
    clear();
}

bool OutboxDeliveryPane::isLoading() const
{
    return m_request->isBusy();
}

void OutboxDeliveryPane::showDelivery(const QString &outboxId)
{
    m_requestedId = outboxId;
    if (!m_session || outboxId.isEmpty()) {
        clear();
        return;
    }
    if (!m_detail || m_detail->delivery.outboxId != outboxId)
        showMessage(tr("Reading delivery %1…").arg(outboxId));
    m_request->start(
        *m_session, [outboxId](SupportStore &store) { return readDetail(store, outboxId); },
        [this](const OutboxDeliveryDetail &detail) {
            showLoaded(detail);
            Q_EMIT loaded();
        },
        [this](const Error &error) {
            m_detail.reset();
            showMessage(QStringLiteral("%1: %2").arg(error.code(), error.message()));
            Q_EMIT loaded();
        });
}

void OutboxDeliveryPane::reload()
{
    if (!m_requestedId.isEmpty())
        showDelivery(m_requestedId);
}

void OutboxDeliveryPane::clear()
{
    m_request->cancel();
    m_requestedId.clear();
    m_detail.reset();
    showMessage(tr("Select a delivery to see its payload, attempts, last error and event."));
}

void OutboxDeliveryPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
    m_content->hide();
}

void OutboxDeliveryPane::showLoaded(const OutboxDeliveryDetail &detail)
{
    m_detail = detail;
    const OutboxDelivery &d = detail.delivery;
    const QString none = tr("—");
    m_status->setText(d.status);
    updateStatusColor();
    m_outboxId->setValue(d.outboxId);
    m_topic->setText(printableText(d.topic));
    m_attempts->setText(tr("%1 of %2").arg(d.attempts).arg(d.maxAttempts));
    m_nextAttempt->setText(d.nextAttemptAt.value_or(none));
    m_created->setText(d.createdAt);
    m_delivered->setText(d.deliveredAt.value_or(none));
    m_lease->setText(d.leaseOwner ? printableText(*d.leaseOwner) : none);
    m_run->setText(QStringLiteral("<a href=\"run\">%1</a>").arg(d.rebalanceRunId.toHtmlEscaped()));
    m_run->setToolTip(tr("Open the support bundle of %1").arg(d.rebalanceRunId));
    m_lastError->setPlainText(printableText(d.lastError.value_or(QString()), LineBreaks::Keep));
    m_payload->setJson(outboxDeliveryJson(d).value(QLatin1String("payload")));
    if (detail.event)
        m_event->setJson(runEventJson(*detail.event));
    else
        m_event->setJson(QJsonValue(tr("The event %1 is not stored.").arg(d.eventId)));
    m_message->hide();
    m_content->show();
}

void OutboxDeliveryPane::updateStatusColor()
{
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, outboxStatusColor(m_status->text(), palette()));
    m_status->setPalette(p);
}

void OutboxDeliveryPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_detail)
        updateStatusColor();
}

QString OutboxDeliveryPane::statusText() const
{
    return m_detail ? m_detail->delivery.status : QString();
}

QString OutboxDeliveryPane::lastErrorText() const
{
    return m_lastError->toPlainText();
}

} // namespace dpm
