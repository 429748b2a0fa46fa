#pragma once

#include "domain/entities.h"
#include "domain/error.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace dpm {

class JsonTreeView;
class RequestTracker;
class StoreSession;

// An operation with the runs it produced: the run carrying its correlation id and the runs
// whose caused_by lineage edge points at it (the scenarios of an ANALYZE_SCENARIOS batch).
struct OperationDetail
{
    AsyncOperation operation;
    QStringList producedRunIds;
};

// One async operation in full: its fields, the error message (monospace, copyable), its
// request, result and error JSON as one tree, and the runs it produced. Reads the operation
// itself, so the listing need not carry the payloads.
class OperationDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit OperationDetailPane(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    QString operationId() const { return m_operation ? m_operation->operationId : QString(); }
    QString statusText() const;
    QStringList producedRunIds() const { return m_producedRuns; }
    QString errorText() const;

public Q_SLOTS:
    void showOperation(const QString &operationId);
    void clear();
    // Opens the run this operation produced, or offers the choice when it produced several.
    void openRun();

Q_SIGNALS:
    void loaded();
    void openRunRequested(const QString &runId);

private:
    void showLoaded(const OperationDetail &detail);
    void showMessage(const QString &text);

    StoreSession *m_session = nullptr;
    RequestTracker *m_request; // the operation being read
    std::optional<AsyncOperation> m_operation;
    QStringList m_producedRuns;
    QLabel *m_message;
    QWidget *m_body;
    QLabel *m_id;
    QLabel *m_type;
    QLabel *m_status;
    QLabel *m_correlation;
    QLabel *m_times;
    QPlainTextEdit *m_errorText;
    JsonTreeView *m_payloads;
    QPushButton *m_openRun;
};

} // namespace dpm
