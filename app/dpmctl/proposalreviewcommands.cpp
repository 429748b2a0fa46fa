// dpmctl proposals diff / check: an auditor's comparison of two versions
// (core/services/proposaldiff.h) and the integrity check (core/services/proposalintegrity.h).

#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "proposaltext.h"
#include "services/proposaldiff.h"
#include "services/proposalintegrity.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace dpm::cli {

namespace {

// A value as compact JSON (strings quoted), so "1" and 1 differ on the line as they do in the data.
QString jsonValueText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// "changed /path: before -> after", "added /path: after", "removed /path: before".
QString differenceLine(const JsonDifference &difference)
{
    QString line = toWire(difference.kind) + QLatin1Char(' ') + difference.path + QStringLiteral(": ");
    switch (difference.kind) {
    case JsonDifference::Kind::Changed:
        return line + jsonValueText(difference.before) + QStringLiteral(" -> ") + jsonValueText(difference.after);
    case JsonDifference::Kind::Added:
        return line + jsonValueText(difference.after);
    case JsonDifference::Kind::Removed:
        return line + jsonValueText(difference.before);
    }
    return line;
}

QString differenceSection(const QString &name, const QList<JsonDifference> &differences)
{
    QString out = QStringLiteral("%1: %2\n")
                      .arg(name,
                          differences.isEmpty()         ? QStringLiteral("no differences")
                              : differences.size() == 1 ? QStringLiteral("1 difference")
                                                        : QStringLiteral("%1 differences").arg(differences.size()));
    for (const JsonDifference &difference : differences)
        out += QStringLiteral("  ") + differenceLine(difference) + QLatin1Char('\n');
    return out;
}

CommandOutput diff(CommandContext &context, const ParsedCommand &command)
{
    const QString id = command.positional(0);
    const ProposalVersionDiff difference = diffProposalVersions(
        context.store().proposals(), id, parseVersionNumber(command.positional(1)), parseVersionNumber(command.positional(2)));
    CommandOutput out;
    out.json = proposalVersionDiffJson(difference);
    out.text = QStringLiteral("proposal %1: version %2 -> %3\n")
                   .arg(difference.proposalId)
                   .arg(difference.fromVersion)
                   .arg(difference.toVersion)
        + differenceSection(QStringLiteral("result"), difference.result)
        + differenceSection(QStringLiteral("artifact"), difference.artifact);
    return out;
}

// "CODE proposal [version N] [event E] [approval A]: sentence"
QString findingLine(const ProposalFinding &finding)
{
    QString line = finding.code + QLatin1Char(' ') + finding.proposalId;
    if (finding.versionNo)
        line += QStringLiteral(" version %1").arg(*finding.versionNo);
    if (finding.eventId)
        line += QStringLiteral(" event ") + *finding.eventId;
    if (finding.approvalId)
        line += QStringLiteral(" approval ") + *finding.approvalId;
    return line + QStringLiteral(": ") + finding.message;
}

CommandOutput check(CommandContext &context, const ParsedCommand &command)
{
    ProposalStore &store = context.store().proposals();
    ProposalIntegrityReport report;
    if (const QString id = command.positional(0); !id.isEmpty()) {
        report = checkProposal(store, id);
    } else {
        // Progress only for a person watching: a terminal on stderr, not a pipe or a log.
        std::function<void(qint64, qint64)> progress;
        if (!context.json() && ::isatty(::fileno(stderr))) {
            const qint64 total = store.countProposals().proposalCount;
            progress = [&context, total, lastStep = qint64(-1)](qint64 checked, qint64 findings) mutable {
                const qint64 step = total > 0 ? checked * 50 / total : 50;
                if (step == lastStep)
                    return;
                lastStep = step;
                context.progress(QStringLiteral("proposals check: %1 of %2 proposals, findings so far: %3")
                                     .arg(checked)
                                     .arg(total)
                                     .arg(findings));
            };
        }
        report = checkAllProposals(store, progress);
    }

    CommandOutput out;
    out.json = proposalIntegrityReportJson(report);
    QString text;
    for (const ProposalFinding &finding : std::as_const(report.findings))
        text += findingLine(finding) + QLatin1Char('\n');
    const qint64 count = report.findings.size();
    text += QStringLiteral("%1 checked; %2\n")
                .arg(report.proposalsChecked == 1 ? QStringLiteral("1 proposal")
                                                  : QStringLiteral("%1 proposals").arg(report.proposalsChecked),
                    count == 0       ? QStringLiteral("no findings")
                        : count == 1 ? QStringLiteral("1 finding")
                                     : QStringLiteral("%1 findings").arg(count));
    out.text = text;
    if (count > 0) {
        out.failure = [count] {
            throw Error(ErrorKind::Conflict, QStringLiteral("PROPOSAL_INTEGRITY_FINDINGS"),
                QStringLiteral("The integrity check found %1 finding(s), listed on stdout; read each one's "
                               "sentence and the proposal's history (dpmctl proposals events ID).")
                    .arg(count));
        };
        out.failureExit = CommandOutput::FailureExit { ExitFindings, QStringLiteral("findings") };
    }
    return out;
}

} // namespace

QList<CommandSpec> proposalReviewCommands()
{
    return {
        { { QStringLiteral("proposals"), QStringLiteral("diff") },
            { QStringLiteral("PROPOSAL_ID"), QStringLiteral("A"), QStringLiteral("B") }, {},
            QStringLiteral("Compare versions A and B of a proposal: one line per difference of the proposal result "
                           "and of the artifact (\"changed /path: before -> after\", \"added /path: value\", "
                           "\"removed /path: value\"; paths are JSON Pointers)."),
            diff },
        { { QStringLiteral("proposals"), QStringLiteral("check") }, { QStringLiteral("[PROPOSAL_ID]") }, {},
            QStringLiteral("Check one proposal, or every proposal, against the lifecycle rules: transitions the "
                           "state map forbids, state and version mismatches, version gaps, approvals without "
                           "their event, artifact hashes that do not match. A line per finding (CODE proposal "
                           "[version/event/approval]: sentence) and a summary; exits 10 "
                           "(PROPOSAL_INTEGRITY_FINDINGS) when there are findings, 0 when clean."),
            check },
    };
}

} // namespace dpm::cli
