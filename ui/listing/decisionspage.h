#pragma once

#include "domain/page.h"
#include "listing/listingpage.h"

class QComboBox;
class QLineEdit;

namespace dpm {

class TimeRangeFilter;

// The auditors' listing of workflow decisions (run, action, actor, reason code, time range).
// A decision opens its run.
class DecisionsPage : public ListingPage
{
    Q_OBJECT

public:
    explicit DecisionsPage(QWidget *parent = nullptr);

    DecisionFilter filter() const;
    void setFilter(const DecisionFilter &filter);

Q_SIGNALS:
    void openRunRequested(const QString &runId);

protected:
    PageLoader makeLoader() const override;
    void resetFilterFields() override;

private:
    TimeRangeFilter *m_time;
    QLineEdit *m_run;
    QComboBox *m_action;
    QLineEdit *m_actor;
    QLineEdit *m_reasonCode;
};

} // namespace dpm
