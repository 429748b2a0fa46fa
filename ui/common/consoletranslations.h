#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace dpm {

// The languages of translations/ the console can speak, by code ("en", "de").
QStringList consoleLanguages();

// The locale whose language the console speaks: `language` ("en", "de") or, when it is empty,
// the system's (LANG).
QLocale consoleLocale(const QString &language);

// Installs the console's own translation (embedded under :/i18n) and Qt's (qtbase, so the
// standard dialogs match) for `language` into the application. English has a translation too:
// it holds the plural forms of the English texts. Returns whether the console's was found.
bool installConsoleTranslations(QCoreApplication *app, const QString &language);

} // namespace dpm
