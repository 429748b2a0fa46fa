#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace dpm {

class CopyableField;
class RuleResultsModel;
struct BundleDocument;

// The bundle pane's first tab: the run's ids (each copyable), its status in colour and words,
// the gate decision, the rule results with failures first, and the run's dpm:// link.
class BundleOverviewTab : public QWidget
{
    Q_OBJECT

public:
    explicit BundleOverviewTab(QWidget *parent = nullptr);

    void setDocument(const BundleDocument &document);

    QString statusText() const;
    RuleResultsModel *ruleModel() const { return m_rules; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    CopyableField *m_runId;
    CopyableField *m_correlationId;
    CopyableField *m_requestHash;
    CopyableField *m_idempotencyKey;
    CopyableField *m_portfolioId;
    CopyableField *m_createdAt;
    CopyableField *m_link;
    QLabel *m_status;
    QLabel *m_gate;
    QLabel *m_rulesSummary;
    RuleResultsModel *m_rules;
    QTableView *m_rulesView;
    QString m_statusValue;
};

} // namespace dpm
