#pragma once

#include "domain/proposals.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dpm::cli {

// What the proposals commands share: parsing a version number, and text renderings (without
// --json).

// A version number argument: a whole number >= 1, else INVALID_PROPOSAL_VERSION_NO.
qint64 parseVersionNumber(const QString &text);

// The fields of a ProposalSummary, in the service's order.
QStringList proposalSummaryKeys();

// A version as "key: value" lines: its header, its artifact hash verified against the one
// recomputed from artifact_json by the service's rule, then its JSON payloads. `json` is the
// version's payload as printed with --json (proposalVersionJson).
QString formatProposalVersion(const ProposalVersion &version, const QJsonObject &json);

} // namespace dpm::cli
