#pragma once

#include "domain/entities.h"

#include <QJsonObject>
#include <QString>

namespace dpm {

// The DERIVED-mode run artifact of Part B §9.2 (DpmRunArtifactResponse, version "1.0"), rebuilt
// from the run's result_json as the service does on every read when no artifact is persisted:
// artifact_id (the run id with its first "rr_" replaced by "dra_", as the service's
// str.replace(…, 1) does), artifact_version, rebalance_run_id, correlation_id, idempotency_key,
// portfolio_id, status, request_snapshot{portfolio_id, request_hash}, before_summary,
// after_summary, order_intents, rule_outcomes, diagnostics, result, and
// evidence{engine_version, run_created_at, hashes{request_hash, artifact_hash}}.
//
// A partial result (Part A §11) gives a partial artifact: a section whose source is missing is
// absent, a missing status is "", a missing engine_version is "unknown". Text that is not JSON
// gives result null plus "result_json_error" {message, raw}. The hash is always computed.
QJsonObject deriveRunArtifact(const RebalanceRun &run);

// "sha256:" + SHA-256 of the canonical JSON of the artifact after removing every key named
// artifact_hash at any depth: the value evidence.hashes.artifact_hash must hold.
QString artifactHash(const QJsonObject &artifact);

// The same hash computed from stored artifact text: canonicalised from the text itself so
// number spellings survive (a stored 100.0 hashes as Python hashes it). Throws INVALID_JSON.
QString artifactHashOfText(const QString &artifactJson);

// The artifact_hash an artifact carries (evidence.hashes.artifact_hash), empty when absent.
QString storedArtifactHash(const QJsonObject &artifact);

} // namespace dpm
