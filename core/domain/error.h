#pragma once

#include <QException>
#include <QString>

namespace dpm {

// What kind of failure an error is. dpmctl maps kinds to exit codes; the GUI picks icons and
// whether a retry makes sense.
enum class ErrorKind {
    InvalidInput, // the caller asked for something malformed (bad cursor, timestamp, flag)
    NotFound, // a lookup named nothing
    Conflict, // a write clashes with what is stored
    Configuration, // the store cannot be selected as configured (DSN missing, driver missing)
    Connection, // the database could not be reached or dropped the connection
    Migration, // schema state or migration failure
    Storage, // a query failed for another reason
    Internal, // a bug
};

// The one error type of the project: a stable UPPER_SNAKE_CASE reason code (the service's code
// where it has one, possibly with ":<detail>" suffixes as the service's migration codes have) and
// one sentence that says what to do. Derives from QException so it crosses QFuture boundaries.
// The message is redacted (redactSecrets) as the error is made: drivers and parsers echo what
// they were given, and no error may carry a password to a person.
class Error : public QException
{
public:
    Error(ErrorKind kind, QString code, QString message);

    ErrorKind kind() const { return m_kind; }
    const QString &code() const { return m_code; }
    const QString &message() const { return m_message; }

    // "CODE: message", the form used on stderr and in logs.
    QString toString() const;

    const char *what() const noexcept override;
    void raise() const override { throw *this; }
    Error *clone() const override { return new Error(*this); }

private:
    ErrorKind m_kind;
    QString m_code;
    QString m_message;
    QByteArray m_what;
};

QString errorKindName(ErrorKind kind);

} // namespace dpm
