// dpmctl outbox relay: delivers due outbox rows to an HTTP endpoint or a JSON-lines file through
// services/outboxrelay, until SIGINT/SIGTERM (or, with --once, one pass). Progress and a summary
// line go to stderr.

#include "command.h"
#include "domain/error.h"
#include "httpsink.h"
#include "output.h"
#include "services/outboxrelay.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"
#include "store/serverprobe.h"

#include <csignal>
#include <cstdlib>

namespace dpm::cli {

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void requestStop(int)
{
    g_stopRequested = 1;
}

// SIGINT and SIGTERM end the relay after the delivery in flight, while this lives.
class StopSignals
{
public:
    StopSignals()
    {
        g_stopRequested = 0;
        m_int = std::signal(SIGINT, requestStop);
        m_term = std::signal(SIGTERM, requestStop);
    }
    ~StopSignals()
    {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    void (*m_int)(int);
    void (*m_term)(int);
};

qint64 boundedNumber(const ParsedCommand &command, const QString &option, qint64 fallback, qint64 min, qint64 max)
{
    const auto text = command.value(option);
    if (!text)
        return fallback;
    bool ok = false;
    const qint64 n = text->trimmed().toLongLong(&ok);
    if (!ok || n < min || n > max) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_RELAY_OPTION"),
            QStringLiteral("--%1 %2 is not a whole number from %3 to %4; pass e.g. --%1 %5.")
                .arg(option, *text)
                .arg(min)
                .arg(max)
                .arg(fallback));
    }
    return n;
}

CommandOutput relay(CommandContext &context, const ParsedCommand &command)
{
    const auto target = command.value(QStringLiteral("sink"));
    if (!target) {
        throw UsageError { QStringLiteral("\"outbox relay\" needs --sink URL|FILE; usage: dpmctl outbox relay --sink "
                                          "URL|FILE [--batch N] [--once] [--timeout-ms N].") };
    }
    RelayOptions options;
    options.batch = int(boundedNumber(command, QStringLiteral("batch"), 50, 1, 1000));
    options.once = command.flag(QStringLiteral("once"));
    const qint64 timeoutMs = boundedNumber(command, QStringLiteral("timeout-ms"), 10000, 1, 600000);
    options.backoffBaseMs = boundedNumber(command, QStringLiteral("backoff-ms"), 1000, 1, 3600000);
    // Long enough for a whole batch of timeouts, so no other relay takes a row this one still has.
    options.leaseMs = boundedNumber(
        command, QStringLiteral("lease-ms"), options.batch * timeoutMs + 30000, 1, qint64(24) * 3600 * 1000);
    options.pollMs = boundedNumber(command, QStringLiteral("poll-ms"), 1000, 10, 600000);

    SupportStore &store = context.store();
    // The relay marks what it delivered: it needs the primary.
    refuseChangesOnReplica(store, QStringLiteral("relaying the outbox"));
    store.runEvents().requireAvailable();
    const std::unique_ptr<DeliverySink> sink = openDeliverySink(*target, int(timeoutMs));
    RelayHooks hooks;
    hooks.stopRequested = [] { return g_stopRequested != 0; };
    hooks.progress = [&](const QString &line) { context.progress(line); };
    // Tests simulate a crash between delivering and marking (at least once: redelivered later).
    if (context.environment().contains(QStringLiteral("DPMCTL_RELAY_TEST_CRASH_AFTER_DELIVERY")))
        hooks.afterDelivery = [](const OutboxDelivery &) { std::_Exit(86); };

    context.progress(QStringLiteral("relay: delivering to %1%2")
                         .arg(sink->describe(), options.once ? QStringLiteral(" (one pass)")
                                                             : QStringLiteral(" until SIGINT/SIGTERM")));
    const StopSignals signals;
    const RelaySummary summary = runRelay(store.runEvents(), *sink, options, hooks);
    const bool stopped = g_stopRequested != 0;
    writeText(stderr,
        QStringLiteral("relay: %1%2").arg(relaySummaryText(summary), stopped ? QStringLiteral(" (stopped)") : QString()));

    CommandOutput out;
    out.json = { { QStringLiteral("sink"), sink->describe() }, { QStringLiteral("delivered"), summary.delivered },
        { QStringLiteral("failed"), summary.failed }, { QStringLiteral("dead"), summary.dead },
        { QStringLiteral("claims"), summary.claims }, { QStringLiteral("stopped"), stopped } };
    out.text = formatRecord(out.json,
        { QStringLiteral("sink"), QStringLiteral("delivered"), QStringLiteral("failed"), QStringLiteral("dead"),
            QStringLiteral("claims"), QStringLiteral("stopped") });
    return out;
}

} // namespace

CommandSpec outboxRelayCommand()
{
    return { { QStringLiteral("outbox"), QStringLiteral("relay") }, {},
        { { QStringLiteral("sink"), QStringLiteral("URL|FILE"),
              QStringLiteral("required; an http(s) URL to POST each delivery to (Idempotency-Key: event id), or a "
                             "file to append JSON lines to") },
            { QStringLiteral("batch"), QStringLiteral("N"), QStringLiteral("deliveries claimed at a time (default 50)") },
            { QStringLiteral("once"), QString(), QStringLiteral("one pass over what is due now, then exit") },
            { QStringLiteral("timeout-ms"), QStringLiteral("N"), QStringLiteral("HTTP timeout per delivery (default 10000)") },
            { QStringLiteral("backoff-ms"), QStringLiteral("N"),
                QStringLiteral("delay after a first failure, doubled per attempt, with jitter (default 1000)") },
            { QStringLiteral("poll-ms"), QStringLiteral("N"), QStringLiteral("wait when nothing is due (default 1000)") },
            { QStringLiteral("lease-ms"), QStringLiteral("N"),
                QStringLiteral("how long claimed rows stay with this relay; a relay that dies leaves them due again "
                               "after it (default batch x timeout + 30000)") } },
        QStringLiteral("Deliver due outbox rows (at least once): DELIVERED, or FAILED with backoff, DEAD at "
                       "max_attempts. Stops cleanly on SIGINT/SIGTERM; progress and a summary on stderr."),
        relay };
}

} // namespace dpm::cli
