#include "countingsink.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QSemaphore>
#include <QTcpSocket>

namespace dpm::test {

CountingSink::CountingSink(int status)
    : m_status(status)
{
    m_worker.moveToThread(&m_thread);
    m_thread.start();
    QSemaphore listening;
    QMetaObject::invokeMethod(
        &m_worker,
        [&] {
            serve();
            listening.release();
        },
        Qt::QueuedConnection);
    listening.acquire();
}

CountingSink::~CountingSink()
{
    QThread *owner = QThread::currentThread();
    QMetaObject::invokeMethod(
        &m_worker,
        [this, owner] {
            m_server.reset();
            m_worker.moveToThread(owner); // destroyed on the thread that made it
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString CountingSink::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/events").arg(m_port);
}

int CountingSink::requestCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_keys.size());
}

QStringList CountingSink::idempotencyKeys() const
{
    QMutexLocker locker(&m_mutex);
    return m_keys;
}

QStringList CountingSink::outboxIds() const
{
    QMutexLocker locker(&m_mutex);
    return m_outboxIds;
}

void CountingSink::serve()
{
    m_server = std::make_unique<QTcpServer>();
    m_server->listen(QHostAddress::LocalHost);
    m_port = m_server->serverPort();
    QObject::connect(m_server.get(), &QTcpServer::newConnection, m_server.get(), [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                QByteArray key;
                qsizetype length = 0;
                for (const QByteArray &line : buffer->left(headerEnd).split('\n')) {
                    const qsizetype colon = line.indexOf(':');
                    if (colon < 0)
                        continue;
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    if (name == "idempotency-key")
                        key = line.mid(colon + 1).trimmed();
                    else if (name == "content-length")
                        length = line.mid(colon + 1).trimmed().toLongLong();
                }
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                const QJsonObject body = QJsonDocument::fromJson(buffer->mid(headerEnd + 4, length)).object();
                {
                    QMutexLocker locker(&m_mutex);
                    m_keys << QString::fromUtf8(key);
                    m_outboxIds << body.value(QStringLiteral("outbox_id")).toString();
                }
                buffer->clear();
                const int status = m_status;
                socket->write(QStringLiteral("HTTP/1.1 %1 %2\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                  .arg(status)
                                  .arg(status == 200 ? QStringLiteral("OK") : QStringLiteral("Error"))
                                  .toLatin1());
                socket->disconnectFromHost();
            });
        }
    });
}

} // namespace dpm::test
