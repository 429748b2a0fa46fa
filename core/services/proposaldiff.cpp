#include "services/proposaldiff.h"

#include "domain/canonicaljson.h"
#include "services/proposalreads.h"
#include "store/proposalstore.h"

#include <QJsonArray>

#include <algorithm>

namespace dpm {

namespace {

QString pointerToken(QString key)
{
    key.replace(QLatin1Char('~'), QLatin1String("~0"));
    key.replace(QLatin1Char('/'), QLatin1String("~1"));
    return key;
}

void diffInto(const QJsonValue &a, const QJsonValue &b, const QString &path, QList<JsonDifference> &out)
{
    if (a.isObject() && b.isObject()) {
        const QJsonObject ao = a.toObject();
        const QJsonObject bo = b.toObject();
        QStringList keys = ao.keys() + bo.keys();
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : keys) {
            const QString child = path + QLatin1Char('/') + pointerToken(key);
            if (!bo.contains(key))
                out.append({ JsonDifference::Kind::Removed, child, ao.value(key), QJsonValue(QJsonValue::Undefined) });
            else if (!ao.contains(key))
                out.append({ JsonDifference::Kind::Added, child, QJsonValue(QJsonValue::Undefined), bo.value(key) });
            else
                diffInto(ao.value(key), bo.value(key), child, out);
        }
        return;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray aa = a.toArray();
        const QJsonArray ba = b.toArray();
        const qsizetype common = std::min(aa.size(), ba.size());
        for (qsizetype i = 0; i < common; ++i)
            diffInto(aa.at(i), ba.at(i), path + QLatin1Char('/') + QString::number(i), out);
        for (qsizetype i = common; i < aa.size(); ++i)
            out.append({ JsonDifference::Kind::Removed, path + QLatin1Char('/') + QString::number(i), aa.at(i),
                QJsonValue(QJsonValue::Undefined) });
        for (qsizetype i = common; i < ba.size(); ++i)
            out.append({ JsonDifference::Kind::Added, path + QLatin1Char('/') + QString::number(i),
                QJsonValue(QJsonValue::Undefined), ba.at(i) });
        return;
    }
    if (a != b)
        out.append({ JsonDifference::Kind::Changed, path, a, b });
}

QJsonValue parsedOrText(const QString &text)
{
    const QJsonValue value = parseJsonText(text);
    return value.isUndefined() ? QJsonValue(text) : value;
}

QJsonArray differencesJson(const QList<JsonDifference> &differences)
{
    QJsonArray out;
    for (const JsonDifference &d : differences) {
        QJsonObject item { { QStringLiteral("op"), toWire(d.kind) }, { QStringLiteral("path"), d.path } };
        if (d.kind != JsonDifference::Kind::Added)
            item.insert(QStringLiteral("before"), d.before);
        if (d.kind != JsonDifference::Kind::Removed)
            item.insert(QStringLiteral("after"), d.after);
        out.append(item);
    }
    return out;
}

} // namespace

QString toWire(JsonDifference::Kind kind)
{
    switch (kind) {
    case JsonDifference::Kind::Added:
        return QStringLiteral("added");
    case JsonDifference::Kind::Removed:
        return QStringLiteral("removed");
    case JsonDifference::Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QList<JsonDifference> diffJson(const QJsonValue &before, const QJsonValue &after)
{
    QList<JsonDifference> out;
    diffInto(before, after, QString(), out);
    return out;
}

ProposalVersionDiff diffProposalVersions(ProposalStore &store, const QString &proposalId, qint64 from, qint64 to)
{
    const ProposalVersion a = requireVersion(store, proposalId, from);
    const ProposalVersion b = requireVersion(store, proposalId, to);
    ProposalVersionDiff diff;
    diff.proposalId = proposalId;
    diff.fromVersion = from;
    diff.toVersion = to;
    diff.result = diffJson(parsedOrText(a.proposalResultJson), parsedOrText(b.proposalResultJson));
    diff.artifact = diffJson(parsedOrText(a.artifactJson), parsedOrText(b.artifactJson));
    return diff;
}

QJsonObject proposalVersionDiffJson(const ProposalVersionDiff &diff)
{
    return { { QStringLiteral("proposal_id"), diff.proposalId },
        { QStringLiteral("from_version"), double(diff.fromVersion) },
        { QStringLiteral("to_version"), double(diff.toVersion) }, { QStringLiteral("result"), differencesJson(diff.result) },
        { QStringLiteral("artifact"), differencesJson(diff.artifact) } };
}

} // namespace dpm
