#include "redaction.h"

#include <QRegularExpression>

namespace dpm {

QString redactSecrets(const QString &text)
{
    // Cheap exit for the usual text: no userinfo separator and no key=value password.
    if (!text.contains(QLatin1Char('@')) && !text.contains(QLatin1String("pass"), Qt::CaseInsensitive)
        && !text.contains(QLatin1String("pwd"), Qt::CaseInsensitive))
        return text;

    // "user:secret@" at the start of a token (after a scheme's slashes, a space, a quote, "="),
    // up to the token's last "@": a password may hold "@" itself. Whatever comes before the
    // first ":" stays, so the user (or a scheme without slashes) remains readable; a ":" followed
    // by "/" ends a scheme, not a user.
    static const QRegularExpression userinfo(QStringLiteral(R"((?<![^\s/'"=(<,;])([^\s:/@'"<>]*):(?!/)[^\s'"<>]*@)"));
    // A URL query parameter: the value ends at "&", "#", a quote or a space.
    static const QRegularExpression queryPassword(
        QStringLiteral(R"((?<=[?&])([\w.-]*(?:password|passwd|pwd)=)[^\s&#'"]*)"),
        QRegularExpression::CaseInsensitiveOption);
    // libpq's key = value form (and PGPASSWORD=…): a quoted value up to its closing quote, an
    // unquoted one up to a space, ";" or a quote.
    static const QRegularExpression keyValuePassword(
        QStringLiteral(R"(\b([\w.-]*(?:password|passwd|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|[^\s;'"]*))"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    out.replace(userinfo, QStringLiteral("\\1:***@"));
    out.replace(queryPassword, QStringLiteral("\\1***"));
    out.replace(keyValuePassword, QStringLiteral("\\1***"));
    return out;
}

} // namespace dpm
