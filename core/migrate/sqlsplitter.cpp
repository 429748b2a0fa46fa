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

QList<SchemaChange> schemaChangesOf(const QString &sql)
{
    // An identifier, optionally schema-qualified (the schema is dropped: both databases look a
    // table up in the current schema).
    static const QString name
        = QStringLiteral(R"re((?:(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)\.)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*))re");
    static const QString word = QStringLiteral(R"re(("(?:[^"]|"")+"|[A-Za-z_][\w$]*))re");
    static const auto pattern
        = [](const QString &text) { return QRegularExpression(text, QRegularExpression::CaseInsensitiveOption); };
    static const QRegularExpression createTable
        = pattern(QStringLiteral(R"re(^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)re") + name
            + QStringLiteral(R"re(\s*\()re"));
    static const QRegularExpression alterTable
        = pattern(QStringLiteral(R"re(^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?)re") + name
            + QStringLiteral(R"re(\s*\*?)re"));
    static const QRegularExpression dropTable = pattern(QStringLiteral(R"re(^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?)re"));
    static const QRegularExpression addColumn
        = pattern(QStringLiteral(R"re(^\s*ADD\s+(COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?)re") + word);
    static const QRegularExpression dropColumn
        = pattern(QStringLiteral(R"re(^\s*DROP\s+(COLUMN\s+)?(?:IF\s+EXISTS\s+)?)re") + word);
    static const QRegularExpression renameColumn
        = pattern(QStringLiteral(R"re(^\s*RENAME\s+(COLUMN\s+)?)re") + word + QStringLiteral(R"re(\s+TO\s+)re") + word);
    static const QRegularExpression renameTable = pattern(QStringLiteral(R"re(^\s*RENAME\s+TO\s+)re") + name);
    static const QStringList constraintKeywords { QStringLiteral("constraint"), QStringLiteral("primary"),
        QStringLiteral("unique"), QStringLiteral("check"), QStringLiteral("foreign"), QStringLiteral("exclude") };
    // Without the COLUMN keyword, ADD/DROP/RENAME CONSTRAINT … and ADD PRIMARY KEY … are no column.
    const auto isColumn = [](const QRegularExpressionMatch &m, const QString &captured) {
        return m.capturedLength(1) > 0 || captured.startsWith(u'"') || !constraintKeywords.contains(captured.toLower());
    };
    using Kind = SchemaChange::Kind;
    QList<SchemaChange> changes;
    for (const QString &statement : splitSqlStatements(sql)) {
        if (const QRegularExpressionMatch m = createTable.match(statement); m.hasMatch()) {
            QStringList columns;
            for (const QString &definition : topLevelDefinitions(statement, m.capturedEnd())) {
                const QString column = leadingIdentifier(definition);
                const bool quoted = definition.trimmed().startsWith(u'"');
                if (!column.isEmpty() && (quoted || !constraintKeywords.contains(column)))
                    columns << column;
            }
            changes << SchemaChange { Kind::CreateTable, leadingIdentifier(m.captured(1)), columns };
        } else if (const QRegularExpressionMatch m = alterTable.match(statement); m.hasMatch()) {
            const QString table = leadingIdentifier(m.captured(1));
            for (const QString &action : topLevelDefinitions(statement, m.capturedEnd())) {
                if (const auto a = addColumn.match(action); a.hasMatch() && isColumn(a, a.captured(2))) {
                    changes << SchemaChange { Kind::AddColumn, table, { leadingIdentifier(a.captured(2)) } };
                } else if (const auto d = dropColumn.match(action); d.hasMatch() && isColumn(d, d.captured(2))) {
                    changes << SchemaChange { Kind::DropColumn, table, { leadingIdentifier(d.captured(2)) } };
                } else if (const auto t = renameTable.match(action); t.hasMatch()) {
                    changes << SchemaChange { Kind::RenameTable, table, { leadingIdentifier(t.captured(1)) } };
                } else if (const auto r = renameColumn.match(action); r.hasMatch() && isColumn(r, r.captured(2))) {
                    changes << SchemaChange { Kind::RenameColumn, table,
                        { leadingIdentifier(r.captured(2)), leadingIdentifier(r.captured(3)) } };
                }
            }
        } else if (const QRegularExpressionMatch m = dropTable.match(statement); m.hasMatch()) {
            for (const QString &listed : topLevelDefinitions(statement, m.capturedEnd())) {
                static const QRegularExpression qualified(QStringLiteral("^\\s*") + name);
                if (const auto t = qualified.match(listed); t.hasMatch())
                    changes << SchemaChange { Kind::DropTable, leadingIdentifier(t.captured(1)), {} };
            }
        }
    }
    return changes;
}

QMap<QString, QStringList> tableColumnsCreatedBy(const QString &sql)
{
    QMap<QString, QStringList> tables;
    for (const SchemaChange &change : schemaChangesOf(sql)) {
        if (change.kind == SchemaChange::Kind::CreateTable)
            tables.insert(change.table, change.columns);
    }
    return tables;
}

} // namespace dpm
