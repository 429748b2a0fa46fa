#include "command.h"

#include "domain/error.h"
#include "domain/timestamp.h"
#include "output.h"
#include "services/dualwriteopening.h"
#include "services/persistenceprofile.h"
#include "services/storeopening.h"
#include "store/auditlog.h"
#include "store/storelocation.h"

#include <QFileInfo>


namespace dpm::cli {

std::optional<QString> ParsedCommand::value(const QString &option) const
{
    const auto it = values.constFind(option);
    if (it == values.cend())
        return std::nullopt;
    return *it;
}

CommandContext::CommandContext(std::optional<QString> storeArgument, bool json, QProcessEnvironment environment,
    std::optional<QString> proposalStoreArgument)
    : m_storeArgument(std::move(storeArgument))
    , m_proposalStoreArgument(std::move(proposalStoreArgument))
    , m_json(json)
    , m_environment(std::move(environment))
{ }

CommandContext::~CommandContext() = default;

const ResolvedLocation &CommandContext::location()
{
    if (!m_location)
        m_location = std::make_unique<ResolvedLocation>(
            resolveStoreLocation(m_storeArgument, m_environment, m_proposalStoreArgument));
    return *m_location;
}

QProcessEnvironment CommandContext::checkedEnvironment()
{
    const StoreLocation *proposals = location().location.proposalStore();
    return proposals ? withProposalStoreSettings(m_environment, *proposals) : m_environment;
}

SupportStore &CommandContext::store()
{
    if (m_store)
        return *m_store;
    const ResolvedLocation &resolved = location();
    if (resolved.isEmbeddedDefault) {
        m_store = openStoreWithDualWrite(resolved.location, OpenOptions { .applyMigrations = true }, m_environment);
        return *m_store;
    }
    // Opening a SQLite path creates the file; a read must not leave an empty file behind.
    for (const StoreLocation *location : { &resolved.location, resolved.location.proposalStore() }) {
        if (location && location->backend() == StoreBackend::Sqlite && !QFileInfo::exists(location->sqlitePath())) {
            throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"),
                QStringLiteral("The SQLite file %1 does not exist; check the path, or create the store "
                               "with \"dpmctl --store %2 migrate apply\".")
                    .arg(location->sqlitePath(), location->redacted()));
        }
    }
    // DUAL_WRITE_MODE: every command's writes also go to PostgreSQL (seed spec 004), and serve's.
    m_store = openStoreWithDualWrite(resolved.location, OpenOptions {}, m_environment);
    if (const QString notice = readOnlyNotice(*m_store); !notice.isEmpty())
        progress(notice);
    return *m_store;
}

std::function<bool(qint64, qint64, const QString &)> CommandContext::stepProgress(
    const QString &label, const QString &unit) const
{
    return [this, label, unit, lastStep = -1, lastPhase = QString()](
               qint64 done, qint64 total, const QString &phase) mutable {
        const int step = total > 0 ? int(done * 50 / total) : 50;
        if (!phase.isEmpty() && (step != lastStep || phase != lastPhase)) {
            progress(QStringLiteral("%1 %2 %3% (%4 of %5 %6)")
                         .arg(label, phase)
                         .arg(step * 2)
                         .arg(done)
                         .arg(total)
                         .arg(unit));
            lastStep = step;
            lastPhase = phase;
        }
        return true;
    };
}

void CommandContext::progress(const QString &line) const
{
    if (m_json)
        return;
    writeText(stderr, line);
}

int parseLimit(const std::optional<QString> &text, int maximum, int fallback)
{
    if (!text)
        return fallback;
    bool ok = false;
    const int limit = text->trimmed().toInt(&ok);
    if (!ok || limit < 1 || limit > maximum) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("--limit %1 is not a whole number from 1 to %2; pass e.g. --limit %3.")
                .arg(*text)
                .arg(maximum)
                .arg(fallback));
    }
    return limit;
}

std::optional<QString> timestampOption(const ParsedCommand &command, const QString &option)
{
    const auto text = command.value(option);
    if (!text)
        return std::nullopt;
    return normalizeTimestamp(*text);
}

QList<OptionSpec> pagingOptions(int maximum, int fallback)
{
    return { { QStringLiteral("limit"), QStringLiteral("N"),
                 QStringLiteral("rows per page, 1..%1 (default %2)").arg(maximum).arg(fallback) },
        { QStringLiteral("cursor"), QStringLiteral("C"),
            QStringLiteral("continue after a previous page's next_cursor") } };
}

OptionSpec noAuditOption()
{
    return { QStringLiteral("no-audit"), QString(),
        QStringLiteral("record nothing in the console's audit log, knowingly: for a store the service owns, where "
                       "the console's audit table must not be created (without it, a store without that table is "
                       "refused with CONSOLE_AUDIT_LOG_MISSING, exit 8)") };
}

AuditMode auditModeOf(const ParsedCommand &command)
{
    return command.flag(QStringLiteral("no-audit")) ? AuditMode::Skip : AuditMode::Required;
}

void noteNotRecorded(const CommandContext &context, const std::optional<Error> &auditError)
{
    if (auditError)
        context.progress(QStringLiteral("Not recorded in the audit log: %1").arg(redactSecrets(auditError->toString())));
}

} // namespace dpm::cli
