#include "sqlsplitter.h"

#include <QRegularExpression>

namespace dpm {

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// When a quoted text or a comment starts at pos: the index just past its end (the text's end when
// it is unterminated). Otherwise pos itself.
qsizetype skipQuotedOrComment(const QString &s, qsizetype pos, bool *isComment)
{
    *isComment = false;
    const QChar c = s.at(pos);
    const QChar next = pos + 1 < s.size() ? s.at(pos + 1) : QChar();
    qsizetype end = -1;
    if (c == u'\'' || c == u'"') {
        // A doubled quote ('' or "") reads as the end of one quoted text and the start of the
        // next, which spans exactly the same characters.
        end = s.indexOf(c, pos + 1);
        end = end < 0 ? -1 : end + 1;
    } else if (c == u'-' && next == u'-') {
        *isComment = true;
        end = s.indexOf(u'\n', pos + 2);
        end = end < 0 ? -1 : end + 1;
    } else if (c == u'/' && next == u'*') {
        *isComment = true;
        end = s.indexOf(QStringLiteral("*/"), pos + 2);
        end = end < 0 ? -1 : end + 2;
    } else if (c == u'$' && (pos == 0 || !isIdentifierChar(s.at(pos - 1)))) {
        // $$ or $tag$ with an identifier tag; "$1" is a parameter, not a quote.
        qsizetype i = pos + 1;
        if (i < s.size() && (s.at(i).isLetter() || s.at(i) == u'_')) {
            while (i < s.size() && (s.at(i).isLetterOrNumber() || s.at(i) == u'_'))
                ++i;
        }
        if (i >= s.size() || s.at(i) != u'$')
            return pos;
        const QString tag = s.mid(pos, i - pos + 1);
        end = s.indexOf(tag, i + 1);
        end = end < 0 ? -1 : end + tag.size();
    } else {
        return pos;
    }
    return end < 0 ? s.size() : end;
}

// The first identifier of a column or constraint definition, lower-cased unless quoted.
QString leadingIdentifier(const QString &definition)
{
    static const QRegularExpression identifier(QStringLiteral(R"re(^\s*(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)))re"));
    const QRegularExpressionMatch m = identifier.match(definition);
    if (!m.hasMatch())
        return {};
    if (m.capturedLength(1) > 0)
        return m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return m.captured(2).toLower();
}

// The comma-separated definitions between the parentheses that open at bodyStart, with
// comments removed.
QStringList topLevelDefinitions(const QString &statement, qsizetype bodyStart)
{
    QStringList definitions;
    QString current;
    int depth = 0;
    qsizetype pos = bodyStart;
    while (pos < statement.size()) {
        bool comment = false;
        const qsizetype skipped = skipQuotedOrComment(statement, pos, &comment);
        if (skipped != pos) {
            current += comment ? QStringLiteral(" ") : statement.mid(pos, skipped - pos);
            pos = skipped;
            continue;
        }
        const QChar c = statement.at(pos++);
        if (c == u'(') {
            ++depth;
        } else if (c == u')' && depth-- == 0) {
            break;
        } else if (c == u',' && depth == 0) {
            definitions << current;
            current.clear();
            continue;
        }
        current += c;
    }
    definitions << current;
    return definitions;
}

// Whether a statement that starts with these words (lower-cased) may have a BEGIN … END body:
// CREATE [OR REPLACE] [TEMP|TEMPORARY] TRIGGER | FUNCTION | PROCEDURE.
bool mayHaveBody(const QStringList &leadingWords)
{
    if (leadingWords.value(0) != QLatin1String("create"))
        return false;
    static const QStringList modifiers { QStringLiteral("or"), QStringLiteral("replace"), QStringLiteral("temp"),
        QStringLiteral("temporary") };
    static const QStringList kinds { QStringLiteral("trigger"), QStringLiteral("function"),
        QStringLiteral("procedure") };
    for (qsizetype i = 1; i < leadingWords.size(); ++i) {
        if (!modifiers.contains(leadingWords.at(i)))
            return kinds.contains(leadingWords.at(i));
    }
    return false;
}

} // namespace

QStringList splitSqlStatements(const QString &sql)
{
    QStringList statements;
    qsizetype start = -1; // first significant character of the statement being read
    QStringList leadingWords; // the statement's first words, lower-cased
    int bodyDepth = 0; // open BEGIN / CASE blocks of a trigger or function body
    auto finish = [&](qsizetype end) {
        if (start >= 0)
            statements << sql.mid(start, end - start).trimmed();
        start = -1;
        leadingWords.clear();
        bodyDepth = 0;
    };
    qsizetype pos = 0;
    while (pos < sql.size()) {
        bool comment = false;
        const qsizetype skipped = skipQuotedOrComment(sql, pos, &comment);
        if (skipped != pos) {
            if (!comment && start < 0)
                start = pos;
            pos = skipped;
            continue;
        }
        const QChar c = sql.at(pos);
        if ((c.isLetter() || c == u'_') && (pos == 0 || !isIdentifierChar(sql.at(pos - 1)))) {
            qsizetype end = pos + 1;
            while (end < sql.size() && isIdentifierChar(sql.at(end)))
                ++end;
            const QString word = sql.mid(pos, end - pos).toLower();
            if (start < 0)
                start = pos;
            if (leadingWords.size() < 6)
                leadingWords << word;
            if (word == QLatin1String("begin") && mayHaveBody(leadingWords))
                ++bodyDepth;
            else if (word == QLatin1String("case") && bodyDepth > 0)
                ++bodyDepth;
            else if (word == QLatin1String("end") && bodyDepth > 0)
                --bodyDepth;
            pos = end;
            continue;
        }
        if (c == u';' && bodyDepth == 0)
            finish(pos);
        else if (start < 0 && !c.isSpace() && c != u';')
            start = pos;
        ++pos;
    }
    finish(sql.size());
    return statements;
}

QMap<QString, QStringList> tableColumnsCreatedBy(const QString &sql)
{
    static const QRegularExpression createTable(
        QStringLiteral(
            R"re(^CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[A-Za-z_]\w*\.)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*\()re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList constraintKeywords { QStringLiteral("constraint"), QStringLiteral("primary"),
        QStringLiteral("unique"), QStringLiteral("check"), QStringLiteral("foreign"), QStringLiteral("exclude") };
    QMap<QString, QStringList> tables;
    for (const QString &statement : splitSqlStatements(sql)) {
        const QRegularExpressionMatch m = createTable.match(statement);
        if (!m.hasMatch())
            continue;
        QStringList columns;
        for (const QString &definition : topLevelDefinitions(statement, m.capturedEnd())) {
            const QString name = leadingIdentifier(definition);
            const bool quoted = definition.trimmed().startsWith(u'"');
            if (!name.isEmpty() && (quoted || !constraintKeywords.contains(name)))
                columns << name;
        }
        tables.insert(leadingIdentifier(m.captured(1)), columns);
    }
    return tables;
}

} // namespace dpm
