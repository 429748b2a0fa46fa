#pragma once

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QThread>

#include <atomic>
#include <memory>

namespace dpm::test {

// A local HTTP endpoint for the outbox relay tests: answers every POST with a fixed status and
// counts what it received (the Idempotency-Key header and the body's outbox_id). It runs on its
// own thread, since the tests wait for dpmctl synchronously.
class CountingSink
{
public:
    explicit CountingSink(int status = 200);
    ~CountingSink();
    CountingSink(const CountingSink &) = delete;
    CountingSink &operator=(const CountingSink &) = delete;

    QString url() const;
    void setStatus(int status) { m_status = status; }

    int requestCount() const;
    QStringList idempotencyKeys() const; // in arrival order
    QStringList outboxIds() const; // in arrival order

private:
    void serve(); // on the sink's thread

    QThread m_thread;
    QObject m_worker; // the sink thread's context object
    std::unique_ptr<QTcpServer> m_server; // lives on m_thread
    quint16 m_port = 0;
    std::atomic<int> m_status;
    mutable QMutex m_mutex;
    QStringList m_keys;
    QStringList m_outboxIds;
};

} // namespace dpm::test
