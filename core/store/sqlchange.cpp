#include "sqlchange.h"

#include <QRegularExpression>

namespace dpm {

namespace {

// The statement's words, without comments and string literals (a literal may say anything).
QString withoutCommentsAndLiterals(const QString &sql)
{
    static const QRegularExpression noise(QStringLiteral(R"(--[^\n]*|/\*.*?\*/|'(?:[^']|'')*')"),
        QRegularExpression::DotMatchesEverythingOption);
    QString text = sql;
    return text.replace(noise, QStringLiteral(" ")).simplified();
}

QString tableAfter(const QString &text, const QString &pattern)
{
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = re.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString writing(const QString &table)
{
    return table.isEmpty() ? QStringLiteral("this change") : QStringLiteral("writing %1").arg(table);
}

} // namespace

std::optional<QString> changeMadeBy(const QString &sql)
{
    const QString text = withoutCommentsAndLiterals(sql);
    const QString first = text.section(QLatin1Char(' '), 0, 0).toUpper();
    static const QRegularExpression word(QStringLiteral(R"(\b(INSERT|UPDATE|DELETE|MERGE)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    if (first == QLatin1String("INSERT") || first == QLatin1String("MERGE"))
        return writing(tableAfter(text, QStringLiteral(R"(\bINTO\s+([\w."]+))")));
    if (first == QLatin1String("UPDATE"))
        return writing(tableAfter(text, QStringLiteral(R"(^UPDATE\s+(?:ONLY\s+)?([\w."]+))")));
    if (first == QLatin1String("DELETE"))
        return writing(tableAfter(text, QStringLiteral(R"(\bFROM\s+(?:ONLY\s+)?([\w."]+))")));
    if (first == QLatin1String("COPY")) {
        if (!text.contains(QRegularExpression(QStringLiteral(R"(\bFROM\s+STDIN\b)"), QRegularExpression::CaseInsensitiveOption)))
            return std::nullopt; // COPY … TO: a read
        return writing(tableAfter(text, QStringLiteral(R"(^COPY\s+([\w."]+))")));
    }
    static const QStringList ddl { QStringLiteral("CREATE"), QStringLiteral("ALTER"), QStringLiteral("DROP"),
        QStringLiteral("TRUNCATE"), QStringLiteral("GRANT"), QStringLiteral("REVOKE"), QStringLiteral("COMMENT"),
        QStringLiteral("REINDEX"), QStringLiteral("VACUUM"), QStringLiteral("CLUSTER"), QStringLiteral("REFRESH") };
    if (ddl.contains(first))
        return QStringLiteral("changing the schema (%1)").arg(first);
    // A data-modifying CTE: WITH x AS (DELETE …) SELECT …
    if (first == QLatin1String("WITH") && word.match(text).hasMatch())
        return writing(QString());
    if ((first == QLatin1String("SELECT") || first == QLatin1String("WITH"))
        && text.contains(QRegularExpression(QStringLiteral(R"(\bFOR\s+(?:NO\s+KEY\s+)?UPDATE\b|\bFOR\s+(?:KEY\s+)?SHARE\b)"),
            QRegularExpression::CaseInsensitiveOption)))
        return QStringLiteral("locking rows for a change");
    return std::nullopt;
}

} // namespace dpm
