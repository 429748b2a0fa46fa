#pragma once

#include "domain/entities.h"
#include "domain/error.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace dpm {

class StoreSession;

// One async operation in full: its fields, the error message (monospace, copyable) and its
// request, result and error JSON. Reads the operation itself, so the listing need not carry
// the request payloads.
class OperationDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit OperationDetailPane(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    QString operationId() const { return m_operation ? m_operation->operationId : QString(); }
    QString statusText() const;

public Q_SLOTS:
    void showOperation(const QString &operationId);
    void clear();
    // Finds the run this operation produced (the run with its correlation id) and asks to open it.
    void openRun();

Q_SIGNALS:
    void loaded();
    void openRunRequested(const QString &runId);

private:
    void showLoaded(const AsyncOperation &operation);
    void showMessage(const QString &text);

    StoreSession *m_session = nullptr;
    quint64 m_generation = 0;
    std::optional<AsyncOperation> m_operation;
    QLabel *m_message;
    QWidget *m_body;
    QLabel *m_id;
    QLabel *m_type;
    QLabel *m_status;
    QLabel *m_correlation;
    QLabel *m_times;
    QPlainTextEdit *m_errorText;
    QTabWidget *m_payloads;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_result;
    QPlainTextEdit *m_error;
    QPushButton *m_openRun;
};

} // namespace dpm
