#include "common/consoletranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace dpm {

QStringList consoleLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("de") };
}

QLocale consoleLocale(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

bool installConsoleTranslations(QCoreApplication *app, const QString &language)
{
    const QLocale locale = consoleLocale(language);
    // A language the console does not speak falls back to English, the source language.
    const QString code = consoleLanguages().contains(QLocale::languageToCode(locale.language()))
        ? QLocale::languageToCode(locale.language())
        : QStringLiteral("en");
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    if (!own->load(QStringLiteral(":/i18n/dpm_%1.qm").arg(code))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace dpm
