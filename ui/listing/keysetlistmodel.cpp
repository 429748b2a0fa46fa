#include "listing/keysetlistmodel.h"

#include "domain/printabletext.h"
#include "session/requesttracker.h"
#include "session/storesession.h"

namespace dpm {

namespace {

constexpr qsizetype kMaxCellLength = 160;

} // namespace

QString displayCell(const QString &text)
{
    // Stored text may hold control characters: shown as visible escapes, never passed to the
    // text engine.
    const QString printable = printableText(text, LineBreaks::Keep);
    QString cell = printable.size() > kMaxCellLength ? printable.left(kMaxCellLength - 1) + QChar(0x2026) : printable;
    // A table row is one line high.
    cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return cell;
}

KeysetListModel::KeysetListModel(QList<ListColumn> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
    , m_request(new RequestTracker(this))
{ }

bool KeysetListModel::isLoading() const
{
    return m_request->isBusy();
}

void KeysetListModel::setSession(StoreSession *session)
{
    // Rows of the previous store must not stay on screen; the next loader loads the new one.
    m_session = session;
    clear();
    Q_EMIT stateChanged();
}

void KeysetListModel::clear()
{
    m_request->cancel();
    beginResetModel();
    m_rows.clear();
    m_nextCursor.reset();
    endResetModel();
    m_error.reset();
}

void KeysetListModel::setLoader(PageLoader loader)
{
    m_loader = std::move(loader);
    reload();
}

void KeysetListModel::reload()
{
    clear();
    request(std::nullopt);
}

void KeysetListModel::cancel()
{
    if (!isLoading())
        return;
    m_request->cancel();
    Q_EMIT stateChanged();
}

void KeysetListModel::retry()
{
    if (m_error)
        request(m_failedCursor);
}

void KeysetListModel::request(const std::optional<QString> &cursor)
{
    if (!m_session || !m_loader) {
        Q_EMIT stateChanged();
        return;
    }
    m_error.reset();
    m_failedCursor.reset();
    const PageRequest page { m_pageSize, cursor };
    const bool first = !cursor.has_value();
    m_request->start(
        *m_session, [loader = m_loader, page](SupportStore &store) { return loader(store, page); },
        [this, first](const ListPage &result) {
            // Views ask for more while rows are inserted: no cursor until the rows are in, or
            // the page just read would be requested again.
            m_nextCursor.reset();
            if (!result.rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + result.rows.size() - 1));
                m_rows.append(result.rows);
                endInsertRows();
            }
            m_nextCursor = result.rows.isEmpty() ? std::nullopt : result.nextCursor;
            Q_EMIT stateChanged();
            if (first)
                Q_EMIT firstPageArrived();
        },
        [this, cursor](const Error &error) {
            m_error = error;
            m_failedCursor = cursor;
            Q_EMIT stateChanged();
            Q_EMIT loadFailed(error);
        });
    Q_EMIT stateChanged();
}

int KeysetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KeysetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant KeysetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ListRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.display.value(index.column());
    case Qt::ToolTipRole:
        return printableText(r.values.value(index.column()), LineBreaks::Keep);
    case FullValueRole:
        return r.values.value(index.column());
    case Qt::ForegroundRole:
        if (index.column() == m_statusColumn && m_colorOf)
            return m_colorOf(r.status);
        return {};
    case IdRole:
        return r.id;
    case RunIdRole:
        return r.runId;
    case StatusRole:
        return r.status;
    case RowJsonRole:
        return r.json;
    default:
        return {};
    }
}

QVariant KeysetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).title;
    if (role == Qt::ToolTipRole)
        return m_columns.at(section).key;
    return {};
}

bool KeysetListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextCursor.has_value() && !isLoading() && !m_error;
}

void KeysetListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_nextCursor);
}

} // namespace dpm
