#pragma once

#include <QString>

#include <optional>

namespace dpm {

// What a statement of the store changes, read from its leading keyword: "writing dpm_runs" for
// INSERT, UPDATE, DELETE, MERGE and COPY … FROM, "changing the schema" for DDL, "locking rows"
// for SELECT … FOR UPDATE; nullopt for a read, a transaction or a session setting. SqlDatabase
// asks it before each statement on a hot standby, so that every write path is refused up front
// with STORE_READ_ONLY_REPLICA, whichever store method runs it.
std::optional<QString> changeMadeBy(const QString &sql);

} // namespace dpm
