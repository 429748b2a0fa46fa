#include "auditlog.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/redaction.h"
#include "domain/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRandomGenerator>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace dpm {

QJsonObject AuditEntry::toJson() const
{
    return { { QStringLiteral("audit_id"), auditId }, { QStringLiteral("occurred_at"), occurredAt },
        { QStringLiteral("actor"), actor }, { QStringLiteral("action"), action }, { QStringLiteral("target"), target },
        { QStringLiteral("details"), parseJsonText(detailsJson) }, { QStringLiteral("outcome"), outcome } };
}

AuditEntry AuditEntry::create(const QString &actor, const QString &action, const QString &target,
    const QJsonObject &details, const QString &outcome)
{
    // 48 random bits: ids only need to be unique within one store's audit trail.
    const quint64 bits = QRandomGenerator::system()->generate64() & Q_UINT64_C(0xffffffffffff);
    AuditEntry entry;
    entry.auditId = QStringLiteral("aud_") + QStringLiteral("%1").arg(bits, 12, 16, QLatin1Char('0'));
    entry.occurredAt = nowTimestamp();
    entry.actor = actor;
    entry.action = action;
    // An audit row outlives every log: no location or message in it keeps a password.
    entry.target = redactSecrets(target);
    entry.detailsJson = redactSecrets(QString::fromUtf8(canonicalJson(details)));
    entry.outcome = outcome;
    return entry;
}

QString auditOutcomeOf(const Error &error)
{
    return isActionCancelled(error) ? QStringLiteral("cancelled") : QStringLiteral("failed: ") + error.code();
}

Error actionCancelledError(const QString &what)
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("ADMIN_ACTION_CANCELLED"),
        QStringLiteral("%1 was cancelled; what finished before the cancel stays done, run it again to continue.")
            .arg(what));
}

bool isActionCancelled(const Error &error)
{
    return error.code() == QLatin1String("ADMIN_ACTION_CANCELLED")
        || error.code() == QLatin1String("STORE_QUERY_CANCELLED");
}

QString osUserName()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "USER", "USERNAME", "LOGNAME" }) {
        const QString value = env.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty())
            return value;
    }
#ifdef Q_OS_UNIX
    // Services and containers often run without $USER.
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return QStringLiteral("unknown");
}

QString AuditLog::actor()
{
    const QString role = databaseRole();
    return role.isEmpty() ? osUserName() : QStringLiteral("%1 as %2").arg(osUserName(), role);
}

void AuditLog::record(
    const QString &action, const QString &target, const QJsonObject &details, const QString &outcome)
{
    append(AuditEntry::create(actor(), action, target, details, outcome));
}

void AuditLog::requireAvailable()
{
    if (!isAvailable())
        throw auditLogMissingError();
}

Error auditLogMissingError()
{
    return Error(ErrorKind::Migration, QStringLiteral("CONSOLE_AUDIT_LOG_MISSING"),
        QStringLiteral("This store has no console_audit_log table, so admin actions cannot be recorded; apply the "
                       "console migrations (dpmctl migrate apply --namespace console) first."));
}

QHash<QString, qint64> recordedMigrationDurations(AuditLog &log, int maxEntries)
{
    QHash<QString, qint64> durations;
    if (!log.isAvailable())
        return durations;
    PageRequest request { 200, {} };
    for (int read = 0; read < maxEntries;) {
        request.limit = std::min(200, maxEntries - read);
        const Page<AuditEntry> page = log.list(request);
        for (const AuditEntry &entry : page.items) {
            if (entry.action != QLatin1String("migrate.apply"))
                continue;
            const QJsonObject details = QJsonDocument::fromJson(entry.detailsJson.toUtf8()).object();
            // Entries are written with "applied" and namespaced versions (services/storemigrations).
            // dpmctl before that wrote its apply report under "report": still read, for the
            // stores that earlier versions recorded in.
            QJsonArray applied = details.value(QStringLiteral("applied")).toArray();
            if (applied.isEmpty())
                applied = details.value(QStringLiteral("report")).toObject().value(QStringLiteral("applied")).toArray();
            for (const QJsonValue &value : std::as_const(applied)) {
                const QJsonObject item = value.toObject();
                QString version = item.value(QStringLiteral("version")).toString();
                if (!version.contains(u':'))
                    version = item.value(QStringLiteral("namespace")).toString() + u':' + version;
                // Newest first: a later re-apply (a recreated database) wins.
                if (!durations.contains(version) && item.contains(QStringLiteral("duration_ms")))
                    durations.insert(version, item.value(QStringLiteral("duration_ms")).toInteger());
            }
        }
        read += int(page.items.size());
        if (!page.nextCursor || page.items.isEmpty())
            break;
        request.cursor = page.nextCursor;
    }
    return durations;
}

} // namespace dpm
