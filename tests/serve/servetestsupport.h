#pragma once

#include "apiserver.h"
#include "store/storelocation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace dpm::test {

// One answer as a client saw it.
struct HttpAnswer
{
    int status = 0; // 0: no answer (connection refused, reset, TLS failure)
    QByteArray body;
    std::multimap<std::string, std::string> headers;

    QByteArray header(const char *name) const;
    QString describe() const; // for failure messages
};

// An ApiServer serving a store on a free loopback port, run on its own thread until destroyed.
// Its log lines are kept (not printed) for the tests to read.
class RunningServer
{
public:
    RunningServer(SupportStore &store, serve::ServeOptions options);
    ~RunningServer();

    int port() const { return m_port; }
    QList<QByteArray> logLines() const;

    // GET (or another method) over plain HTTP, with extra request headers.
    HttpAnswer request(const QString &method, const QString &target,
        const std::multimap<std::string, std::string> &headers = {}) const;
    HttpAnswer get(const QString &target, const std::multimap<std::string, std::string> &headers = {}) const
    {
        return request(QStringLiteral("GET"), target, headers);
    }

private:
    std::shared_ptr<std::mutex> m_logMutex = std::make_shared<std::mutex>();
    std::shared_ptr<QList<QByteArray>> m_log = std::make_shared<QList<QByteArray>>();
    std::unique_ptr<serve::ApiServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

// Options for a test server: loopback, any free port, the given environment only (never the
// test process's own), short timeouts.
serve::ServeOptions testServeOptions(const QProcessEnvironment &environment = {});

// An environment with every DPM flag of http-api.md §2 switched on.
QProcessEnvironment allFlagsOn();

// An older service database at `location` (SQLite or PostgreSQL): the DPM tables only, without
// the proposal, run-event and console tables; opened without migrating. Throws dpm::Error.
std::unique_ptr<SupportStore> openOlderServiceStore(const StoreLocation &location);

// Makes, with the openssl command, in `dir`: a test CA (ca.pem, ca.key), a server certificate it
// signed for 127.0.0.1 and localhost (server.pem, server.key) and another CA (other.pem). Empty
// when it worked, else what openssl said.
QByteArray makeTestCertificates(const QString &dir);

// The bytes of a golden file in tests/serve/golden; with DPM_UPDATE_GOLDEN=1 in the environment
// the file is (re)written with a non-empty `actual` first, so new goldens are made by running the test once
// and then read and checked by a person before they are committed.
QByteArray golden(const QString &name, const QByteArray &actual);

} // namespace dpm::test
