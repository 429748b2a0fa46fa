// The layers of design.md, checked on the sources: every #include of core/ and ui/ points down
// (app -> ui -> core; inside core domain <- store <- migrate <- services, and demo beside
// services on top of store), the UI stays out of the SQL internals and the migrations, and core
// uses no Qt module beyond QtCore, QtSql and QtNetwork.

#include <QDir>
#include <QDebug>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <tuple>

namespace {

const QString kSourceDir = QStringLiteral(DPM_SOURCE_DIR);

// What each folder of core may include (itself included).
const QHash<QString, QSet<QString>> kCoreAllowed {
    { QStringLiteral("domain"), { QStringLiteral("domain") } },
    { QStringLiteral("store"), { QStringLiteral("domain"), QStringLiteral("store") } },
    { QStringLiteral("migrate"), { QStringLiteral("domain"), QStringLiteral("store"), QStringLiteral("migrate") } },
    { QStringLiteral("services"),
        { QStringLiteral("domain"), QStringLiteral("store"), QStringLiteral("migrate"), QStringLiteral("services") } },
    // The demo generator fills a store through its bulk path; it needs no migration and no use case.
    { QStringLiteral("demo"), { QStringLiteral("domain"), QStringLiteral("store"), QStringLiteral("demo") } },
};

// The Qt modules core may use (design.md: no Gui, no Widgets).
const QSet<QString> kCoreQtModules { QStringLiteral("QtCore"), QStringLiteral("QtSql"), QStringLiteral("QtNetwork") };

struct Include
{
    QString file; // relative to the source dir, e.g. "core/domain/apijson.cpp"
    int line = 0;
    bool angled = false;
    QString name; // as written between the quotes or brackets
    QString text; // the whole line, trimmed

    QString where() const { return QStringLiteral("%1:%2: %3").arg(file, QString::number(line), text); }
};

QList<Include> includesUnder(const QString &top)
{
    static const QRegularExpression directive(QStringLiteral("^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"));
    QList<Include> out;
    const QDir source(kSourceDir);
    QDirIterator it(source.filePath(top), { QStringLiteral("*.h"), QStringLiteral("*.cpp") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("cannot read %s", qPrintable(path));
        int lineNo = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNo;
            const QRegularExpressionMatch m = directive.match(line);
            if (m.hasMatch()) {
                out.append({ source.relativeFilePath(path), lineNo, m.captured(1) == QLatin1String("<"), m.captured(2),
                    line.trimmed() });
            }
        }
    }
    std::sort(out.begin(), out.end(),
        [](const Include &a, const Include &b) { return std::tie(a.file, a.line) < std::tie(b.file, b.line); });
    return out;
}

// Where a quoted include leads, relative to the source dir ("core/store/sqlstore.h"), as the
// compiler finds it: the including file's folder first, then core/ and ui/ (their include
// directories). Empty for generated files (moc output).
QString resolve(const Include &include)
{
    const QDir source(kSourceDir);
    const QString sameFolder = QFileInfo(include.file).path() + QLatin1Char('/') + include.name;
    if (QFileInfo::exists(source.filePath(sameFolder)))
        return QDir::cleanPath(sameFolder);
    for (const QString &root : { QStringLiteral("core"), QStringLiteral("ui") }) {
        const QString candidate = root + QLatin1Char('/') + include.name;
        if (QFileInfo::exists(source.filePath(candidate)))
            return QDir::cleanPath(candidate);
    }
    return {};
}

// "domain", "store", … for core files, "ui" for anything under ui/.
QString layerOf(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.value(0) == QLatin1String("ui"))
        return QStringLiteral("ui");
    return parts.value(1);
}

// Each violation on a line of its own (Qt Test cuts a failure message at about 1,000 characters).
QString report(const QStringList &violations)
{
    for (const QString &violation : violations)
        qWarning().noquote() << violation;
    return QStringLiteral("%1 include(s) against the layers of design.md, listed above").arg(violations.size());
}

} // namespace

class LayeringTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void core_includesOnlyItsOwnAndLowerLayers();
    void ui_includesNoSqlInternalsAndNoMigrations();
    void core_includesNoQtModuleBeyondCoreSqlNetwork();
    void httpServer_livesOnlyInServerFolder();
};

void LayeringTest::initTestCase()
{
    QVERIFY2(QFileInfo::exists(kSourceDir + QStringLiteral("/core/domain/error.h")),
        qPrintable(QStringLiteral("DPM_SOURCE_DIR %1 is not the project's source tree.").arg(kSourceDir)));
}

void LayeringTest::core_includesOnlyItsOwnAndLowerLayers()
{
    QStringList violations;
    const QList<Include> includes = includesUnder(QStringLiteral("core"));
    QVERIFY(includes.size() > 100);
    for (const Include &include : includes) {
        if (include.angled)
            continue;
        const QString from = layerOf(include.file);
        const QString target = resolve(include);
        if (target.isEmpty())
            continue;
        const QString to = layerOf(target);
        if (to == QLatin1String("ui")) {
            violations << QStringLiteral("%1  (core never includes ui/)").arg(include.where());
            continue;
        }
        const auto allowed = kCoreAllowed.constFind(from);
        if (allowed == kCoreAllowed.cend()) {
            violations << QStringLiteral("%1  (core/%2 is not a layer of design.md)").arg(include.where(), from);
            continue;
        }
        if (!allowed->contains(to)) {
            QStringList names = allowed->values();
            names.sort();
            violations << QStringLiteral("%1  (core/%2 may include only %3)")
                              .arg(include.where(), from, names.join(QStringLiteral(", ")));
        }
    }
    QVERIFY2(violations.isEmpty(), qPrintable(report(violations)));
}

void LayeringTest::ui_includesNoSqlInternalsAndNoMigrations()
{
    static const QRegularExpression sqlInternals(QStringLiteral("^core/store/sql[^/]*\\.h$"));
    QStringList violations;
    const QList<Include> includes = includesUnder(QStringLiteral("ui"));
    QVERIFY(includes.size() > 100);
    for (const Include &include : includes) {
        if (include.angled)
            continue;
        const QString target = resolve(include);
        if (sqlInternals.match(target).hasMatch())
            violations << QStringLiteral("%1  (the SQL store's internals stay in core; ask core/services)")
                              .arg(include.where());
        else if (target.startsWith(QLatin1String("core/migrate/")))
            violations << QStringLiteral("%1  (migrations are reached through core/services)").arg(include.where());
    }
    QVERIFY2(violations.isEmpty(), qPrintable(report(violations)));
}

void LayeringTest::core_includesNoQtModuleBeyondCoreSqlNetwork()
{
    // The installed Qt headers say which module a header belongs to, so no list of Gui or
    // Widgets class names has to be kept up to date.
    const QDir headers(QLibraryInfo::path(QLibraryInfo::HeadersPath));
    QVERIFY2(headers.exists(QStringLiteral("QtCore/QString")) && headers.exists(QStringLiteral("QtGui/QColor"))
            && headers.exists(QStringLiteral("QtWidgets/QWidget")),
        qPrintable(QStringLiteral("Qt's headers are not under %1 (QLibraryInfo::HeadersPath); cannot tell which "
                                  "module a header belongs to.")
                .arg(headers.path())));
    const QStringList modules = headers.entryList({ QStringLiteral("Qt*") }, QDir::Dirs | QDir::NoDotAndDotDot);

    QStringList violations;
    for (const Include &include : includesUnder(QStringLiteral("core"))) {
        if (!include.angled)
            continue;
        QStringList owners;
        const QString first = include.name.section(QLatin1Char('/'), 0, 0);
        if (include.name.contains(QLatin1Char('/')) && modules.contains(first)) {
            owners << first; // <QtGui/QColor>
        } else {
            for (const QString &module : modules) {
                if (headers.exists(module + QLatin1Char('/') + include.name))
                    owners << module;
            }
        }
        if (owners.isEmpty()) // the standard library, sqlite3, libpq, OpenSSL
            continue;
        const bool allowed = std::any_of(
            owners.cbegin(), owners.cend(), [](const QString &module) { return kCoreQtModules.contains(module); });
        if (!allowed) {
            violations << QStringLiteral("%1  (%2 header: core uses only QtCore, QtSql and QtNetwork)")
                              .arg(include.where(), owners.join(QLatin1Char('/')));
        }
    }
    QVERIFY2(violations.isEmpty(), qPrintable(report(violations)));
}

void LayeringTest::httpServer_livesOnlyInServerFolder()
{
    // cpp-httplib is dpmctl serve's library (server/, the dpmserve library): core and the console
    // never see it, and the server reaches the store only through core.
    QStringList violations;
    for (const QString &top : { QStringLiteral("core"), QStringLiteral("ui") }) {
        for (const Include &include : includesUnder(top)) {
            if (include.name == QLatin1String("httplib.h"))
                violations << QStringLiteral("%1  (HTTP serving lives in server/)").arg(include.where());
        }
    }
    const QList<Include> serverIncludes = includesUnder(QStringLiteral("server"));
    QVERIFY(serverIncludes.size() > 10);
    for (const Include &include : serverIncludes) {
        if (include.angled)
            continue;
        const QString target = resolve(include);
        if (target.startsWith(QLatin1String("ui/")) || target.startsWith(QLatin1String("core/store/sql"))
            || target.startsWith(QLatin1String("core/migrate/")))
            violations << QStringLiteral("%1  (the server reaches the store through core/services)")
                              .arg(include.where());
    }
    QVERIFY2(violations.isEmpty(), qPrintable(report(violations)));
}

QTEST_GUILESS_MAIN(LayeringTest)
#include "tst_layering.moc"
