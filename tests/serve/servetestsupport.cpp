#include "servetestsupport.h"

#include "migrate/migrator.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"
#include "store/supportstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <httplib.h>

namespace dpm::test {

QByteArray HttpAnswer::header(const char *name) const
{
    // Header names are case-insensitive; httplib keeps them as sent.
    for (const auto &[key, value] : headers) {
        if (QByteArray::fromStdString(key).compare(name, Qt::CaseInsensitive) == 0)
            return QByteArray::fromStdString(value);
    }
    return {};
}

QString HttpAnswer::describe() const
{
    return QStringLiteral("status %1, body %2").arg(status).arg(QString::fromUtf8(body.left(2000)));
}

std::unique_ptr<SupportStore> openOlderServiceStore(const StoreLocation &location)
{
    {
        SqlDatabase db(location);
        Migrator(db).apply({ QStringLiteral("dpm") });
    }
    SqlDatabase::closeThisThreadsConnections();
    return openStore(location);
}

RunningServer::RunningServer(SupportStore &store, serve::ServeOptions options)
{
    options.log = [mutex = m_logMutex, log = m_log](const QByteArray &line) {
        std::lock_guard lock(*mutex);
        log->append(line);
    };
    m_server = std::make_unique<serve::ApiServer>(store, std::move(options));
    m_port = m_server->bind();
    m_thread = std::thread([this] { m_server->run(); });
}

RunningServer::~RunningServer()
{
    m_server->stop();
    m_thread.join();
}

QList<QByteArray> RunningServer::logLines() const
{
    std::lock_guard lock(*m_logMutex);
    return *m_log;
}

HttpAnswer RunningServer::request(
    const QString &method, const QString &target, const std::multimap<std::string, std::string> &headers) const
{
    httplib::Client client("127.0.0.1", m_port);
    client.set_connection_timeout(5);
    client.set_url_encode(false); // the target goes out byte for byte
    client.set_read_timeout(30);
    httplib::Request request;
    request.method = method.toStdString();
    request.path = target.toStdString(); // sent as given: the test controls the encoding
    for (const auto &[name, value] : headers)
        request.headers.emplace(name, value);
    HttpAnswer out;
    if (auto result = client.send(request)) {
        out.status = result->status;
        out.body = QByteArray::fromStdString(result->body);
        for (const auto &[name, value] : result->headers)
            out.headers.emplace(name, value);
    }
    return out;
}

serve::ServeOptions testServeOptions(const QProcessEnvironment &environment)
{
    serve::ServeOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = 0;
    options.environment = environment;
    options.storeTimeoutMs = 20000;
    options.keepAliveTimeoutSec = 2;
    options.readTimeoutSec = 2;
    return options;
}

QProcessEnvironment allFlagsOn()
{
    QProcessEnvironment environment;
    for (const char *flag : { "DPM_SUPPORT_APIS_ENABLED", "DPM_ASYNC_OPERATIONS_ENABLED", "DPM_ARTIFACTS_ENABLED",
             "DPM_WORKFLOW_ENABLED", "DPM_LINEAGE_APIS_ENABLED", "DPM_IDEMPOTENCY_HISTORY_APIS_ENABLED",
             "DPM_SUPPORTABILITY_SUMMARY_APIS_ENABLED", "DPM_SUPPORT_BUNDLE_APIS_ENABLED" })
        environment.insert(QString::fromLatin1(flag), QStringLiteral("true"));
    return environment;
}

QByteArray makeTestCertificates(const QString &dir)
{
    QFile extensions(QDir(dir).filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly))
        return "cannot write server.ext";
    extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    extensions.close();
    const QStringList ec { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
    for (const QStringList &arguments : {
             QStringList { "req", "-x509" } + ec + QStringList { "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=dpm serve test CA" },
             QStringList { "req" } + ec + QStringList { "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1" },
             QStringList { "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                 "-out", "server.pem", "-days", "2", "-extfile", "server.ext" },
             QStringList { "req", "-x509" } + ec + QStringList { "-keyout", "other.key", "-out", "other.pem", "-days", "2", "-subj", "/CN=other CA" } }) {
        QProcess process;
        process.setWorkingDirectory(dir);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        process.waitForFinished(60000);
        if (process.exitCode() != 0 || process.exitStatus() != QProcess::NormalExit)
            return process.readAll() + " (exit " + QByteArray::number(process.exitCode()) + ')';
    }
    return {};
}

QByteArray golden(const QString &name, const QByteArray &actual)
{
    const QString path = QStringLiteral(DPM_SERVE_GOLDEN_DIR "/") + name + QStringLiteral(".json");
    QFile file(path);
    if (qEnvironmentVariableIntValue("DPM_UPDATE_GOLDEN") == 1 && !actual.isEmpty()) {
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(actual);
        file.close();
    }
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing golden file ") + path.toUtf8() + '>';
    return file.readAll();
}

} // namespace dpm::test
