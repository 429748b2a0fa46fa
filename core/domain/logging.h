#pragma once

#include <QLoggingCategory>

// One category per area (conventions: dpm.store, dpm.migrate, …), defined in logging.cpp with
// warnings as the default level. Log DSNs only through StoreLocation::redacted()/redactSecrets().
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcMigrate)
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)
