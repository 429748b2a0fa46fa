#include "bundle/bundleoperationtab.h"

#include "bundle/bundledocument.h"
#include "common/copyablefield.h"
#include "common/jsontreeview.h"
#include "common/statuscolors.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace dpm {

BundleOperationTab::BundleOperationTab(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_none(new QLabel(this))
    , m_operationId(new CopyableField(tr("operation id")))
    , m_correlationId(new CopyableField(tr("operation correlation id")))
    , m_status(new QLabel)
    , m_type(new QLabel)
    , m_times(new QLabel)
    , m_executable(new QLabel)
    , m_error(new QPlainTextEdit)
    , m_copyError(new QToolButton)
    , m_open(new QPushButton(tr("Open &operation")))
    , m_json(new JsonTreeView)
{
    m_none->setAlignment(Qt::AlignCenter);
    m_none->setWordWrap(true);
    m_none->setAccessibleName(tr("No async operation"));

    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setAccessibleName(tr("Operation status"));
    for (QLabel *label : { m_status, m_type, m_times, m_executable })
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_type->setAccessibleName(tr("Operation type"));
    m_times->setAccessibleName(tr("Operation times"));
    m_executable->setAccessibleName(tr("Executable"));
    m_error->setReadOnly(true);
    m_error->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_error->setAccessibleName(tr("Operation error message"));
    m_error->setMaximumHeight(m_error->fontMetrics().lineSpacing() * 5);
    m_error->setTabChangesFocus(true);
    m_copyError->setText(tr("Copy"));
    m_copyError->setAccessibleName(tr("Copy error message"));
    m_copyError->setToolTip(tr("Copy error message"));
    m_open->setAccessibleName(tr("Open operation"));
    m_json->setAccessibleName(tr("Operation request, result and error"));

    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_copyError, 0, Qt::AlignTop);

    auto *form = new QFormLayout;
    form->addRow(tr("Operation id:"), m_operationId);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Times:"), m_times);
    form->addRow(tr("Correlation id:"), m_correlationId);
    form->addRow(tr("Executable:"), m_executable);
    form->addRow(tr("Error message:"), errorRow);

    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    auto *top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addWidget(m_open, 0, Qt::AlignTop);
    detailsLayout->addLayout(top);
    detailsLayout->addWidget(m_json, 1);

    m_stack->addWidget(m_none);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_copyError, &QToolButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_error->toPlainText()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_operationIdValue.isEmpty())
            Q_EMIT openOperationRequested(m_operationIdValue);
    });
}

void BundleOperationTab::setDocument(const BundleDocument &document)
{
    const QJsonValue value = document.json.value(QLatin1String("async_operation"));
    if (!value.isObject()) {
        m_operationIdValue.clear();
        m_statusValue.clear();
        m_none->setText(tr("No async operation has this run's correlation id."));
        m_stack->setCurrentWidget(m_none);
        m_json->clear();
        return;
    }
    const QJsonObject op = value.toObject();
    auto text = [&op](const char *key) { return op.value(QLatin1String(key)).toString(); };
    auto orDash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; };
    m_operationIdValue = text("operation_id");
    m_statusValue = text("status");
    m_operationId->setValue(m_operationIdValue);
    m_correlationId->setValue(text("correlation_id"));
    m_status->setText(orDash(m_statusValue));
    m_type->setText(orDash(text("operation_type")));
    m_times->setText(tr("created %1, started %2, finished %3")
                         .arg(orDash(text("created_at")), orDash(text("started_at")), orDash(text("finished_at"))));
    m_executable->setText(
        op.value(QLatin1String("is_executable")).toBool() ? tr("yes (pending with a stored request)") : tr("no"));
    const QJsonObject error = op.value(QLatin1String("error")).toObject();
    QString message = error.value(QLatin1String("message")).toString();
    if (!error.isEmpty() && error.contains(QLatin1String("code")))
        message = error.value(QLatin1String("code")).toString() + QLatin1String(": ") + message;
    m_error->setPlainText(message);
    m_error->setPlaceholderText(tr("No error."));
    m_copyError->setEnabled(!message.isEmpty());

    QJsonObject payloads;
    // The request is not part of the bundle body; the offline viewer does not have it.
    if (!document.operationRequest.isUndefined())
        payloads.insert(QStringLiteral("request"), document.operationRequest);
    payloads.insert(QStringLiteral("result"), op.value(QLatin1String("result")));
    payloads.insert(QStringLiteral("error"), op.value(QLatin1String("error")));
    m_json->setJson(payloads);
    m_stack->setCurrentIndex(1);
    applyColors();
}

QString BundleOperationTab::errorMessage() const
{
    return m_error->toPlainText();
}

void BundleOperationTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

void BundleOperationTab::applyColors()
{
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, operationStatusColor(m_statusValue, palette()));
    m_status->setPalette(p);
}

} // namespace dpm
