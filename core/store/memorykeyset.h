#pragma once

#include "domain/cursor.h"
#include "domain/page.h"

#include <QString>

#include <iterator>
#include <optional>
#include <set>
#include <utility>

namespace dpm::memory {

// (sort key, id): created_at or decided_at, then the row id. Listings walk an index of them
// backwards. QString's operator< compares UTF-16 code units, which for the store's ASCII
// timestamps and ids is the byte order of SQL's COLLATE "C".
using SortKey = std::pair<QString, QString>;
using SortIndex = std::set<SortKey>;

// One keyset page over an index ordered ascending by (sort key, id), read in descending order.
// `after` is the (sort key, id) of the previous page's last row: rows strictly below it follow.
// `matches(id)` applies the filters; rows below `lowerBound` end the walk (the from-bound).
template <typename T, typename Matches, typename Make>
Page<T> keysetPage(const SortIndex &index, const std::optional<SortKey> &after, int limit,
    const std::optional<QString> &lowerBound, CursorListing listing, Matches matches, Make make)
{
    Page<T> page;
    const auto start = after ? index.lower_bound(*after) : index.end();
    const SortKey *last = nullptr;
    for (auto it = std::make_reverse_iterator(start); it != index.rend(); ++it) {
        if (lowerBound && it->first < *lowerBound)
            break;
        if (!matches(it->second))
            continue;
        if (page.items.size() == limit) {
            page.nextCursor = encodeCursor(listing, last->first, last->second);
            break;
        }
        page.items.append(make(it->second));
        last = &*it;
    }
    return page;
}

// Where a listing continues: after the console cursor's key, or after the row a legacy cursor
// names — which must exist and match the filters (Part A §4), else the page is empty (`empty`
// set).
struct Continuation
{
    std::optional<SortKey> after;
    bool empty = false;
};

// `resolveLegacy(id)` gives the sort key of the row a bare id names in the filtered listing, or
// nullopt. Throws INVALID_CURSOR as decodeCursor does.
template <typename Resolve>
Continuation continuation(CursorListing listing, const std::optional<QString> &text, Resolve resolveLegacy)
{
    const std::optional<Cursor> cursor = decodeCursor(listing, text);
    if (!cursor)
        return {};
    if (!cursor->isLegacy())
        return { SortKey { *cursor->sortKey, cursor->id }, false };
    const std::optional<QString> key = resolveLegacy(cursor->id);
    if (!key)
        return { std::nullopt, true };
    return { SortKey { *key, cursor->id }, false };
}

} // namespace dpm::memory
