#pragma once

#include <QString>

#include <optional>

namespace dpm {

// Copyable links to what the console can open, "dpm://<kind>/<id>" (the omni-search accepts
// them). Ids are opaque: characters that would break the link ("/", "?", "#", "%", spaces, …)
// are percent-encoded, so every id survives the round trip.
enum class EntityLinkKind { Run, Operation, Decision, Entity };

struct EntityLink
{
    EntityLinkKind kind = EntityLinkKind::Entity;
    QString id;
    bool operator==(const EntityLink &) const = default;
};

// "run", "operation", "decision", "entity".
QString toWire(EntityLinkKind kind);

QString entityLink(EntityLinkKind kind, const QString &id);

// nullopt unless the text (trimmed) is "dpm://<known kind>/<non-empty id>".
std::optional<EntityLink> parseEntityLink(const QString &text);

} // namespace dpm
