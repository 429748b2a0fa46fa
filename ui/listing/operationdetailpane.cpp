#include "listing/operationdetailpane.h"

#include "common/jsontreeview.h"
#include "common/statuscolors.h"
#include "session/requesttracker.h"
#include "session/storesession.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dpm {

namespace {

// A stored JSON text as a tree value; text that is not JSON is shown as the string it is.
QJsonValue jsonValue(const std::optional<QString> &text)
{
    if (!text)
        return QJsonValue::Null;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text->toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return *text;
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

OperationDetail readOperationDetail(SupportStore &store, const QString &operationId)
{
    const std::optional<AsyncOperation> operation = store.getOperation(operationId);
    if (!operation) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_ASYNC_OPERATION_NOT_FOUND"),
            OperationDetailPane::tr("Operation %1 is not in the store (purged by its TTL?).").arg(operationId));
    }
    OperationDetail detail { *operation, {} };
    if (const auto run = store.getRunByCorrelation(operation->correlationId))
        detail.producedRunIds << run->rebalanceRunId;
    const QString causedBy = toWire(LineageEdgeType::CausedBy);
    for (const LineageEdge &edge : store.listLineageEdges(operationId)) {
        if (edge.edgeType == causedBy && edge.targetEntityId == operationId
            && !detail.producedRunIds.contains(edge.sourceEntityId))
            detail.producedRunIds << edge.sourceEntityId;
    }
    return detail;
}

QLabel *valueLabel(QWidget *parent, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(accessibleName);
    return label;
}

} // namespace

OperationDetailPane::OperationDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
    , m_message(new QLabel(this))
    , m_body(new QWidget(this))
{
    setObjectName(QStringLiteral("operationDetail"));
    m_id = valueLabel(m_body, tr("Operation id"));
    m_type = valueLabel(m_body, tr("Operation type"));
    m_status = valueLabel(m_body, tr("Operation status"));
    m_correlation = valueLabel(m_body, tr("Correlation id"));
    m_times = valueLabel(m_body, tr("Times"));
    m_times->setWordWrap(true); // three timestamps must not decide the pane's width
    m_errorText = new QPlainTextEdit(m_body);
    m_errorText->setTabChangesFocus(true); // read-only text: Tab goes on to the next control
    m_errorText->setReadOnly(true);
    m_errorText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorText->setAccessibleName(tr("Error message"));
    m_errorText->setMaximumHeight(m_errorText->fontMetrics().lineSpacing() * 5);
    m_payloads = new JsonTreeView(m_body);
    m_payloads->setAccessibleName(tr("Request, result and error JSON"));
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
    m_request->cancel();
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
    showMessage(tr("Loading operation %1…").arg(operationId));
    m_request->start(
        *m_session, [operationId](SupportStore &store) { return readOperationDetail(store, operationId); },
        [this](const OperationDetail &detail) { showLoaded(detail); },
        [this](const Error &error) { showMessage(error.code() + QStringLiteral(": ") + error.message()); });
}

QString OperationDetailPane::errorText() const
{
    return m_errorText->toPlainText();
}

void OperationDetailPane::showLoaded(const OperationDetail &detail)
{
    const AsyncOperation &operation = detail.operation;
    m_operation = operation;
    m_producedRuns = detail.producedRunIds;
    m_id->setText(operation.operationId);
    m_type->setText(operation.operationType);
    m_status->setText(operation.status);
    QPalette statusPalette = m_status->palette();
    const QColor statusColor = operationStatusColor(operation.status, palette());
    statusPalette.setColor(
        QPalette::WindowText, statusColor.isValid() ? statusColor : palette().color(QPalette::WindowText));
    m_status->setPalette(statusPalette);
    m_correlation->setText(operation.correlationId);
    m_times->setText(
        tr("created %1 · started %2 · finished %3")
            .arg(operation.createdAt, operation.startedAt.value_or(tr("—")), operation.finishedAt.value_or(tr("—"))));
    const QJsonObject error = QJsonDocument::fromJson(operation.errorJson.value_or(QString()).toUtf8()).object();
    m_errorText->setPlainText(error.isEmpty() ? QString()
                                              : error.value(QStringLiteral("code")).toString() + QStringLiteral(": ")
                + error.value(QStringLiteral("message")).toString());
    m_payloads->setJson(QJsonObject { { QStringLiteral("request"), jsonValue(operation.requestJson) },
        { QStringLiteral("result"), jsonValue(operation.resultJson) },
        { QStringLiteral("error"), jsonValue(operation.errorJson) } });
    m_openRun->setEnabled(!m_producedRuns.isEmpty());
    m_openRun->setText(m_producedRuns.size() > 1 ? tr("Open &run (%1)…").arg(m_producedRuns.size()) : tr("Open &run"));
    m_openRun->setToolTip(m_producedRuns.isEmpty() ? tr("This operation has not produced a run (yet).") : QString());
    m_message->hide();
    m_body->show();
    Q_EMIT loaded();
}

void OperationDetailPane::openRun()
{
    if (m_producedRuns.size() == 1) {
        Q_EMIT openRunRequested(m_producedRuns.first());
        return;
    }
    if (m_producedRuns.isEmpty())
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("producedRunsMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const QString &runId : std::as_const(m_producedRuns))
        menu->addAction(runId, this, [this, runId] { Q_EMIT openRunRequested(runId); });
    menu->popup(m_openRun->mapToGlobal(QPoint(0, m_openRun->height())));
}

} // namespace dpm
