#pragma once

#include "domain/canceltoken.h"
#include "session/storesession.h"
#include "session/whenfinished.h"

#include <QFuture>
#include <QObject>

#include <memory>
#include <utility>

namespace dpm {

// One kind of request a page makes (its listing page, its graph, its summary). Starting a new
// one replaces the one in flight: that one is stopped on the database and its answer dropped,
// so the page only ever hears the answer to its latest question. Owns what every page used to
// hand-write: the generation number, the CancelToken and the busy flag.
class RequestTracker : public QObject
{
    Q_OBJECT

public:
    explicit RequestTracker(QObject *parent = nullptr)
        : QObject(parent)
    { }

    // Runs fn(SupportStore &) on the session's workers; onValue(result) (or onValue() for void)
    // or onError(const Error &) runs on this object's thread, and only if no later start() or
    // cancel() came in between.
    template <typename F, typename OnValue, typename OnError>
    void start(StoreSession &session, F fn, OnValue onValue, OnError onError)
    {
        const quint64 generation = replace(CancelToken::create());
        deliver(session.run(std::move(fn), m_cancel), generation, std::move(onValue), std::move(onError));
    }

    // The same for work that has no CancelToken (a session's open(), a file read on the pool):
    // a later start() or cancel() drops its answer; the work itself runs to its end.
    template <typename T, typename OnValue, typename OnError>
    void follow(const QFuture<T> &future, OnValue onValue, OnError onError)
    {
        deliver(future, replace(nullptr), std::move(onValue), std::move(onError));
    }

    // Stops the request in flight, if any; its answer, when it comes, is dropped.
    void cancel()
    {
        if (m_cancel)
            m_cancel->cancel();
        m_cancel.reset();
        ++m_generation;
        setBusy(false);
    }

    // Drops the answer of the request in flight without stopping it on the database (the session
    // it runs on is going away and stops it itself).
    void forget()
    {
        m_cancel.reset();
        ++m_generation;
        setBusy(false);
    }

    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    // Stops the request in flight and makes the next one, which `cancel` (if any) stops.
    quint64 replace(std::shared_ptr<CancelToken> cancel)
    {
        if (m_cancel)
            m_cancel->cancel();
        m_cancel = std::move(cancel);
        setBusy(true);
        return ++m_generation;
    }
    template <typename T, typename OnValue, typename OnError>
    void deliver(const QFuture<T> &future, quint64 generation, OnValue onValue, OnError onError)
    {
        whenFinished(
            future, this,
            [this, generation, onValue = std::move(onValue)](auto &&...value) mutable {
                if (settle(generation))
                    onValue(std::forward<decltype(value)>(value)...);
            },
            [this, generation, onError = std::move(onError)](const Error &error) mutable {
                if (settle(generation))
                    onError(error);
            });
    }
    // True when the answer of request `generation` is still wanted; it then ends the busy state.
    bool settle(quint64 generation)
    {
        if (generation != m_generation)
            return false;
        m_cancel.reset();
        setBusy(false);
        return true;
    }
    void setBusy(bool busy)
    {
        if (m_busy == busy)
            return;
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }

    quint64 m_generation = 0;
    std::shared_ptr<CancelToken> m_cancel;
    bool m_busy = false;
};

} // namespace dpm
