#include "outboxrelay.h"

#include "domain/error.h"
#include "domain/timestamp.h"
#include "store/runeventstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSysInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace dpm {

namespace {

QString defaultLeaseOwner()
{
    return QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
}

QString afterMs(const QString &now, qint64 ms)
{
    const std::optional<qint64> micros = timestampMicros(now);
    return micros ? formatTimestampMicros(*micros + ms * 1000) : now;
}

// Waits up to `ms`, looking at the stop request every 50 ms; false when asked to stop.
bool waitUnlessStopped(qint64 ms, const RelayHooks &hooks)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (hooks.stopRequested && hooks.stopRequested())
            return false;
        QThread::msleep(std::min<qint64>(50, std::max<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

} // namespace

JsonLinesFileSink::JsonLinesFileSink(const QString &path)
    : m_file(path)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        throw Error(ErrorKind::Configuration, QStringLiteral("SINK_OPEN_FAILED"),
            QStringLiteral("Cannot append to %1 (%2); pass a file this user can write, or an http(s) URL.")
                .arg(path, m_file.errorString()));
    }
}

std::optional<QString> JsonLinesFileSink::deliver(const OutboxDelivery &delivery)
{
    QJsonObject line = outboxMessageJson(delivery);
    line.insert(QStringLiteral("idempotency_key"), delivery.eventId);
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (m_file.write(text) != text.size() || !m_file.flush())
        return QStringLiteral("cannot write to %1: %2").arg(m_file.fileName(), m_file.errorString());
    return std::nullopt;
}

QString relayNextAttemptAt(const QString &now, int attempts, qint64 baseMs, qint64 maxMs, double unitRandom)
{
    const int doublings = std::clamp(attempts - 1, 0, 40);
    const double exponential = std::min(double(maxMs), double(baseMs) * std::ldexp(1.0, doublings));
    const qint64 delay = qint64(exponential / 2 + exponential / 2 * std::clamp(unitRandom, 0.0, 1.0));
    return afterMs(now, std::max<qint64>(delay, 1));
}

RelaySummary runRelay(RunEventStore &events, DeliverySink &sink, const RelayOptions &options, const RelayHooks &hooks)
{
    events.requireAvailable();
    const QString owner = options.leaseOwner.isEmpty() ? defaultLeaseOwner() : options.leaseOwner;
    const auto say = [&](const QString &line) {
        if (hooks.progress)
            hooks.progress(line);
    };
    const auto stop = [&] { return hooks.stopRequested && hooks.stopRequested(); };
    // With once, only what is due at the start: rows that fail now are due later than that.
    const QString passStart = nowTimestamp();
    RelaySummary summary;
    while (!stop()) {
        const QString now = nowTimestamp();
        const QList<OutboxDelivery> claimed = events.claimDue(options.batch, options.once ? passStart : now, owner,
            afterMs(now, options.leaseMs));
        if (claimed.isEmpty()) {
            if (options.once || !waitUnlessStopped(options.pollMs, hooks))
                break;
            continue;
        }
        ++summary.claims;
        say(QStringLiteral("relay: claimed %1 due deliveries").arg(claimed.size()));
        for (const OutboxDelivery &delivery : claimed) {
            // A stop leaves the rest of the batch leased: due again when the lease ends.
            if (stop())
                break;
            const std::optional<QString> error = sink.deliver(delivery);
            if (!error) {
                if (hooks.afterDelivery)
                    hooks.afterDelivery(delivery);
                events.markDelivered(delivery.outboxId, nowTimestamp());
                ++summary.delivered;
                say(QStringLiteral("relay: %1 delivered to %2").arg(delivery.outboxId, delivery.topic));
                continue;
            }
            const QString next = relayNextAttemptAt(nowTimestamp(), delivery.attempts + 1, options.backoffBaseMs,
                options.backoffMaxMs, QRandomGenerator::global()->generateDouble());
            const OutboxDelivery marked = events.markFailed(delivery.outboxId, *error, next);
            if (marked.status == OutboxStatus::Dead) {
                ++summary.dead;
                say(QStringLiteral("relay: %1 DEAD after %2 attempts: %3").arg(delivery.outboxId).arg(marked.attempts).arg(*error));
            } else {
                ++summary.failed;
                say(QStringLiteral("relay: %1 FAILED (attempt %2, next at %3): %4")
                        .arg(delivery.outboxId)
                        .arg(marked.attempts)
                        .arg(next, *error));
            }
        }
    }
    return summary;
}

QString relaySummaryText(const RelaySummary &s)
{
    return QStringLiteral("%1 delivered, %2 failed, %3 dead").arg(s.delivered).arg(s.failed).arg(s.dead);
}

} // namespace dpm
