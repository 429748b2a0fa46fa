#include "cursor.h"

#include "canonicaljson.h"
#include "error.h"

#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>

namespace dpm {

namespace {

constexpr auto kPrefix = "c1.";

QString listingName(CursorListing listing)
{
    switch (listing) {
    case CursorListing::Runs:
        return QStringLiteral("runs");
    case CursorListing::Operations:
        return QStringLiteral("operations");
    case CursorListing::Decisions:
        return QStringLiteral("decisions");
    case CursorListing::AuditLog:
        return QStringLiteral("audit_log");
    case CursorListing::Proposals:
        return QStringLiteral("proposals");
    case CursorListing::Outbox:
        return QStringLiteral("outbox");
    }
    return {};
}

[[noreturn]] void invalid(const QString &why)
{
    throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_CURSOR"),
        QStringLiteral("The cursor %1; start again from the first page.").arg(why));
}

// A key a store can hold and compare: no NUL (PostgreSQL's text cannot hold one), no other
// control character, no broken UTF-8, and of a key's length.
constexpr qsizetype kMaxKeyLength = 1024;

bool canBeKey(const QString &value)
{
    if (value.size() > kMaxKeyLength)
        return false;
    return std::none_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x7F || c == QChar::ReplacementCharacter || c.isSurrogate();
    });
}

} // namespace

QString encodeCursor(CursorListing listing, const QString &sortKey, const QString &id)
{
    const QJsonObject payload { { QStringLiteral("l"), listingName(listing) }, { QStringLiteral("k"), sortKey },
        { QStringLiteral("id"), id } };
    return QLatin1String(kPrefix)
        + QString::fromLatin1(
            canonicalJson(payload).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Cursor> decodeCursor(CursorListing listing, const std::optional<QString> &text)
{
    if (!text || text->isEmpty())
        return std::nullopt;
    if (!text->startsWith(QLatin1String(kPrefix))) {
        if (!canBeKey(*text))
            invalid(QStringLiteral("is not a row id"));
        return Cursor { std::nullopt, *text };
    }

    const auto decoded = QByteArray::fromBase64Encoding(
        text->mid(3).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        invalid(QStringLiteral("is not valid base64"));
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString json = utf8.decode(*decoded);
    if (utf8.hasError())
        invalid(QStringLiteral("cannot be decoded"));
    const QJsonObject payload = parseJsonText(json).toObject();
    const QJsonValue l = payload.value(QLatin1String("l"));
    const QJsonValue k = payload.value(QLatin1String("k"));
    const QJsonValue id = payload.value(QLatin1String("id"));
    if (!l.isString() || !k.isString() || !id.isString())
        invalid(QStringLiteral("cannot be decoded"));
    if (l.toString() != listingName(listing))
        invalid(QStringLiteral("belongs to the %1 listing, not %2").arg(l.toString(), listingName(listing)));
    if (!canBeKey(k.toString()) || !canBeKey(id.toString()))
        invalid(QStringLiteral("holds a value that is no row's key"));
    return Cursor { k.toString(), id.toString() };
}

} // namespace dpm
