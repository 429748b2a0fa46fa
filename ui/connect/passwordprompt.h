#pragma once

#include "domain/error.h"
#include "store/storelocation.h"

#include <QString>

#include <optional>

class QWidget;

namespace dpm {

// True when opening a PostgreSQL store failed only for want of a (right) password: libpq said
// "no password supplied" or "password authentication failed". The console then asks with
// askPassword() and opens location.withPassword(answer) instead; the answer is never stored.
bool needsPassword(const Error &error);

// Asks for the password of a PostgreSQL location (modal; names the user and the redacted
// location). nullopt when the user cancels or the location is not PostgreSQL.
std::optional<QString> askPassword(QWidget *parent, const StoreLocation &location);

} // namespace dpm
