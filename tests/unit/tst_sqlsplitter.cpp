#include "migrate/sqlsplitter.h"

#include <QTest>

using namespace dpm;

class TestSqlSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void split_atSemicolons_trimsEachStatement()
    {
        QCOMPARE(splitSqlStatements(QStringLiteral("  CREATE TABLE a (x TEXT);\n\nCREATE TABLE b (y TEXT) ;\n")),
            QStringList({ QStringLiteral("CREATE TABLE a (x TEXT)"), QStringLiteral("CREATE TABLE b (y TEXT)") }));
    }

    void split_semicolonInsideSingleQuotes_staysInStatement()
    {
        const QString sql = QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 1");
        QCOMPARE(splitSqlStatements(sql),
            QStringList({ QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine')"), QStringLiteral("SELECT 1") }));
    }

    void split_semicolonInsideDoubleQuotedIdentifier_staysInStatement()
    {
        const QString sql = QStringLiteral("CREATE TABLE \"odd;\"\"name\" (x TEXT); SELECT 2");
        QCOMPARE(splitSqlStatements(sql),
            QStringList({ QStringLiteral("CREATE TABLE \"odd;\"\"name\" (x TEXT)"), QStringLiteral("SELECT 2") }));
    }

    void split_dollarQuotedBodies_stayWhole()
    {
        const QString function = QStringLiteral(
            "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n    RETURN 'x;y';\nEND;\n$$");
        const QString tagged = QStringLiteral(
            "CREATE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n    RETURN $$inner;$$;\nEND;\n$body$");
        QCOMPARE(
            splitSqlStatements(function + u';' + tagged + QStringLiteral(";\n")), QStringList({ function, tagged }));
    }

    void split_positionalParameter_isNotADollarQuote()
    {
        QCOMPARE(splitSqlStatements(QStringLiteral("SELECT $1; SELECT $2")),
            QStringList({ QStringLiteral("SELECT $1"), QStringLiteral("SELECT $2") }));
    }

    void split_semicolonsInComments_areIgnored()
    {
        const QString sql = QStringLiteral("-- header; with a semicolon\n"
                                           "SELECT 1 /* inline; comment */ + 2;\n"
                                           "/* block;\n   comment; */ SELECT 3 -- trailing; comment\n;");
        QCOMPARE(splitSqlStatements(sql),
            QStringList({ QStringLiteral("SELECT 1 /* inline; comment */ + 2"),
                QStringLiteral("SELECT 3 -- trailing; comment") }));
    }

    void split_lastStatementWithoutSemicolon_isKept()
    {
        QCOMPARE(splitSqlStatements(QStringLiteral("SELECT 1;\nSELECT 2\n")),
            QStringList({ QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2") }));
    }

    void split_emptyAndCommentOnlyStatements_areDropped()
    {
        QCOMPARE(splitSqlStatements(QStringLiteral(";;\n  ;SELECT 1;; -- only a comment\n;/* and another */")),
            QStringList({ QStringLiteral("SELECT 1") }));
        QVERIFY(splitSqlStatements(QString()).isEmpty());
    }

    void split_sqliteTriggerBody_staysWhole()
    {
        const QString trigger = QStringLiteral("CREATE TRIGGER IF NOT EXISTS trg_counts AFTER UPDATE OF status ON ops\n"
                                               "WHEN old.status IS NOT new.status\n"
                                               "BEGIN\n"
                                               "    UPDATE c SET n = n - 1 WHERE k = old.status;\n"
                                               "    INSERT INTO c (k, n) VALUES (new.status, 1) -- end; not here\n"
                                               "        ON CONFLICT (k) DO UPDATE SET n = n + 1;\n"
                                               "END");
        QCOMPARE(
            splitSqlStatements(QStringLiteral("CREATE TABLE c (k TEXT);\n") + trigger + QStringLiteral(";\nSELECT 1;")),
            QStringList({ QStringLiteral("CREATE TABLE c (k TEXT)"), trigger, QStringLiteral("SELECT 1") }));
    }

    void split_caseEndInsideTriggerBody_doesNotCloseTheBody()
    {
        const QString trigger = QStringLiteral("create temp trigger t after insert on r begin\n"
                                               "  insert into c values (case when new.x then 'a;' else 'b' end, 1);\n"
                                               "  select CASE new.y WHEN 1 THEN 2 END;\n"
                                               "end");
        QCOMPARE(splitSqlStatements(trigger + QStringLiteral("; select 2")),
            QStringList({ trigger, QStringLiteral("select 2") }));
    }

    void split_wordsContainingBeginOrEnd_areNotKeywords()
    {
        // begin_at, trg_end and "begin" are names; only the BEGIN keyword opens a body.
        const QString trigger = QStringLiteral("CREATE TRIGGER trg_end AFTER DELETE ON r BEGIN\n"
                                               "  DELETE FROM \"begin\" WHERE begin_at = old.end_at;\n"
                                               "END");
        QCOMPARE(splitSqlStatements(trigger + QStringLiteral(";SELECT 3")),
            QStringList({ trigger, QStringLiteral("SELECT 3") }));
    }

    void split_transactionBeginAndEnd_areOrdinaryStatements()
    {
        QCOMPARE(splitSqlStatements(QStringLiteral("BEGIN; SELECT 1; END; CREATE TABLE begin_log (x TEXT);")),
            QStringList({ QStringLiteral("BEGIN"), QStringLiteral("SELECT 1"), QStringLiteral("END"),
                QStringLiteral("CREATE TABLE begin_log (x TEXT)") }));
    }

    void split_postgresStatementTrigger_isOneStatement()
    {
        const QString trigger = QStringLiteral("CREATE TRIGGER trg AFTER INSERT ON r REFERENCING NEW TABLE AS new_rows "
                                               "FOR EACH STATEMENT EXECUTE FUNCTION f()");
        QCOMPARE(splitSqlStatements(trigger + QStringLiteral(";\nSELECT 4;")),
            QStringList({ trigger, QStringLiteral("SELECT 4") }));
    }

    void split_postgresBeginAtomicFunction_staysWhole()
    {
        const QString function = QStringLiteral("CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql\n"
                                                "BEGIN ATOMIC\n"
                                                "    SELECT x + 1;\n"
                                                "END");
        QCOMPARE(splitSqlStatements(function + QStringLiteral(";\nSELECT f(1);")),
            QStringList({ function, QStringLiteral("SELECT f(1)") }));
    }

    void tableColumns_readsColumnsAndSkipsTableConstraints()
    {
        const QString sql = QStringLiteral("-- a comment; CREATE TABLE not_this (x TEXT);\n"
                                           "CREATE TABLE IF NOT EXISTS Versions (\n"
                                           "    proposal_id TEXT NOT NULL, -- the aggregate, (not a constraint)\n"
                                           "    Version_No INTEGER NOT NULL,\n"
                                           "    \"Quoted Name\" TEXT,\n"
                                           "    status TEXT NOT NULL CHECK (status IN ('A', 'B,C')),\n"
                                           "    PRIMARY KEY (proposal_id, version_no),\n"
                                           "    UNIQUE (status),\n"
                                           "    CONSTRAINT named CHECK (version_no > 0)\n"
                                           ");\n"
                                           "CREATE INDEX IF NOT EXISTS ix ON versions (status);\n"
                                           "create table plain(a text primary key)");
        QMap<QString, QStringList> expected;
        expected.insert(QStringLiteral("versions"),
            { QStringLiteral("proposal_id"), QStringLiteral("version_no"), QStringLiteral("Quoted Name"),
                QStringLiteral("status") });
        expected.insert(QStringLiteral("plain"), { QStringLiteral("a") });
        QCOMPARE(tableColumnsCreatedBy(sql), expected);
    }

    void schemaChanges_readsAlterTableAndDropTable()
    {
        using Kind = SchemaChange::Kind;
        const QString sql
            = QStringLiteral("CREATE TABLE t (a TEXT, b TEXT);\n"
                             "ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'x,y';\n"
                             "alter table if exists only public.T add d integer, add column if not exists \"E\" text, "
                             "add constraint ck check (d > 0), drop column if exists b, drop constraint old_ck, "
                             "add primary key (a), alter column a set not null;\n"
                             "ALTER TABLE t RENAME COLUMN c TO c2;\n"
                             "ALTER TABLE t RENAME d TO d2;\n"
                             "ALTER TABLE t RENAME TO u;\n"
                             "ALTER TABLE u DROP e;\n"
                             "CREATE INDEX ix ON u (a);\n"
                             "DROP TABLE IF EXISTS old_one, public.old_two CASCADE;\n"
                             "CREATE UNLOGGED TABLE IF NOT EXISTS w (x TEXT)");
        const QList<SchemaChange> expected {
            { Kind::CreateTable, QStringLiteral("t"), { QStringLiteral("a"), QStringLiteral("b") } },
            { Kind::AddColumn, QStringLiteral("t"), { QStringLiteral("c") } },
            { Kind::AddColumn, QStringLiteral("t"), { QStringLiteral("d") } },
            { Kind::AddColumn, QStringLiteral("t"), { QStringLiteral("E") } },
            { Kind::DropColumn, QStringLiteral("t"), { QStringLiteral("b") } },
            { Kind::RenameColumn, QStringLiteral("t"), { QStringLiteral("c"), QStringLiteral("c2") } },
            { Kind::RenameColumn, QStringLiteral("t"), { QStringLiteral("d"), QStringLiteral("d2") } },
            { Kind::RenameTable, QStringLiteral("t"), { QStringLiteral("u") } },
            { Kind::DropColumn, QStringLiteral("u"), { QStringLiteral("e") } },
            { Kind::DropTable, QStringLiteral("old_one"), {} },
            { Kind::DropTable, QStringLiteral("old_two"), {} },
            { Kind::CreateTable, QStringLiteral("w"), { QStringLiteral("x") } },
        };
        const QList<SchemaChange> changes = schemaChangesOf(sql);
        QCOMPARE(changes.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QVERIFY2(changes.at(i) == expected.at(i),
                qPrintable(QStringLiteral("change %1: %2 %3")
                               .arg(i)
                               .arg(changes.at(i).table, changes.at(i).columns.join(u','))));
        }
    }

    void tableColumns_noCreateTable_isEmpty()
    {
        QVERIFY(tableColumnsCreatedBy(QStringLiteral("CREATE INDEX ix ON t (a); SELECT 1")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSqlSplitter)
#include "tst_sqlsplitter.moc"
