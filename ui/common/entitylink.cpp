#include "common/entitylink.h"

#include <QRegularExpression>
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
    case EntityLinkKind::Proposal:
        return QStringLiteral("proposal");
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

QString proposalLink(const QString &proposalId, std::optional<qint64> versionNo)
{
    QString link = entityLink(EntityLinkKind::Proposal, proposalId);
    if (versionNo)
        link += QStringLiteral("/version/") + QString::number(*versionNo);
    return link;
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
    QString encodedId = rest.mid(slash + 1);
    std::optional<qint64> versionNo;
    if (kindText == toWire(EntityLinkKind::Proposal)) {
        // An id's own "/" is percent-encoded, so a literal "/version/<n>" can only be the version.
        static const QRegularExpression version(QStringLiteral("/version/([1-9][0-9]{0,17})$"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = version.match(encodedId);
        if (match.hasMatch()) {
            versionNo = match.captured(1).toLongLong();
            encodedId.chop(match.capturedLength());
        }
    }
    const QString id = QUrl::fromPercentEncoding(encodedId.toUtf8());
    if (id.isEmpty())
        return std::nullopt;
    for (const EntityLinkKind kind : { EntityLinkKind::Run, EntityLinkKind::Operation, EntityLinkKind::Decision,
             EntityLinkKind::Proposal, EntityLinkKind::Entity }) {
        if (toWire(kind) == kindText)
            return EntityLink { kind, id, versionNo };
    }
    return std::nullopt;
}

} // namespace dpm
