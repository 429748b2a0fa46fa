#include "dispatcher.h"

namespace dpm::cli {

const QList<CommandSpec> &commandTable()
{
    static const QList<CommandSpec> table = [] {
        QList<CommandSpec> all;
        for (const auto &group :
            { migrateCommands(), runCommands(), operationCommands(), decisionCommands(), lineageCommands(),
                summaryCommands(), bundleCommands(), findCommands(), proposalCommands(), proposalReviewCommands(),
                purgeCommands(), adminCommands(), demoCommands(), transferCommands(), snapshotCommands(), eventCommands(), outboxCommands(),
                serveCommands(), storeCommands() })
            all += group;
        return all;
    }();
    return table;
}

QString usageLine(const CommandSpec &spec)
{
    QString line = QStringLiteral("dpmctl ") + spec.name();
    for (const QString &positional : spec.positionals)
        line += QLatin1Char(' ') + positional;
    for (const OptionSpec &option : spec.options) {
        line += QStringLiteral(" [--") + option.name;
        if (!option.valueName.isEmpty())
            line += QLatin1Char(' ') + option.valueName;
        line += QLatin1Char(']');
    }
    return line;
}

namespace {

const char kExitCodes[]
    = "Exit codes:\n"
      "  0  ok\n"
      "  1  internal error (a bug; please report it)\n"
      "  2  usage: unknown command or option, missing argument (USAGE_ERROR)\n"
      "  3  not found (DPM_RUN_NOT_FOUND, DPM_IDEMPOTENCY_KEY_NOT_FOUND, DPM_ASYNC_OPERATION_NOT_FOUND,\n"
      "     DPM_IDENTIFIER_NOT_FOUND, OUTBOX_DELIVERY_NOT_FOUND, PROPOSAL_NOT_FOUND, PROPOSAL_VERSION_NOT_FOUND,\n"
      "     PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND, PROPOSAL_ASYNC_OPERATION_NOT_FOUND)\n"
      "  4  conflict\n"
      "  5  invalid input (INVALID_CURSOR, INVALID_TIMESTAMP, INVALID_LIMIT, ...)\n"
      "  6  configuration (DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED, driver missing, STORE_LOCATION_INVALID)\n"
      "  7  connection (DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED, STORE_CONNECTION_LOST, ...)\n"
      "  8  migration or schema (DPM_SCHEMA_NOT_INITIALISED, DPM_SCHEMA_MISMATCH, PROPOSAL_SCHEMA_MISSING, a\n"
      "     failed migration, migrate validate not ok, CONSOLE_AUDIT_LOG_MISSING: migrate apply or purge\n"
      "     on a store without the console's audit table; apply the console migrations, or pass\n"
      "     --no-audit to go ahead without recording it; RUN_EVENTS_SCHEMA_MISSING: events or outbox on\n"
      "     a store without console/0006)\n"
      "  9  storage (a query failed; STORE_STATEMENT_TIMEOUT: the server's statement_timeout;\n"
      "     STORE_READ_ONLY, STORE_DATABASE_CORRUPT; STORE_READ_ONLY_REPLICA: a change on a PostgreSQL\n"
      "     hot standby, refused before it ran)\n"
      " 10  findings: proposals check found integrity findings (PROPOSAL_INTEGRITY_FINDINGS); the\n"
      "     findings are printed on stdout\n";

const char kGlobal[]
    = "Global options (anywhere on the line):\n"
      "  --store LOCATION  memory:, sqlite:PATH (or a *.db path), postgresql://user@host:port/db, a\n"
      "                    libpq string (\"host=... dbname=...\", \"service=name\"), or a server of the\n"
      "                    DPM API, read-only: http(s)://host:port[/prefix][?token_file=F&ca_file=CA.pem\n"
      "                    &connect_timeout=S&transfer_timeout=S] (dpmctl serve or the service itself;\n"
      "                    the bearer token comes from the file). Without it the service's\n"
      "                    variables decide (DPM_SUPPORTABILITY_STORE_BACKEND=IN_MEMORY|SQL|POSTGRES,\n"
      "                    DPM_SUPPORTABILITY_SQL_PATH / DPM_SUPPORTABILITY_SQLITE_PATH,\n"
      "                    DPM_SUPPORTABILITY_POSTGRES_DSN), else the embedded default store in the\n"
      "                    user's data folder, created and migrated on first use. Other stores are never\n"
      "                    migrated implicitly. Put passwords in ~/.pgpass or PGPASSWORD, not here.\n"
      "  --proposal-store LOCATION\n"
      "                    read and write the advisory proposals in a database of their own (the service's\n"
      "                    PROPOSAL_POSTGRES_DSN); the same forms as --store. Without it, when the store\n"
      "                    comes from the service's variables, PROPOSAL_STORE_BACKEND=POSTGRES with\n"
      "                    PROPOSAL_POSTGRES_DSN names it; else the store holds the proposals too.\n"
      "                    migrate applies the proposals namespace there; profile check and cutover check\n"
      "                    check it as the service's proposal store.\n"
      "  --json            print the result as JSON on stdout (errors as {\"error\":{code,message,kind}} on stderr)\n"
      "  --help, -h        this text, or a command's own help (dpmctl runs list --help)\n"
      "  --version         the version, the git revision it was built from, the Qt version and the SQL\n"
      "                    drivers found (with --json: also the libraries linked and their licences)\n";

} // namespace

QString generalHelp()
{
    QString out
        = QStringLiteral("dpmctl - the DPM Support Console on the command line: read the DPM supportability store\n"
                         "(runs, artifacts, idempotency, async operations, workflow decisions, lineage, summary) and\n"
                         "the advisory proposals (versions, workflow events, approvals, integrity check), run events and\n"
                         "the outbox, and administer the schema. Reads never purge or change anything.\n\n"
                         "Usage: dpmctl [--store LOCATION] [--proposal-store LOCATION] [--json] COMMAND [ARGUMENTS] [OPTIONS]\n"
                         "       dpmctl --version | --help\n\n");
    out += QString::fromLatin1(kGlobal);
    out += QStringLiteral("\nCommands:\n");
    qsizetype width = 0;
    for (const CommandSpec &spec : commandTable()) {
        QString head = spec.name();
        for (const QString &p : spec.positionals)
            head += QLatin1Char(' ') + p;
        width = std::max(width, head.size());
    }
    for (const CommandSpec &spec : commandTable()) {
        QString head = spec.name();
        for (const QString &p : spec.positionals)
            head += QLatin1Char(' ') + p;
        out += QStringLiteral("  ") + head.leftJustified(width + 2) + spec.summary + QLatin1Char('\n');
        if (!spec.options.isEmpty()) {
            QStringList options;
            for (const OptionSpec &option : spec.options)
                options << QStringLiteral("--") + option.name
                        + (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
            out += QString(width + 4, QLatin1Char(' ')) + QStringLiteral("options: ")
                + options.join(QStringLiteral(", ")) + QLatin1Char('\n');
        }
    }
    out += QStringLiteral(
        "\nListings print an aligned table ending with \"N rows; more: --cursor <c>\" or \"N rows; end\";\n"
        "with --json they print {\"items\": [...], \"next_cursor\": ...}. Timestamps accept ISO-8601 with any\n"
        "offset or a bare date and are normalised to UTC.\n\n");
    out += QString::fromLatin1(kExitCodes);
    return out;
}

QString commandHelp(const CommandSpec &spec)
{
    QString out
        = QStringLiteral("Usage: ") + usageLine(spec) + QStringLiteral("\n\n") + spec.summary + QStringLiteral("\n");
    if (!spec.options.isEmpty()) {
        out += QStringLiteral("\nOptions:\n");
        qsizetype width = 0;
        QStringList heads;
        for (const OptionSpec &option : spec.options) {
            heads << QStringLiteral("--") + option.name
                    + (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
            width = std::max(width, heads.constLast().size());
        }
        for (qsizetype i = 0; i < spec.options.size(); ++i)
            out += QStringLiteral("  ") + heads.at(i).leftJustified(width + 2) + spec.options.at(i).help
                + QLatin1Char('\n');
    }
    out += QLatin1Char('\n') + QString::fromLatin1(kGlobal) + QLatin1Char('\n') + QString::fromLatin1(kExitCodes);
    return out;
}

} // namespace dpm::cli
