#pragma once

#include "domain/error.h"
#include "domain/page.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

namespace dpm {

class RequestTracker;
class StoreSession;
class SupportStore;

// A column of a listing: the service's API field name (CSV headers, JSON keys) and its title.
struct ListColumn
{
    QString key;
    QString title;
};

// One listed row, prepared on the worker thread so that data() only indexes into it.
struct ListRow
{
    QString id; // the row's identity (run id, decision id, operation id)
    QString runId; // the run it leads to, empty when none
    QString status; // coloured when set (run or operation status)
    QStringList display; // per column, truncated for the table
    QStringList values; // per column, full text (copy, CSV)
    QJsonObject json; // the row in the service's API shape (copy as JSON, JSON export)
};

struct ListPage
{
    QList<ListRow> rows;
    std::optional<QString> nextCursor;
};

// Reads one page of a listing with the filter it captured; runs on a worker thread.
using PageLoader = std::function<ListPage(SupportStore &, const PageRequest &)>;

// Truncates text for a table cell; the full value stays in ListRow::values.
QString displayCell(const QString &text);

// A keyset listing as a table: the first page loads when a loader (a filter) is set, further
// pages when the view scrolls to the end (canFetchMore/fetchMore), each on the session's worker
// threads. A new loader or reload() replaces whatever was in flight: it is stopped on the
// database and its answer dropped.
class KeysetListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        RunIdRole,
        StatusRole,
        FullValueRole, // the untruncated cell text
        RowJsonRole, // the row's QJsonObject
    };

    KeysetListModel(QList<ListColumn> columns, QObject *parent = nullptr);

    // Forgets the rows; nothing loads until setLoader() or reload().
    void setSession(StoreSession *session);
    // A new filter: clears the rows and loads the first page.
    void setLoader(PageLoader loader);
    const PageLoader &loader() const { return m_loader; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Which column holds a status to colour (-1: none).
    void setStatusColumn(int column) { m_statusColumn = column; }
    void setStatusColors(std::function<QVariant(const QString &status)> colorOf) { m_colorOf = std::move(colorOf); }

    const QList<ListColumn> &columns() const { return m_columns; }
    const ListRow &row(int index) const { return m_rows.at(index); }
    bool isLoading() const;
    bool hasMore() const { return m_nextCursor.has_value(); }
    const std::optional<Error> &lastError() const { return m_error; }

    void reload();
    // Stops the request in flight (its result is dropped when it arrives).
    void cancel();
    // Repeats the request that failed.
    void retry();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // Loading started or stopped, rows arrived, a request failed or was cancelled.
    void stateChanged();
    void loadFailed(const dpm::Error &error);
    void firstPageArrived();

private:
    // Drops the rows and whatever request is in flight.
    void clear();
    void request(const std::optional<QString> &cursor);

    QList<ListColumn> m_columns;
    QPointer<StoreSession> m_session;
    RequestTracker *m_request; // the page being read
    PageLoader m_loader;
    int m_pageSize = 200;
    int m_statusColumn = -1;
    std::function<QVariant(const QString &)> m_colorOf;
    QList<ListRow> m_rows;
    std::optional<QString> m_nextCursor;
    std::optional<QString> m_failedCursor;
    std::optional<Error> m_error;
};

} // namespace dpm
