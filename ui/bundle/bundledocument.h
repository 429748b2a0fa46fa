#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace dpm {

class SupportStore;

// Whether an artifact's stored evidence.hashes.artifact_hash matches the hash recomputed from
// the artifact (services/artifact.h).
struct ArtifactCheck
{
    enum class State {
        Verified,
        Mismatch,
        NoHashStored, // the artifact carries no artifact_hash
        Unreadable, // the stored artifact_json is not JSON (bundle has artifact_json_error)
        Absent, // no artifact in the bundle (left out)
    };
    enum class Source { Persisted, Derived, File };

    State state = State::Absent;
    Source source = Source::Derived;
    QString storedHash;
    QString computedHash;
    QString problem; // Unreadable: the parser's message
};

// A support bundle ready for the bundle pane: the exact §6.4 body (what Export writes and
// `dpmctl bundle --json` prints), the artifact's hash check and the async operation's request,
// all computed off the UI thread.
struct BundleDocument
{
    QString runId;
    QJsonObject json; // supportBundleJson(bundle)
    ArtifactCheck artifactCheck;
    // The async operation's request_json (not part of the §6.4 body, so absent from files).
    QJsonValue operationRequest = QJsonValue(QJsonValue::Undefined);
    QString sourceFile; // set for the offline viewer

    bool isOffline() const { return !sourceFile.isEmpty(); }
};

// Reads the run's bundle with the default options (every part included) and checks its
// artifact. Runs inside StoreSession::run. Throws the store's errors (DPM_RUN_NOT_FOUND, …).
BundleDocument loadBundleDocument(SupportStore &store, const QString &runId);

// Reads a bundle file written by Export or `dpmctl bundle --json` (no store needed). Throws
// BUNDLE_FILE_UNREADABLE (cannot be read) and BUNDLE_FILE_INVALID (not a support bundle). The
// artifact is checked against its own JSON as read from the file.
BundleDocument readBundleFile(const QString &path);

} // namespace dpm
