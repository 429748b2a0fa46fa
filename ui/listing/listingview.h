#pragma once

#include "listing/keysetlistmodel.h"
#include "listing/listingexport.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QFrame;

namespace dpm {

class StoreSession;

// The table every listing page shows: a KeysetListModel in a QTableView with the same
// behaviour everywhere — fixed row heights, pages loaded as the user scrolls, a footer saying
// how many rows are loaded and whether more exist, in-place loading with Cancel, an error bar
// with the reason code and Retry, copy (TSV/JSON), export (CSV/JSON with progress and cancel),
// a context menu, and column widths kept in the settings under the table's key.
class ListingView : public QWidget
{
    Q_OBJECT

public:
    ListingView(const QString &settingsKey, KeysetListModel *model, QWidget *parent = nullptr);
    ~ListingView() override;

    void setSession(StoreSession *session);
    QTableView *table() const { return m_table; }
    KeysetListModel *model() const { return m_model; }
    // The footer's text ("1,200 rows loaded, more available"), for tests and accessibility.
    QString footerText() const;

public Q_SLOTS:
    void copySelectionAsTsv();
    void copySelectionAsJson();
    void exportRows(); // asks for a file; CSV or JSON by the chosen filter
    void exportTo(const QString &path, dpm::ExportFormat format);

Q_SIGNALS:
    // Enter or double-click on a row.
    void rowActivated(int row);
    void currentRowChanged(int row);
    void exportFinished(const QString &path, qint64 rows);
    void exportFailed(const dpm::Error &error);

private:
    void updateFooter();
    void showContextMenu(const QPoint &pos);
    QList<int> selectedRows() const;

    QString m_settingsKey;
    KeysetListModel *m_model;
    StoreSession *m_session = nullptr;
    QTableView *m_table;
    QLabel *m_footer;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QFrame *m_errorBar;
    QLabel *m_errorText;
    QPushButton *m_retry;
};

} // namespace dpm
