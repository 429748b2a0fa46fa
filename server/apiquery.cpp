#include "apiquery.h"

#include "domain/error.h"
#include "domain/timestamp.h"

#include <QRegularExpression>
#include <QUrl>

namespace dpm::serve {

namespace {

QString decodeComponent(QByteArrayView raw)
{
    QByteArray bytes = raw.toByteArray();
    bytes.replace('+', ' ');
    return QUrl::fromPercentEncoding(bytes);
}

QJsonObject errorItem(const char *type, const QString &name, const QString &message, const QString &input,
    const QJsonObject &context = {}, const QString &location = QStringLiteral("query"))
{
    QJsonObject item { { QStringLiteral("type"), QString::fromLatin1(type) },
        { QStringLiteral("loc"), QJsonArray { location, name } }, { QStringLiteral("msg"), message },
        { QStringLiteral("input"), input } };
    if (!context.isEmpty())
        item.insert(QStringLiteral("ctx"), context);
    return item;
}

// pydantic's lax int from a string: surrounding whitespace, an optional sign, digits, and an
// optional fraction of zeros ("5.0").
std::optional<qint64> laxInteger(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*([+-]?\\d+)(?:\\.0*)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 value = match.captured(1).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<bool> laxBoolean(const QString &text)
{
    const QString lowered = text.trimmed().toLower();
    static const QStringList truthy { QStringLiteral("1"), QStringLiteral("on"), QStringLiteral("t"),
        QStringLiteral("true"), QStringLiteral("y"), QStringLiteral("yes") };
    static const QStringList falsy { QStringLiteral("0"), QStringLiteral("off"), QStringLiteral("f"),
        QStringLiteral("false"), QStringLiteral("n"), QStringLiteral("no") };
    if (truthy.contains(lowered))
        return true;
    if (falsy.contains(lowered))
        return false;
    return std::nullopt;
}

QString literalChoices(const QStringList &literals)
{
    QStringList quoted;
    for (const QString &literal : literals)
        quoted.append(QLatin1Char('\'') + literal + QLatin1Char('\''));
    if (quoted.size() <= 1)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace

QueryParameters QueryParameters::parse(QByteArrayView rawQuery)
{
    QueryParameters query;
    for (const QByteArrayView pair : QByteArray(rawQuery.toByteArray()).split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArrayView name = equals < 0 ? pair : pair.first(equals);
        const QByteArrayView value = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);
        query.m_values.insert(decodeComponent(name), decodeComponent(value));
    }
    return query;
}

std::optional<QString> QueryParameters::value(const QString &name) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return std::nullopt;
    return *it;
}

std::optional<QString> ValidatedQuery::text(const QString &name) const
{
    const auto it = values.constFind(name);
    if (it == values.cend())
        return std::nullopt;
    return *it;
}

QString datetimeParseError(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    auto digits = [&](int from, int count) {
        for (int i = from; i < from + count; ++i) {
            if (i >= bytes.size() || bytes[i] < '0' || bytes[i] > '9')
                return false;
        }
        return true;
    };
    if (bytes.size() < 10)
        return QStringLiteral("input is too short");
    if (!digits(0, 4))
        return QStringLiteral("invalid character in year");
    if (bytes[4] != '-')
        return QStringLiteral("invalid date separator, expected `-`");
    if (!digits(5, 2))
        return QStringLiteral("invalid character in month");
    if (bytes[7] != '-')
        return QStringLiteral("invalid date separator, expected `-`");
    if (!digits(8, 2))
        return QStringLiteral("invalid character in day");
    const int month = bytes.mid(5, 2).toInt();
    if (month < 1 || month > 12)
        return QStringLiteral("month value is outside expected range of 1-12");
    const int day = bytes.mid(8, 2).toInt();
    const int year = bytes.first(4).toInt();
    const QDate firstOfMonth(year, month, 1);
    if (day < 1 || day > firstOfMonth.daysInMonth())
        return QStringLiteral("day value is outside expected range");
    return QStringLiteral("unexpected extra characters at the end of the input");
}

ValidatedQuery validateQuery(
    const QueryParameters &query, const QList<ParameterSpec> &specs, bool compat, QJsonArray *errors)
{
    ValidatedQuery out;
    for (const ParameterSpec &spec : specs) {
        if (spec.kind == ParameterSpec::Kind::Limit)
            out.limit = spec.limitDefault;
        QString name = spec.name;
        std::optional<QString> given = query.value(spec.name);
        if (!given && compat && !spec.compatAlias.isEmpty()) {
            name = spec.compatAlias;
            given = query.value(spec.compatAlias);
        }
        if (!given)
            continue;
        const QString &text = *given;
        switch (spec.kind) {
        case ParameterSpec::Kind::Text:
            out.values.insert(spec.name, text);
            break;
        case ParameterSpec::Kind::Literal:
            if (spec.literals.contains(text)) {
                out.values.insert(spec.name, text);
            } else {
                const QString choices = literalChoices(spec.literals);
                errors->append(errorItem("literal_error", name, QStringLiteral("Input should be ") + choices, text,
                    { { QStringLiteral("expected"), choices } }));
            }
            break;
        case ParameterSpec::Kind::Timestamp:
            try {
                out.values.insert(spec.name, normalizeTimestamp(text));
            } catch (const Error &) {
                const QString reason = datetimeParseError(text);
                errors->append(errorItem("datetime_from_date_parsing", name,
                    QStringLiteral("Input should be a valid datetime or date, ") + reason, text,
                    { { QStringLiteral("error"), reason } }));
            }
            break;
        case ParameterSpec::Kind::Limit: {
            const auto value = laxInteger(text);
            if (!value) {
                errors->append(errorItem("int_parsing", name,
                    QStringLiteral("Input should be a valid integer, unable to parse string as an integer"), text));
            } else if (*value < 1) {
                errors->append(errorItem("greater_than_equal", name,
                    QStringLiteral("Input should be greater than or equal to 1"), text, { { QStringLiteral("ge"), 1 } }));
            } else if (*value > spec.limitMax) {
                errors->append(errorItem("less_than_equal", name,
                    QStringLiteral("Input should be less than or equal to %1").arg(spec.limitMax), text,
                    { { QStringLiteral("le"), spec.limitMax } }));
            } else {
                out.limit = int(*value);
            }
            break;
        }
        case ParameterSpec::Kind::Boolean:
            if (const auto value = laxBoolean(text)) {
                out.booleans.insert(spec.name, *value);
            } else {
                errors->append(errorItem("bool_parsing", name,
                    QStringLiteral("Input should be a valid boolean, unable to interpret input"), text));
            }
            break;
        }
    }
    return out;
}

std::optional<qint64> validatePathInteger(const QString &name, const QString &text, qint64 minimum, QJsonArray *errors)
{
    const auto value = laxInteger(text);
    const QString location = QStringLiteral("path");
    if (!value) {
        errors->append(errorItem("int_parsing", name,
            QStringLiteral("Input should be a valid integer, unable to parse string as an integer"), text, {}, location));
        return std::nullopt;
    }
    if (*value < minimum) {
        errors->append(errorItem("greater_than_equal", name,
            QStringLiteral("Input should be greater than or equal to %1").arg(minimum), text,
            { { QStringLiteral("ge"), double(minimum) } }, location));
        return std::nullopt;
    }
    return value;
}

QStringList unknownParameters(const QueryParameters &query, const QList<ParameterSpec> &specs, bool compat)
{
    QStringList unknown;
    for (const QString &name : query.names()) {
        const bool declared = std::any_of(specs.cbegin(), specs.cend(), [&](const ParameterSpec &spec) {
            return spec.name == name || (compat && spec.compatAlias == name);
        });
        if (!declared)
            unknown.append(name);
    }
    return unknown;
}

} // namespace dpm::serve
