#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace dpm {

class ProposalStore;

// One difference between two JSON documents, at a JSON Pointer path (RFC 6901: "/intents/2/side",
// "~1" for "/" and "~0" for "~" inside keys), so every path is unambiguous whatever the keys hold.
struct JsonDifference
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString path;
    QJsonValue before; // undefined when added
    QJsonValue after; // undefined when removed
};

// "added", "removed", "changed".
QString toWire(JsonDifference::Kind kind);

// Every leaf difference from `before` to `after`, depth first in key order (objects) and index
// order (arrays: compared position by position, the extra tail added or removed). A value whose
// type differs (object vs array vs scalar) is one Changed at its own path.
QList<JsonDifference> diffJson(const QJsonValue &before, const QJsonValue &after);

// Two versions of one proposal compared: the proposal result and the artifact.
struct ProposalVersionDiff
{
    QString proposalId;
    qint64 fromVersion = 0;
    qint64 toVersion = 0;
    QList<JsonDifference> result;
    QList<JsonDifference> artifact;
};

// PROPOSAL_VERSION_NOT_FOUND when either version is missing. Text that is not JSON compares as
// a string (so a broken payload shows as changed rather than failing the diff).
ProposalVersionDiff diffProposalVersions(ProposalStore &store, const QString &proposalId, qint64 from, qint64 to);

// {proposal_id, from_version, to_version, result:[{op, path, before, after}], artifact:[…]}
// (before/after absent for added/removed).
QJsonObject proposalVersionDiffJson(const ProposalVersionDiff &diff);

} // namespace dpm
