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
// Also true for a server that refused or wanted its bearer token (REMOTE_UNAUTHORIZED).
bool needsPassword(const Error &error);

// Which store a password is asked for: the store, or its separate proposal store.
enum class PasswordFor { Store, ProposalStore };

// Asks for the password of a PostgreSQL location (modal; names the store it is for, the user and
// the redacted location), or a server's bearer token. nullopt when the user cancels or the
// location is neither.
std::optional<QString> askPassword(
    QWidget *parent, const StoreLocation &location, PasswordFor store = PasswordFor::Store);

} // namespace dpm
