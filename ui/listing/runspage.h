#pragma once

#include "domain/page.h"
#include "listing/listingpage.h"

class QComboBox;
class QLineEdit;

namespace dpm {

class TimeRangeFilter;

// The run listing with every filter of the store (time range, status, portfolio, request
// hash). Enter or double-click opens the run.
class RunsPage : public ListingPage
{
    Q_OBJECT

public:
    explicit RunsPage(QWidget *parent = nullptr);

    RunFilter filter() const;
    // Shows exactly this filter (other pages open the listing this way) and applies it.
    void setFilter(const RunFilter &filter);

Q_SIGNALS:
    void openRunRequested(const QString &runId);

protected:
    PageLoader makeLoader() const override;
    void resetFilterFields() override;

private:
    TimeRangeFilter *m_time;
    QComboBox *m_status;
    QLineEdit *m_portfolio;
    QLineEdit *m_requestHash;
};

} // namespace dpm
