#include "operationdetailpane.h"

#include "storesession.h"
#include "whenfinished.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dpm {

namespace {

QString prettyJson(const std::optional<QString> &text)
{
    if (!text)
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(text->toUtf8());
    return document.isNull() ? *text : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QLabel *valueLabel(QWidget *parent, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(accessibleName);
    return label;
}

QPlainTextEdit *jsonText(QWidget *parent, const QString &accessibleName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setAccessibleName(accessibleName);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

} // namespace

OperationDetailPane::OperationDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_body(new QWidget(this))
{
    setObjectName(QStringLiteral("operationDetail"));
    m_id = valueLabel(m_body, tr("Operation id"));
    m_type = valueLabel(m_body, tr("Operation type"));
    m_status = valueLabel(m_body, tr("Operation status"));
    m_correlation = valueLabel(m_body, tr("Correlation id"));
    m_times = valueLabel(m_body, tr("Times"));
    m_errorText = jsonText(m_body, tr("Error message"));
    m_errorText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_errorText->setMaximumHeight(m_errorText->fontMetrics().lineSpacing() * 5);
    m_payloads = new QTabWidget(m_body);
    m_request = jsonText(m_payloads, tr("Request JSON"));
    m_result = jsonText(m_payloads, tr("Result JSON"));
    m_error = jsonText(m_payloads, tr("Error JSON"));
    m_payloads->addTab(m_request, tr("Re&quest"));
    m_payloads->addTab(m_result, tr("Res&ult"));
    m_payloads->addTab(m_error, tr("E&rror"));
    m_openRun = new QPushButton(tr("Open &run"), m_body);
    m_openRun->setAccessibleName(tr("Open the run this operation produced"));
    auto *copyError = new QPushButton(tr("Cop&y error"), m_body);
    copyError->setAccessibleName(tr("Copy error message"));

    auto *form = new QFormLayout;
    form->addRow(tr("Operation:"), m_id);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Correlation:"), m_correlation);
    form->addRow(tr("Times:"), m_times);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_errorText, 1);
    errorRow->addWidget(copyError, 0, Qt::AlignTop);
    form->addRow(tr("Error:"), errorRow);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(form);
    bodyLayout->addWidget(m_payloads, 1);
    bodyLayout->addWidget(m_openRun, 0, Qt::AlignRight);

    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_body, 1);

    connect(m_openRun, &QPushButton::clicked, this, &OperationDetailPane::openRun);
    connect(copyError, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_errorText->toPlainText()); });
    clear();
}

void OperationDetailPane::setSession(StoreSession *session)
{
    m_session = session;
    clear();
}

QString OperationDetailPane::statusText() const
{
    return m_status->text();
}

void OperationDetailPane::clear()
{
    ++m_generation;
    m_operation.reset();
    showMessage(tr("Select an operation to see its request, result and error."));
}

void OperationDetailPane::showMessage(const QString &text)
{
    m_body->hide();
    m_message->setText(text);
    m_message->show();
}

void OperationDetailPane::showOperation(const QString &operationId)
{
    if (!m_session)
        return;
    const quint64 generation = ++m_generation;
    showMessage(tr("Loading operation %1…").arg(operationId));
    whenFinished(
        m_session->run([operationId](SupportStore &store) { return store.getOperation(operationId); }), this,
        [this, generation, operationId](const std::optional<AsyncOperation> &operation) {
            if (generation != m_generation)
                return;
            if (!operation) {
                showMessage(tr("DPM_ASYNC_OPERATION_NOT_FOUND: operation %1 is no longer in the store "
                               "(purged by its TTL?).")
                                .arg(operationId));
                return;
            }
            showLoaded(*operation);
        },
        [this, generation](const Error &error) {
            if (generation == m_generation)
                showMessage(error.code() + QStringLiteral(": ") + error.message());
        });
}

void OperationDetailPane::showLoaded(const AsyncOperation &operation)
{
    m_operation = operation;
    m_id->setText(operation.operationId);
    m_type->setText(operation.operationType);
    m_status->setText(operation.status);
    m_correlation->setText(operation.correlationId);
    m_times->setText(
        tr("created %1 · started %2 · finished %3")
            .arg(operation.createdAt, operation.startedAt.value_or(tr("—")), operation.finishedAt.value_or(tr("—"))));
    const QJsonObject error = QJsonDocument::fromJson(operation.errorJson.value_or(QString()).toUtf8()).object();
    m_errorText->setPlainText(error.isEmpty() ? QString()
                                              : error.value(QStringLiteral("code")).toString() + QStringLiteral(": ")
                + error.value(QStringLiteral("message")).toString());
    m_request->setPlainText(prettyJson(operation.requestJson));
    m_result->setPlainText(prettyJson(operation.resultJson));
    m_error->setPlainText(prettyJson(operation.errorJson));
    m_message->hide();
    m_body->show();
    Q_EMIT loaded();
}

void OperationDetailPane::openRun()
{
    if (!m_session || !m_operation)
        return;
    const QString correlationId = m_operation->correlationId;
    const quint64 generation = m_generation;
    whenFinished(
        m_session->run([correlationId](SupportStore &store) { return store.getRunByCorrelation(correlationId); }), this,
        [this, generation](const std::optional<RebalanceRun> &run) {
            if (generation != m_generation)
                return;
            if (run)
                Q_EMIT openRunRequested(run->rebalanceRunId);
            else
                m_openRun->setToolTip(tr("No run carries this operation's correlation id (yet)."));
        },
        [this](const Error &error) { m_openRun->setToolTip(error.code() + QStringLiteral(": ") + error.message()); });
}

} // namespace dpm
