#include "error.h"

#include "redaction.h"

namespace dpm {

Error::Error(ErrorKind kind, QString code, QString message)
    : m_kind(kind)
    , m_code(std::move(code))
    , m_message(redactSecrets(message))
    , m_what(toString().toUtf8())
{ }

QString Error::toString() const
{
    return m_code + QStringLiteral(": ") + m_message;
}

const char *Error::what() const noexcept
{
    return m_what.constData();
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::Configuration:
        return QStringLiteral("configuration");
    case ErrorKind::Connection:
        return QStringLiteral("connection");
    case ErrorKind::Migration:
        return QStringLiteral("migration");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    case ErrorKind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace dpm
