// The installed documentation stays in step with the programs: every command and option that
// "dpmctl --help" lists is in dpmctl(1) (each command under its own heading, with its options)
// and completes in the bash completion, which offers nothing else; every option of
// "dpm-console --help" is in dpm-console(1).
#include "clisupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm::test;

namespace {

struct HelpCommand
{
    QString name; // "runs list"
    QStringList options; // "--status", …
};

struct DpmctlHelp
{
    QStringList globalOptions;
    QList<HelpCommand> commands;
};

DpmctlHelp parseDpmctlHelp(const QString &help)
{
    DpmctlHelp out;
    const QStringList lines = help.split(QLatin1Char('\n'));
    enum { None, Global, Commands } section = None;
    static const QRegularExpression globalOption(QStringLiteral("^  (--[a-z-]+)(?:, (-[a-z]))?"));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Global options"))) {
            section = Global;
        } else if (line == QLatin1String("Commands:")) {
            section = Commands;
        } else if (line.trimmed().isEmpty()) {
            section = None;
        } else if (section == Global) {
            if (const auto m = globalOption.match(line); m.hasMatch())
                out.globalOptions << m.captured(1);
        } else if (section == Commands && !line.startsWith(QLatin1String("    "))) {
            QStringList words;
            for (const QString &token : line.trimmed()
                                            .split(QRegularExpression(QStringLiteral("\\s{2,}")))
                                            .constFirst()
                                            .split(QLatin1Char(' '))) {
                if (token != token.toUpper())
                    words << token;
            }
            out.commands << HelpCommand { words.join(QLatin1Char(' ')), {} };
        } else if (section == Commands) {
            const QString options = line.trimmed().mid(QStringLiteral("options: ").size());
            for (const QString &option : options.split(QStringLiteral(", ")))
                out.commands.last().options << option.section(QLatin1Char(' '), 0, 0);
        }
    }
    return out;
}

QString run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString dpmctlHelp()
{
    QTemporaryDir sandbox;
    return run(QStringLiteral(DPMCTL_PATH), { QStringLiteral("--help") }, sandboxEnvironment(sandbox.path()));
}

// The man page's text with groff's escapes for "-" and the font changes taken out.
QString manText(const QString &file)
{
    QFile page(QStringLiteral(DPM_SOURCE_DIR "/installer/") + file);
    if (!page.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(page.readAll());
    text.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    text.remove(QRegularExpression(QStringLiteral("\\\\f[BIRP]")));
    return text;
}

// What the completion offers after `words` (the last one is the word being completed).
QStringList complete(const QStringList &words)
{
    QString script = QStringLiteral("source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                                    "_dpmctl; printf '%s\\n' \"${COMPREPLY[@]}\"");
    const QString out = run(QStringLiteral("bash"),
        QStringList { QStringLiteral("-c"), script, QStringLiteral("bash"),
            QStringLiteral(DPM_SOURCE_DIR "/installer/dpmctl.bash-completion") }
            + words);
    QStringList items = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    items.sort();
    return items;
}

QStringList sorted(QStringList list)
{
    list.removeDuplicates();
    list.sort();
    return list;
}

} // namespace

class TestCliDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dpmctlHelp_isParsed()
    {
        const DpmctlHelp help = parseDpmctlHelp(dpmctlHelp());
        QVERIFY2(help.commands.size() > 20, "dpmctl --help lists fewer commands than expected");
        QVERIFY(help.globalOptions.contains(QStringLiteral("--store")));
        QVERIFY(help.globalOptions.contains(QStringLiteral("--version")));
    }

    void manPage_hasEveryCommandWithItsOptions()
    {
        const DpmctlHelp help = parseDpmctlHelp(dpmctlHelp());
        const QString man = manText(QStringLiteral("dpmctl.1"));
        QVERIFY2(!man.isEmpty(), "installer/dpmctl.1 is missing");
        QHash<QString, QString> sections; // .SS "name" -> its text
        QStringList headings;
        for (const QString &part : man.split(QStringLiteral("\n.SS \""))) {
            const QString heading = part.section(QLatin1Char('"'), 0, 0);
            headings << heading;
            sections.insert(heading, part.section(QLatin1Char('\n'), 1).section(QStringLiteral("\n.SH "), 0, 0));
        }
        headings.removeFirst(); // the text before the first command
        QStringList helpNames;
        for (const HelpCommand &command : help.commands) {
            helpNames << command.name;
            QVERIFY2(sections.contains(command.name),
                qPrintable(QStringLiteral("dpmctl.1 has no .SS \"%1\"").arg(command.name)));
            for (const QString &option : command.options) {
                QVERIFY2(sections.value(command.name).contains(option),
                    qPrintable(QStringLiteral("dpmctl.1: %1 does not mention %2").arg(command.name, option)));
            }
        }
        QCOMPARE(sorted(headings), sorted(helpNames)); // and no command that dpmctl does not have
        const QString global
            = man.section(QStringLiteral(".SH GLOBAL OPTIONS"), 1).section(QStringLiteral("\n.SH "), 0, 0);
        for (const QString &option : help.globalOptions)
            QVERIFY2(
                global.contains(option), qPrintable(QStringLiteral("dpmctl.1 GLOBAL OPTIONS lacks %1").arg(option)));
    }

    void consoleManPage_hasEveryOption()
    {
        const QString help = run(QStringLiteral(DPM_CONSOLE_PATH), { QStringLiteral("--help") });
        QVERIFY2(!help.isEmpty(), "dpm-console --help failed");
        const QString man = manText(QStringLiteral("dpm-console.1"));
        const QString options = man.section(QStringLiteral(".SH OPTIONS"), 1).section(QStringLiteral("\n.SH "), 0, 0);
        QVERIFY2(!options.isEmpty(), "dpm-console.1 has no OPTIONS section");
        static const QRegularExpression option(QStringLiteral("(?:^|[ ,])(--?[a-z][a-z-]*)"));
        int found = 0;
        for (const QString &line : help.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("  -")))
                continue;
            auto it = option.globalMatch(line.trimmed().section(QStringLiteral("  "), 0, 0));
            while (it.hasNext()) {
                const QString name = it.next().captured(1);
                ++found;
                QVERIFY2(
                    options.contains(name), qPrintable(QStringLiteral("dpm-console.1 OPTIONS lacks %1").arg(name)));
            }
        }
        QVERIFY(found >= 8);
    }

    void bashCompletion_offersExactlyTheCommandsAndOptions()
    {
        const DpmctlHelp help = parseDpmctlHelp(dpmctlHelp());
        QHash<QString, QStringList> nextWords; // typed prefix -> the words that may follow
        for (const HelpCommand &command : help.commands) {
            const QStringList words = command.name.split(QLatin1Char(' '));
            for (int n = 0; n < words.size(); ++n)
                nextWords[words.mid(0, n).join(QLatin1Char(' '))] << words.at(n);
            QStringList typed = QStringList { QStringLiteral("dpmctl") } + words;
            QCOMPARE(complete(typed + QStringList { QStringLiteral("--") }),
                sorted(command.options + help.globalOptions.filter(QRegularExpression(QStringLiteral("^--")))));
        }
        for (auto it = nextWords.cbegin(); it != nextWords.cend(); ++it) {
            QStringList typed { QStringLiteral("dpmctl") };
            if (!it.key().isEmpty())
                typed += it.key().split(QLatin1Char(' '));
            QCOMPARE(complete(typed + QStringList { QString() }), sorted(it.value()));
        }
        // Global options and positionals before the option being completed do not confuse it.
        QCOMPARE(
            complete({ QStringLiteral("dpmctl"), QStringLiteral("--store"), QStringLiteral("x.db"),
                QStringLiteral("lineage"), QStringLiteral("graph"), QStringLiteral("rr_1"), QStringLiteral("--d") }),
            QStringList({ QStringLiteral("--depth"), QStringLiteral("--down") }));
    }

    // A server of the DPM API is a store location too (issue 16): the help, both man pages and
    // the completion of --store say so.
    void storeLocations_includeServers()
    {
        QVERIFY(dpmctlHelp().contains(QLatin1String("http(s)://host:port[/prefix]")));
        QVERIFY(manText(QStringLiteral("dpmctl.1")).contains(QLatin1String("https://host:port[/prefix]")));
        QVERIFY(manText(QStringLiteral("dpm-console.1")).contains(QLatin1String("http(s)://host:port")));
        QCOMPARE(complete({ QStringLiteral("dpmctl"), QStringLiteral("--store"), QStringLiteral("ht") }),
            QStringList({ QStringLiteral("http://"), QStringLiteral("https://") }));
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "tst_cli_docs.moc"
