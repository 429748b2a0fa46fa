#include "printabletext.h"

#include <algorithm>

namespace dpm {

namespace {

bool isBidiOrSeparatorControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
}

bool needsEscape(char16_t c, LineBreaks lineBreaks)
{
    if (c == u'\n' || c == u'\t')
        return lineBreaks == LineBreaks::Escape;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || isBidiOrSeparatorControl(c);
}

} // namespace

QString printableText(const QString &text, LineBreaks lineBreaks)
{
    const auto first = std::find_if(
        text.cbegin(), text.cend(), [lineBreaks](QChar c) { return needsEscape(c.unicode(), lineBreaks); });
    if (first == text.cend())
        return text; // the usual case: nothing to escape, no copy
    QString out = text.left(first - text.cbegin());
    out.reserve(text.size() + 16);
    for (auto it = first; it != text.cend(); ++it) {
        const char16_t c = it->unicode();
        if (!needsEscape(c, lineBreaks)) {
            out += *it;
        } else if (c == u'\n') {
            out += QLatin1String("\\n");
        } else if (c == u'\r') {
            out += QLatin1String("\\r");
        } else if (c == u'\t') {
            out += QLatin1String("\\t");
        } else if (c < 0x20) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace dpm
