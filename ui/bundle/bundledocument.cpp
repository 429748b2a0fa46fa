#include "bundle/bundledocument.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "services/artifact.h"
#include "services/supportbundle.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace dpm {

namespace {

ArtifactCheck checkArtifact(
    const QJsonObject &bundleJson, const std::optional<QString> &storedText, ArtifactCheck::Source source)
{
    ArtifactCheck check;
    check.source = source;
    const QJsonValue artifact = bundleJson.value(QLatin1String("artifact"));
    if (!artifact.isObject()) {
        const QJsonValue error = bundleJson.value(QLatin1String("artifact_json_error"));
        if (error.isObject()) {
            check.state = ArtifactCheck::State::Unreadable;
            check.problem = error.toObject().value(QLatin1String("message")).toString();
        }
        return check;
    }
    check.storedHash = storedArtifactHash(artifact.toObject());
    try {
        // A stored row is hashed from its own text so the number spellings the service hashed
        // survive; a derived or file artifact only exists as JSON.
        check.computedHash = storedText ? artifactHashOfText(*storedText) : artifactHash(artifact.toObject());
    } catch (const Error &e) {
        check.state = ArtifactCheck::State::Unreadable;
        check.problem = e.message();
        return check;
    }
    if (check.storedHash.isEmpty())
        check.state = ArtifactCheck::State::NoHashStored;
    else
        check.state
            = check.storedHash == check.computedHash ? ArtifactCheck::State::Verified : ArtifactCheck::State::Mismatch;
    return check;
}

} // namespace

BundleDocument loadBundleDocument(SupportStore &store, const QString &runId)
{
    const SupportBundle bundle = buildSupportBundle(
        store, SupportBundleEntry { SupportBundleEntry::Kind::RunId, runId }, SupportBundleOptions {});
    BundleDocument document;
    document.runId = bundle.run.rebalanceRunId;
    document.json = supportBundleJson(bundle);
    document.artifactCheck = bundle.storedArtifact
        ? checkArtifact(document.json, bundle.storedArtifact->artifactJson, ArtifactCheck::Source::Persisted)
        : checkArtifact(document.json, std::nullopt, ArtifactCheck::Source::Derived);
    if (bundle.asyncOperation && bundle.asyncOperation->requestJson) {
        const QJsonValue request = parseJsonText(*bundle.asyncOperation->requestJson);
        // Text that is not JSON is shown as it is (Part A §11).
        document.operationRequest = request.isUndefined() ? QJsonValue(*bundle.asyncOperation->requestJson) : request;
    } else if (bundle.asyncOperation) {
        document.operationRequest = QJsonValue(QJsonValue::Null);
    }
    return document;
}

BundleDocument readBundleFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("BUNDLE_FILE_UNREADABLE"),
            QStringLiteral("The file %1 cannot be read (%2); check the path and its permissions.")
                .arg(name, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject json = parsed.object();
    const QString runId
        = json.value(QLatin1String("run")).toObject().value(QLatin1String("rebalance_run_id")).toString();
    if (parseError.error != QJsonParseError::NoError || !parsed.isObject() || runId.isEmpty()) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("BUNDLE_FILE_INVALID"),
            QStringLiteral("The file %1 is not a support bundle; open a file written by Export bundle or by "
                           "\"dpmctl bundle --run ID --json\".")
                .arg(name));
    }
    BundleDocument document;
    document.runId = runId;
    document.json = json;
    document.sourceFile = QFileInfo(path).absoluteFilePath();
    document.artifactCheck = checkArtifact(json, std::nullopt, ArtifactCheck::Source::File);
    return document;
}

} // namespace dpm
