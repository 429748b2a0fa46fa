// Linked into every widget test: the console's English translation (its plural forms, "1 row" /
// "2 rows") is installed as the application starts, as dpm-console does on an English system.
// A test that wants another language installs that one over it.
#include "common/consoletranslations.h"

#include <QCoreApplication>

namespace {

void installEnglish()
{
    dpm::installConsoleTranslations(QCoreApplication::instance(), QStringLiteral("en"));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
