#pragma once

#include <QString>

#include <optional>

namespace dpm {

// Which keyset listing a cursor belongs to; a cursor of one listing given to another is foreign.
enum class CursorListing { Runs, Operations, Decisions, AuditLog, Proposals, Outbox };

// A decoded cursor (Part A §4). The service's clients hold a bare row id ("legacy" cursor): it
// keeps working and is resolved against the store, an id naming no matching row giving an empty
// page. The console's own cursors carry the last row's sort key too ("c1." + base64url JSON), so
// paging continues even when that row was purged meanwhile.
struct Cursor
{
    // Set for the console's cursors; for a legacy cursor only id is set.
    std::optional<QString> sortKey;
    QString id;

    bool isLegacy() const { return !sortKey.has_value(); }
};

QString encodeCursor(CursorListing listing, const QString &sortKey, const QString &id);

// nullopt for an absent or empty cursor (first page, as the service treats ""). Throws Error
// INVALID_CURSOR for a console cursor that cannot be decoded or belongs to another listing, and
// for any cursor whose values cannot be a row's key (a NUL or another control character, broken
// UTF-8, over 1024 characters): such a value never reaches a database.
std::optional<Cursor> decodeCursor(CursorListing listing, const std::optional<QString> &text);

} // namespace dpm
