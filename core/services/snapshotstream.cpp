#include "snapshotstream.h"

#include "domain/error.h"

#include <QIODevice>

namespace dpm {

namespace {

constexpr int kChunk = 256 * 1024;
constexpr int kGzipWindow = 15 + 16; // deflate window 2^15, gzip wrapper

Error writeFailed(const QIODevice &out)
{
    return Error(ErrorKind::Storage, QStringLiteral("SNAPSHOT_WRITE_FAILED"),
        QStringLiteral("The snapshot file could not be written (%1); check the disk space and the path, then export "
                       "again.")
            .arg(out.errorString()));
}

Error corrupt()
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_CORRUPT"),
        QStringLiteral("The file is not a readable snapshot (its gzip stream is damaged); take the file as "
                       "\"dpmctl snapshot export\" wrote it."));
}

} // namespace


SnapshotWriter::SnapshotWriter(QIODevice &out)
    : m_out(out)
{
    // Level 1: the fastest; JSON lines of ids and payloads still shrink several times.
    if (deflateInit2(&m_zlib, 1, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error(ErrorKind::Internal, QStringLiteral("SNAPSHOT_WRITE_FAILED"),
            QStringLiteral("zlib could not start compressing; this is a bug, please report it."));
    m_buffer.resize(kChunk);
}

SnapshotWriter::~SnapshotWriter()
{
    deflateEnd(&m_zlib);
}

void SnapshotWriter::writeLine(const QByteArray &line)
{
    m_hash.addData(line);
    m_hash.addData(QByteArrayView("\n"));
    deflateAll(line, Z_NO_FLUSH);
    deflateAll(QByteArrayLiteral("\n"), Z_NO_FLUSH);
}

QByteArray SnapshotWriter::digest() const
{
    // Called once, at the end: result() finalises.
    return m_hash.result().toHex();
}

void SnapshotWriter::finish(const QByteArray &line)
{
    deflateAll(line + '\n', Z_FINISH); // the caller flushes and closes the device
}

void SnapshotWriter::deflateAll(const QByteArray &bytes, int flush)
{
    m_zlib.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    m_zlib.avail_in = uInt(bytes.size());
    do {
        m_zlib.next_out = reinterpret_cast<Bytef *>(m_buffer.data());
        m_zlib.avail_out = uInt(m_buffer.size());
        const int rc = deflate(&m_zlib, flush);
        if (rc == Z_STREAM_ERROR)
            throw writeFailed(m_out);
        const qint64 produced = m_buffer.size() - m_zlib.avail_out;
        if (produced > 0 && m_out.write(m_buffer.constData(), produced) != produced)
            throw writeFailed(m_out);
        m_compressedBytes += produced;
        if (flush == Z_FINISH && rc == Z_STREAM_END)
            break;
    } while (m_zlib.avail_out == 0 || (flush == Z_FINISH));
}

SnapshotReader::SnapshotReader(QIODevice &in)
    : m_in(in)
{
    if (inflateInit2(&m_zlib, kGzipWindow) != Z_OK)
        throw corrupt();
}

SnapshotReader::~SnapshotReader()
{
    inflateEnd(&m_zlib);
}

bool SnapshotReader::fill()
{
    if (m_ended)
        return false;
    m_text.remove(0, m_textPos);
    m_textPos = 0;
    QByteArray out(kChunk, Qt::Uninitialized);
    while (true) {
        if (m_zlib.avail_in == 0) {
            m_input = m_in.read(kChunk);
            if (m_input.isEmpty())
                throw snapshotTruncatedError();
            m_zlib.next_in = reinterpret_cast<Bytef *>(m_input.data());
            m_zlib.avail_in = uInt(m_input.size());
        }
        m_zlib.next_out = reinterpret_cast<Bytef *>(out.data());
        m_zlib.avail_out = uInt(out.size());
        const int rc = inflate(&m_zlib, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            throw corrupt();
        const qsizetype produced = out.size() - m_zlib.avail_out;
        m_text.append(out.constData(), produced);
        if (rc == Z_STREAM_END) {
            m_ended = true;
            return true;
        }
        if (produced > 0)
            return true;
    }
}

bool SnapshotReader::readLine(QByteArray &line)
{
    qsizetype end = m_text.indexOf('\n', m_textPos);
    while (end < 0) {
        const qsizetype searched = m_text.size() - m_textPos;
        if (!fill()) {
            if (m_text.size() > m_textPos) // a last line without its newline: cut off
                throw snapshotTruncatedError();
            return false;
        }
        end = m_text.indexOf('\n', m_textPos + searched);
    }
    if (m_haveLast) {
        m_hash.addData(m_lastLine);
        m_hash.addData(QByteArrayView("\n"));
    }
    line = m_text.mid(m_textPos, end - m_textPos);
    m_textPos = end + 1;
    m_lastLine = line;
    m_haveLast = true;
    return true;
}

QByteArray SnapshotReader::digestBeforeLastLine() const
{
    // Called once, at the end: result() finalises.
    return m_hash.result().toHex();
}

Error snapshotTruncatedError()
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_TRUNCATED"),
        QStringLiteral("The snapshot file ends before its last line (a copy cut short?); take a complete copy of the "
                       "file, or export again."));
}

} // namespace dpm
