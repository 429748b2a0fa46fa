#pragma once

#include "domain/runevents.h"

#include <QFile>
#include <QString>

#include <functional>
#include <optional>

namespace dpm {

class RunEventStore;

// The outbox relay (Part A §8): claims due deliveries, hands each to a sink, then marks it
// DELIVERED, or FAILED with last_error, attempts + 1 and an exponential backoff with jitter, DEAD
// at max_attempts. At least once: a relay that dies between delivering and marking leaves the row
// leased, and it is delivered again when the lease ends; a row is never lost.

// Where a relay delivers to. deliver() returns nullopt when the delivery was accepted, else the
// error to keep in last_error. Sinks that talk to the network live with their front end (dpmctl's
// HttpSink); core stays without Qt Network.
class DeliverySink
{
public:
    virtual ~DeliverySink() = default;
    virtual std::optional<QString> deliver(const OutboxDelivery &delivery) = 0;
    virtual QString describe() const = 0;
};

// Appends one compact JSON line per delivery (outboxMessageJson plus "idempotency_key": event_id)
// and flushes it. Throws SINK_OPEN_FAILED when the file cannot be opened for appending.
class JsonLinesFileSink final : public DeliverySink
{
public:
    explicit JsonLinesFileSink(const QString &path);
    std::optional<QString> deliver(const OutboxDelivery &delivery) override;
    QString describe() const override { return m_file.fileName(); }

private:
    QFile m_file;
};

struct RelayOptions
{
    int batch = 50; // deliveries claimed per transaction
    bool once = false; // one pass over what is due when it starts, then return
    qint64 backoffBaseMs = 1000; // the delay after the first failure; doubles per attempt
    qint64 backoffMaxMs = 3600 * 1000;
    qint64 leaseMs = 60 * 1000; // how long a claimed row stays with this relay
    qint64 pollMs = 1000; // the wait when nothing is due (not with once)
    QString leaseOwner; // "<host>:<pid>" when empty
};

struct RelaySummary
{
    qint64 delivered = 0;
    qint64 failed = 0; // FAILED, to be retried
    qint64 dead = 0; // reached max_attempts
    qint64 claims = 0; // claim transactions that returned rows
};

struct RelayHooks
{
    // Asked between deliveries and while waiting; true ends the relay after the current delivery.
    std::function<bool()> stopRequested;
    // One sentence per delivery and per claimed batch, for people.
    std::function<void(const QString &)> progress;
    // Called after the sink accepted a delivery and before it is marked (a test's crash point).
    std::function<void(const OutboxDelivery &)> afterDelivery;
};

// When a delivery that has now failed `attempts` times is next due: now + d, with d drawn
// uniformly from [e/2, e] where e = min(base * 2^(attempts-1), max) ("equal jitter", so relays
// that failed together do not retry together). `unitRandom` in [0, 1) (tests pass a fixed one).
QString relayNextAttemptAt(const QString &now, int attempts, qint64 baseMs, qint64 maxMs, double unitRandom);

// Runs the relay until stopped (or, with options.once, until the deliveries due at its start are
// done). Store errors are thrown; sink errors are recorded on the rows.
RelaySummary runRelay(RunEventStore &events, DeliverySink &sink, const RelayOptions &options,
    const RelayHooks &hooks = {});

// "N delivered, N failed, N dead": the summary line.
QString relaySummaryText(const RelaySummary &summary);

} // namespace dpm
