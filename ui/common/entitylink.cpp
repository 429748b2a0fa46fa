#include "common/entitylink.h"

#include <QUrl>

namespace dpm {

namespace {

const QLatin1String kScheme("dpm://");
// RFC 3986 path characters that may stay as they are (besides the unreserved ones).
const QByteArray kKeptCharacters(":@!$&'()*+,;=");

} // namespace

QString toWire(EntityLinkKind kind)
{
    switch (kind) {
    case EntityLinkKind::Run:
        return QStringLiteral("run");
    case EntityLinkKind::Operation:
        return QStringLiteral("operation");
    case EntityLinkKind::Decision:
        return QStringLiteral("decision");
    case EntityLinkKind::Entity:
        break;
    }
    return QStringLiteral("entity");
}

QString entityLink(EntityLinkKind kind, const QString &id)
{
    return kScheme + toWire(kind) + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(id, kKeptCharacters));
}

std::optional<EntityLink> parseEntityLink(const QString &text)
{
    const QString link = text.trimmed();
    if (!link.startsWith(kScheme, Qt::CaseInsensitive))
        return std::nullopt;
    const QString rest = link.mid(kScheme.size());
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    const QString kindText = rest.left(slash).toLower();
    const QString id = QUrl::fromPercentEncoding(rest.mid(slash + 1).toUtf8());
    if (id.isEmpty())
        return std::nullopt;
    for (const EntityLinkKind kind :
        { EntityLinkKind::Run, EntityLinkKind::Operation, EntityLinkKind::Decision, EntityLinkKind::Entity }) {
        if (toWire(kind) == kindText)
            return EntityLink { kind, id };
    }
    return std::nullopt;
}

} // namespace dpm
