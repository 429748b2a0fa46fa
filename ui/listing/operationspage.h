#pragma once

#include "domain/page.h"
#include "listing/listingpage.h"

class QComboBox;
class QLineEdit;

namespace dpm {

class OperationDetailPane;
class TimeRangeFilter;

// The async operation listing (time range, type, status, correlation) with the selected
// operation's detail beside it.
class OperationsPage : public ListingPage
{
    Q_OBJECT

public:
    explicit OperationsPage(QWidget *parent = nullptr);

    void setSession(StoreSession *session) override;
    OperationFilter filter() const;
    void setFilter(const OperationFilter &filter);
    OperationDetailPane *detail() const { return m_detail; }

Q_SIGNALS:
    void openRunRequested(const QString &runId);

protected:
    PageLoader makeLoader() const override;
    void resetFilterFields() override;

private:
    TimeRangeFilter *m_time;
    QComboBox *m_type;
    QComboBox *m_status;
    QLineEdit *m_correlation;
    OperationDetailPane *m_detail;
};

} // namespace dpm
