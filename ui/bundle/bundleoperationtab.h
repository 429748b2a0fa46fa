#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace dpm {

class CopyableField;
class JsonTreeView;
struct BundleDocument;

// The bundle pane's async operation tab: the operation whose correlation id is the run's, with
// its status in colour and words, type, times, the error message (monospace, copyable) and its
// request/result/error JSON; "Open operation" asks for the Operations page.
class BundleOperationTab : public QWidget
{
    Q_OBJECT

public:
    explicit BundleOperationTab(QWidget *parent = nullptr);

    void setDocument(const BundleDocument &document);

    QString operationId() const { return m_operationIdValue; }
    QString statusText() const { return m_statusValue; }
    QString errorMessage() const;
    JsonTreeView *jsonView() const { return m_json; }

Q_SIGNALS:
    void openOperationRequested(const QString &operationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QStackedWidget *m_stack;
    QLabel *m_none;
    CopyableField *m_operationId;
    CopyableField *m_correlationId;
    QLabel *m_status;
    QLabel *m_type;
    QLabel *m_times;
    QLabel *m_executable;
    QPlainTextEdit *m_error;
    QToolButton *m_copyError;
    QPushButton *m_open;
    JsonTreeView *m_json;
    QString m_operationIdValue;
    QString m_statusValue;
};

} // namespace dpm
