#pragma once

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace dpm::serve {

// A query string decoded as the service's framework does (Python's parse_qsl with
// keep_blank_values): pairs split on "&", "+" is a space, %XX decoded as UTF-8, a blank value is
// a value ("limit=" is limit ""), a name without "=" has the value "", empty pairs are skipped, and
// of duplicate names the last one wins.
class QueryParameters
{
public:
    static QueryParameters parse(QByteArrayView rawQuery);

    std::optional<QString> value(const QString &name) const;
    // Each name once, sorted.
    QStringList names() const { return m_values.keys(); }

private:
    QMap<QString, QString> m_values;
};

// What a declared query parameter accepts (FastAPI's validation of the service's signatures).
struct ParameterSpec
{
    enum class Kind { Text, Timestamp, Limit, Boolean, Literal };
    QString name;
    Kind kind = Kind::Text;
    // The RFC-0023 name accepted with --compat rfc0023 (from, to, status).
    QString compatAlias;
    QStringList literals; // Kind::Literal
    int limitMax = 200; // Kind::Limit: 1..limitMax, limitDefault when absent
    int limitDefault = 50;
};

// The validated values: text as given, timestamps normalised to the service's format, the
// limit (the spec's range and default; DPM lists 1..200, default 50) and booleans (default true).
struct ValidatedQuery
{
    QMap<QString, QString> values;
    int limit = 50;
    QMap<QString, bool> booleans;

    std::optional<QString> text(const QString &name) const;
    bool boolean(const QString &name) const { return booleans.value(name, true); }
};

// Validates the declared parameters in order and collects FastAPI's error items
// ({type, loc, msg, input, ctx}) for the 422 list form; the first value present of a parameter's
// name and (with compat) its alias counts.
ValidatedQuery validateQuery(
    const QueryParameters &query, const QList<ParameterSpec> &specs, bool compat, QJsonArray *errors);

// A path segment declared as an integer >= minimum (FastAPI's Path(ge=…)): the value, or nullopt
// with the error item (loc ["path", name]) appended.
std::optional<qint64> validatePathInteger(const QString &name, const QString &text, qint64 minimum, QJsonArray *errors);

// The names given that no spec declares (nor, with compat, aliases): for the 422
// UNSUPPORTED_QUERY_PARAMETER check. Sorted, each once.
QStringList unknownParameters(const QueryParameters &query, const QList<ParameterSpec> &specs, bool compat);

// pydantic's reason a text is not a datetime or date (speedate's messages), used in the
// datetime_from_date_parsing error.
QString datetimeParseError(const QString &text);

} // namespace dpm::serve
