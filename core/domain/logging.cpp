#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "dpm.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMigrate, "dpm.migrate", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransfer, "dpm.transfer", QtWarningMsg)
