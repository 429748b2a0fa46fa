#pragma once

#include "services/storeopening.h"
#include "services/storestatus.h"
#include "domain/canceltoken.h"
#include "store/storelocation.h"
#include "store/supportstore.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

namespace dpm {

// What the status bar says about an open store, read once when it opens.
struct StoreInfo
{
    QString backend; // "SQLite", "PostgreSQL", "In memory"
    QString redactedLocation;
    QString persistenceProfile; // "LOCAL" / "PRODUCTION" from APP_PERSISTENCE_PROFILE
    QString schemaState; // "up to date", "3 pending migrations", "not a SQL store", …
    bool isEmpty = false; // no run and no operation: the embedded default then gets demo data
    // False for a SQL database without the DPM tables (opened with allowMissingSchema): only
    // the admin page can work on it until the migrations are applied and the store reopened.
    bool hasSchema = true;
    // Set while writes also go to PostgreSQL (DUAL_WRITE_MODE): the configured share of reads
    // PostgreSQL answers (READ_FROM_POSTGRES_PERCENT).
    std::optional<int> dualWriteReadPercent;
    // Set while the store could only be opened read-only (a SQLite file in a read-only place).
    QString readOnlyNotice;
    // Set while the console's listing migrations are pending (see listingNotice()).
    QString listingNotice;
    // Set when the store lacks the advisory proposal tables, or the run event and outbox tables
    // (an older service database, the DPM tables only): the page that reads them shows this
    // sentence instead of querying and failing.
    QString proposalsNotice;
    QString runEventsNotice;
};

// The console's only way to the store. Every call runs on this session's worker threads, each
// with its own database connection, and comes back as a QFuture; pages continue on the UI thread
// with whenFinished() (never QFuture::then with a context: see whenfinished.h). The UI thread
// never runs a query.
class StoreSession : public QObject
{
    Q_OBJECT

public:
    explicit StoreSession(StoreLocation location, QObject *parent = nullptr);
    // Does not wait for running queries: they are interrupted on the server and dropped.
    ~StoreSession() override;

    const StoreLocation &location() const { return m_location; }
    QString redactedLocation() const { return m_location.redacted(); }

    // Opens (and with applyMigrations, creates and migrates) the store on a worker thread, with
    // the environment's dual-write configuration as dpmctl applies it (DUAL_WRITE_MODE,
    // READ_FROM_POSTGRES_PERCENT, DATABASE_URL). Fails with the store's dpm::Error. Safe to call
    // again after a failure (retry).
    QFuture<StoreInfo> open(OpenOptions options = {});
    bool isOpen() const;

    // Runs fn(SupportStore &) on a worker thread. Before open() succeeded the future fails with
    // STORE_NOT_OPEN. Exceptions of type dpm::Error reach the future's onFailed handlers.
    template <typename F> auto run(F fn) -> QFuture<std::invoke_result_t<F, SupportStore &>>
    {
        auto store = currentStore();
        return QtConcurrent::run(m_pool, [store, fn = std::move(fn), alive = m_alive]() mutable {
            if (!store)
                throwNotOpen();
            struct Finished
            {
                Alive &alive;
                ~Finished()
                {
                    // Under the lock the session cannot be destroyed half-way: a QPointer checked
                    // on this thread could be.
                    std::lock_guard lock(alive.mutex);
                    if (alive.session)
                        QMetaObject::invokeMethod(alive.session, "noteQueryFinished", Qt::QueuedConnection);
                }
            } finished { *alive };
            return fn(*store);
        });
    }

    // The same, stoppable: cancel->cancel() interrupts this request's statements on the database
    // (they fail with STORE_QUERY_CANCELLED) and leaves the session's other requests alone.
    template <typename F>
    auto run(F fn, std::shared_ptr<CancelToken> cancel) -> QFuture<std::invoke_result_t<F, SupportStore &>>
    {
        return run([fn = std::move(fn), cancel](SupportStore &store) mutable {
            const StatementInterrupter interrupter = store.interrupterForThisThread();
            struct Attached
            {
                CancelToken &cancel;
                const StatementInterrupter &interrupter;
                ~Attached()
                {
                    cancel.detach();
                    if (interrupter.release)
                        interrupter.release();
                }
            } attached { *cancel, interrupter };
            cancel->attach(interrupter.interrupt);
            return fn(store);
        });
    }

    // The same as run() for work that reports progress and honours cancel through a QPromise
    // (exports, the demo fill): fn(QPromise<T> &, SupportStore &).
    template <typename T, typename F> QFuture<T> runWithPromise(F fn)
    {
        auto store = currentStore();
        return QtConcurrent::run(m_pool, [store, fn = std::move(fn)](QPromise<T> &promise) mutable {
            if (!store)
                throwNotOpen();
            fn(promise, *store);
        });
    }

    // The session's workers, one database connection each (the Store health panel's pool).
    StorePool pool() const { return { m_pool->maxThreadCount(), m_pool->activeThreadCount() }; }

    // When the last query of this session finished (shown in the status bar).
    QDateTime lastQueryFinished() const { return m_lastQueryFinished; }

Q_SIGNALS:
    void queryFinished(const QDateTime &when);

private Q_SLOTS:
    void noteQueryFinished();

private:
    std::shared_ptr<SupportStore> currentStore() const;
    [[noreturn]] static void throwNotOpen();

    // Shared with the open task, which may finish after the session is gone.
    struct OpenedStore
    {
        std::mutex mutex;
        std::shared_ptr<SupportStore> store;
    };

    StoreLocation m_location;
    QThreadPool *m_pool;
    std::shared_ptr<OpenedStore> m_opened = std::make_shared<OpenedStore>();
    // The session as its workers may reach it: cleared first thing in the destructor.
    struct Alive
    {
        explicit Alive(StoreSession *s)
            : session(s)
        { }
        std::mutex mutex;
        StoreSession *session;
    };
    std::shared_ptr<Alive> m_alive = std::make_shared<Alive>(this);
    QDateTime m_lastQueryFinished;
};

} // namespace dpm
