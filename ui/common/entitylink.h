#pragma once

#include <QString>

#include <optional>

namespace dpm {

// Copyable links to what the console can open, "dpm://<kind>/<id>" (the omni-search accepts
// them). Ids are opaque: characters that would break the link ("/", "?", "#", "%", spaces, …)
// are percent-encoded, so every id survives the round trip. A proposal link may name one of its
// versions: "dpm://proposal/<id>/version/<n>".
enum class EntityLinkKind { Run, Operation, Decision, Proposal, Entity };

struct EntityLink
{
    EntityLinkKind kind = EntityLinkKind::Entity;
    QString id;
    std::optional<qint64> versionNo; // proposal links only
    bool operator==(const EntityLink &) const = default;
};

// "run", "operation", "decision", "proposal", "entity".
QString toWire(EntityLinkKind kind);

QString entityLink(EntityLinkKind kind, const QString &id);
// "dpm://proposal/<id>", with "/version/<n>" when a version is given.
QString proposalLink(const QString &proposalId, std::optional<qint64> versionNo = std::nullopt);

// nullopt unless the text (trimmed) is "dpm://<known kind>/<non-empty id>".
std::optional<EntityLink> parseEntityLink(const QString &text);

} // namespace dpm
