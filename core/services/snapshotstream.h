#pragma once

#include <QByteArray>
#include <QCryptographicHash>

#include <zlib.h>

class QIODevice;

namespace dpm {

class Error;

// The byte level of a snapshot file (snapshotexport.h): lines of text in one gzip stream (zlib's
// deflate with the gzip wrapper, so `zcat` reads it), compressed and decompressed as they go, so
// neither side ever holds more than a buffer of it. Both sides keep the SHA-256 of the lines.
// Errors are dpm::Error (SNAPSHOT_WRITE_FAILED, SNAPSHOT_CORRUPT, SNAPSHOT_TRUNCATED).

class SnapshotWriter
{
public:
    explicit SnapshotWriter(QIODevice &out); // opened for writing
    ~SnapshotWriter();
    SnapshotWriter(const SnapshotWriter &) = delete;
    SnapshotWriter &operator=(const SnapshotWriter &) = delete;

    // Writes the line and a newline, and hashes both.
    void writeLine(const QByteArray &line);
    // The hex SHA-256 of every line written so far; called once, before finish().
    QByteArray digest() const;
    // Writes `line` unhashed (the checksum line), ends the gzip stream and flushes.
    void finish(const QByteArray &line);
    qint64 compressedBytes() const { return m_compressedBytes; }

private:
    void deflateAll(const QByteArray &bytes, int flush);

    QIODevice &m_out;
    z_stream m_zlib {};
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    QByteArray m_buffer;
    qint64 m_compressedBytes = 0;
};

class SnapshotReader
{
public:
    explicit SnapshotReader(QIODevice &in); // opened for reading
    ~SnapshotReader();
    SnapshotReader(const SnapshotReader &) = delete;
    SnapshotReader &operator=(const SnapshotReader &) = delete;

    // The next line without its newline; false at the end of the gzip stream. A file that ends
    // before its gzip stream does is SNAPSHOT_TRUNCATED; bytes that are not one, SNAPSHOT_CORRUPT.
    bool readLine(QByteArray &line);
    // The hex SHA-256 of every line read before the last one readLine() returned; called once.
    QByteArray digestBeforeLastLine() const;

private:
    bool fill();

    QIODevice &m_in;
    z_stream m_zlib {};
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    QByteArray m_input;
    QByteArray m_text; // decompressed, not yet handed out
    qsizetype m_textPos = 0;
    QByteArray m_lastLine;
    bool m_haveLast = false;
    bool m_ended = false;
};

Error snapshotTruncatedError();

} // namespace dpm
