// ApiServer's store work: every request's reads run on a store worker with a timeout, and the
// store's failures become the service's statuses.

#include "apiserverparts.h"

#include "domain/error.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <future>
#include <mutex>
#include <optional>

namespace dpm::serve {

std::optional<ApiServer::Answer> ApiServer::answerMissingTables(
    const Endpoint &endpoint, const QString &path, const QString &correlationId)
{
    if (endpoint.tables == EndpointTables::Dpm)
        return std::nullopt;
    const bool proposals = endpoint.tables == EndpointTables::Proposals;
    // Tables once there stay (the stores remember it too): only a missing answer is asked again,
    // so a store migrated while the server runs is served without a restart.
    std::atomic<bool> &known = proposals ? m_proposalsAvailable : m_runEventsAvailable;
    if (known.load())
        return std::nullopt;
    Answer probe = runOnStore(endpoint.path, path, correlationId, [proposals](SupportStore &store) {
        const bool available = proposals ? store.proposals().isAvailable() : store.runEvents().isAvailable();
        return available ? QByteArray("1") : QByteArray();
    }, m_options.storeTimeoutMs, endpoint.storeCodePrefix);
    if (probe.status != 200)
        return probe;
    if (!probe.body.isEmpty()) {
        known.store(true);
        return std::nullopt;
    }
    // An older service database (the DPM tables only). The service's routes answer as the
    // service does when its proposal store cannot start; ours name the reason.
    const QString reason = proposals ? QStringLiteral("PROPOSAL_SCHEMA_MISSING") : QStringLiteral("RUN_EVENTS_SCHEMA_MISSING");
    const bool serviceRoute = endpoint.storeCodePrefix == QLatin1String("PROPOSAL");
    QByteArray line = "level=warn msg=\"store lacks the tables\"";
    appendLogField(line, "route", endpoint.path);
    appendLogField(line, "error", reason);
    appendLogField(line, "correlation_id", correlationId);
    writeLog(line);
    Answer out;
    out.status = 503;
    out.body = detailBytes(serviceRoute ? endpoint.storeCodePrefix + QStringLiteral("_POSTGRES_CONNECTION_FAILED") : reason);
    return out;
}

ApiServer::Answer ApiServer::runOnStore(const QString &route, const QString &path, const QString &correlationId,
    std::function<QByteArray(SupportStore &)> work, int timeoutMs, const QString &storeCodePrefix,
    bool invalidInputAnswers422)
{
    struct Outcome
    {
        QByteArray body;
        std::optional<Error> error;
        bool unexpected = false;
    };
    // Shared with the worker, which may finish after this request gave up on it.
    struct Task
    {
        std::mutex mutex;
        StatementInterrupter interrupter;
        bool timedOut = false;
        std::promise<Outcome> promise;
    };
    auto task = std::make_shared<Task>();
    std::future<Outcome> future = task->promise.get_future();
    const auto started = Clock::now();
    m_storePool.start([this, task, work = std::move(work)] {
        m_storeActive.fetch_add(1);
        const StatementInterrupter interrupter = m_store.interrupterForThisThread();
        {
            std::lock_guard lock(task->mutex);
            if (task->timedOut) {
                m_storeActive.fetch_sub(1);
                if (interrupter.release)
                    interrupter.release();
                task->promise.set_value({ {}, std::nullopt, false });
                return; // nobody waits for it any more
            }
            task->interrupter = interrupter;
        }
        Outcome outcome;
        try {
            outcome.body = work(m_store);
        } catch (const Error &error) {
            outcome.error = error;
        } catch (...) {
            outcome.unexpected = true;
        }
        {
            std::lock_guard lock(task->mutex);
            task->interrupter = {};
        }
        if (interrupter.release)
            interrupter.release();
        m_storeActive.fetch_sub(1);
        task->promise.set_value(std::move(outcome));
    });

    Answer out;
    auto refuse = [&](int status, const QString &code) {
        out.status = status;
        out.body = detailBytes(code);
        return out;
    };
    if (future.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready) {
        std::lock_guard lock(task->mutex);
        task->timedOut = true;
        if (task->interrupter.interrupt)
            task->interrupter.interrupt();
        m_metrics.recordStoreCall(route, std::chrono::duration<double>(Clock::now() - started).count());
        return refuse(503, QStringLiteral("STORE_TIMEOUT"));
    }
    Outcome outcome = future.get();
    m_metrics.recordStoreCall(route, std::chrono::duration<double>(Clock::now() - started).count());
    if (!outcome.error && !outcome.unexpected) {
        out.body = std::move(outcome.body);
        return out;
    }
    if (outcome.error) {
        const Error &error = *outcome.error;
        if (error.kind() == ErrorKind::NotFound)
            return refuse(404, error.code());
        if (invalidInputAnswers422 && error.kind() == ErrorKind::InvalidInput)
            return refuse(422, error.code() + QStringLiteral(": ") + error.message());
        if (error.code() == QLatin1String("STORE_QUERY_CANCELLED"))
            return refuse(503, QStringLiteral("STORE_TIMEOUT"));
        if (error.code() == QLatin1String("DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED"))
            return refuse(503, storeCodePrefix + QStringLiteral("_POSTGRES_DSN_REQUIRED"));
        if (error.kind() == ErrorKind::Connection)
            return refuse(503, storeCodePrefix + QStringLiteral("_POSTGRES_CONNECTION_FAILED"));
        QByteArray line = "level=error msg=\"store call failed\"";
        appendLogField(line, "route", route);
        appendLogField(line, "error", error.code());
        appendLogField(line, "correlation_id", correlationId);
        writeLog(line);
    }
    out.status = 500;
    out.contentType = "application/problem+json";
    out.body = problemBytes(path, correlationId);
    return out;
}

} // namespace dpm::serve
