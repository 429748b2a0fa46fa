#include "cursor.h"

#include "canonicaljson.h"
#include "error.h"

#include <QJsonObject>

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
    }
    return {};
}

[[noreturn]] void invalid(const QString &why)
{
    throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_CURSOR"),
        QStringLiteral("The cursor %1; start again from the first page.").arg(why));
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
    if (!text->startsWith(QLatin1String(kPrefix)))
        return Cursor { std::nullopt, *text };

    const auto decoded = QByteArray::fromBase64Encoding(
        text->mid(3).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        invalid(QStringLiteral("is not valid base64"));
    const QJsonObject payload = parseJsonText(QString::fromUtf8(*decoded)).toObject();
    const QJsonValue l = payload.value(QLatin1String("l"));
    const QJsonValue k = payload.value(QLatin1String("k"));
    const QJsonValue id = payload.value(QLatin1String("id"));
    if (!l.isString() || !k.isString() || !id.isString())
        invalid(QStringLiteral("cannot be decoded"));
    if (l.toString() != listingName(listing))
        invalid(QStringLiteral("belongs to the %1 listing, not %2").arg(l.toString(), listingName(listing)));
    return Cursor { k.toString(), id.toString() };
}

} // namespace dpm
