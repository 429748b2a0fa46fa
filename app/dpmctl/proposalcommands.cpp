// dpmctl proposals …: the advisory proposal reads of the service's API (http-api.md §5), with
// its payload shapes and not-found codes (core/domain/proposalapijson.h,
// core/services/proposalreads.h).

#include "command.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/proposalapijson.h"
#include "domain/proposalvocabulary.h"
#include "output.h"
#include "proposaltext.h"
#include "services/proposalreads.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm::cli {

namespace {

// The service's proposal listing: 1..100 rows, 20 by default.
constexpr int kMaxProposalLimit = 100;
constexpr int kDefaultProposalLimit = 20;

const QStringList kProposalListColumns { QStringLiteral("proposal_id"), QStringLiteral("current_state"),
    QStringLiteral("current_version_no"), QStringLiteral("created_at"), QStringLiteral("last_event_at"),
    QStringLiteral("portfolio_id"), QStringLiteral("created_by"), QStringLiteral("title") };

const QStringList kEventColumns { QStringLiteral("occurred_at"), QStringLiteral("event_type"),
    QStringLiteral("from_state"), QStringLiteral("to_state"), QStringLiteral("actor_id"),
    QStringLiteral("related_version_no"), QStringLiteral("event_id"), QStringLiteral("reason") };

const QStringList kApprovalColumns { QStringLiteral("occurred_at"), QStringLiteral("approval_type"),
    QStringLiteral("approved"), QStringLiteral("actor_id"), QStringLiteral("related_version_no"),
    QStringLiteral("approval_id"), QStringLiteral("details") };

const QStringList kLineageColumns { QStringLiteral("version_no"), QStringLiteral("created_at"),
    QStringLiteral("status_at_creation"), QStringLiteral("proposal_version_id"), QStringLiteral("artifact_hash"),
    QStringLiteral("request_hash"), QStringLiteral("simulation_hash") };

const QStringList kIdempotencyKeys { QStringLiteral("idempotency_key"), QStringLiteral("request_hash"),
    QStringLiteral("proposal_id"), QStringLiteral("proposal_version_no"), QStringLiteral("created_at") };

const QStringList kOperationKeys { QStringLiteral("operation_id"), QStringLiteral("operation_type"),
    QStringLiteral("status"), QStringLiteral("correlation_id"), QStringLiteral("idempotency_key"),
    QStringLiteral("proposal_id"), QStringLiteral("created_by"), QStringLiteral("created_at"),
    QStringLiteral("started_at"), QStringLiteral("finished_at"), QStringLiteral("error"),
    QStringLiteral("error_json_error"), QStringLiteral("result_json_error"), QStringLiteral("result") };

std::optional<QString> stateOption(const ParsedCommand &command)
{
    const auto state = command.value(QStringLiteral("state"));
    if (state && !proposalStateWireValues().contains(*state)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_PROPOSAL_STATE"),
            QStringLiteral("--state %1 is not a proposal state; use one of %2.")
                .arg(*state, proposalStateWireValues().join(QStringLiteral(", "))));
    }
    return state;
}

CommandOutput listProposals(CommandContext &context, const ParsedCommand &command)
{
    ProposalFilter filter;
    filter.portfolioId = command.value(QStringLiteral("portfolio"));
    filter.state = stateOption(command);
    filter.createdBy = command.value(QStringLiteral("created-by"));
    filter.createdFrom = timestampOption(command, QStringLiteral("from"));
    filter.createdTo = timestampOption(command, QStringLiteral("to"));
    PageRequest page;
    page.limit = parseLimit(command.value(QStringLiteral("limit")), kMaxProposalLimit, kDefaultProposalLimit);
    page.cursor = command.value(QStringLiteral("cursor"));

    CommandOutput out;
    out.json = listingJson(context.store().proposals().listProposals(filter, page), proposalSummaryJson);
    out.text = formatListing(out.json, kProposalListColumns);
    return out;
}

CommandOutput getProposal(CommandContext &context, const ParsedCommand &command)
{
    ProposalStore &store = context.store().proposals();
    const QString id = command.positional(0);
    const bool includeEvidence = !command.flag(QStringLiteral("no-evidence"));
    const ProposalRecord proposal = requireProposal(store, id);
    const ProposalVersion current = requireCurrentVersion(store, id);

    CommandOutput out;
    out.json = proposalDetailJson(proposal, current, includeEvidence);
    out.text = formatRecord(out.json.value(QStringLiteral("proposal")).toObject(), proposalSummaryKeys())
        + QStringLiteral("\ncurrent_version:\n")
        + formatProposalVersion(current, out.json.value(QStringLiteral("current_version")).toObject());
    return out;
}

CommandOutput getVersion(CommandContext &context, const ParsedCommand &command)
{
    const qint64 number = parseVersionNumber(command.positional(1));
    const ProposalVersion version = requireVersion(context.store().proposals(), command.positional(0), number);
    CommandOutput out;
    out.json = proposalVersionJson(version, !command.flag(QStringLiteral("no-evidence")));
    out.text = formatProposalVersion(version, out.json);
    return out;
}

CommandOutput listEvents(CommandContext &context, const ParsedCommand &command)
{
    ProposalStore &store = context.store().proposals();
    const ProposalRecord proposal = requireProposal(store, command.positional(0));
    CommandOutput out;
    out.json = proposalTimelineJson(proposal, store.listEvents(proposal.proposalId));
    out.text = formatRecord(out.json, { QStringLiteral("proposal_id"), QStringLiteral("current_state") })
        + formatTable(out.json.value(QStringLiteral("events")).toArray(), kEventColumns);
    return out;
}

CommandOutput listApprovals(CommandContext &context, const ParsedCommand &command)
{
    ProposalStore &store = context.store().proposals();
    const ProposalRecord proposal = requireProposal(store, command.positional(0));
    CommandOutput out;
    out.json = proposalApprovalsJson(proposal.proposalId, store.listApprovals(proposal.proposalId));
    out.text = formatRecord(out.json, { QStringLiteral("proposal_id") })
        + formatTable(out.json.value(QStringLiteral("approvals")).toArray(), kApprovalColumns);
    return out;
}

CommandOutput lineage(CommandContext &context, const ParsedCommand &command)
{
    ProposalStore &store = context.store().proposals();
    const ProposalRecord proposal = requireProposal(store, command.positional(0));
    CommandOutput out;
    out.json = proposalLineageJson(proposal, store.listVersions(proposal.proposalId));
    out.text = formatRecord(out.json.value(QStringLiteral("proposal")).toObject(), proposalSummaryKeys())
        + QStringLiteral("\nversions:\n")
        + formatTable(out.json.value(QStringLiteral("versions")).toArray(), kLineageColumns);
    return out;
}

CommandOutput byIdempotency(CommandContext &context, const ParsedCommand &command)
{
    CommandOutput out;
    out.json = proposalIdempotencyJson(requireProposalIdempotency(context.store().proposals(), command.positional(0)));
    out.text = formatRecord(out.json, kIdempotencyKeys);
    return out;
}

CommandOutput operationOutput(const ProposalAsyncOperation &operation)
{
    CommandOutput out;
    out.json = proposalOperationJson(operation);
    out.text = formatRecord(out.json, kOperationKeys);
    return out;
}

CommandOutput getOperation(CommandContext &context, const ParsedCommand &command)
{
    return operationOutput(requireProposalOperation(context.store().proposals(), command.positional(0)));
}

CommandOutput operationByCorrelation(CommandContext &context, const ParsedCommand &command)
{
    return operationOutput(requireProposalOperationByCorrelation(context.store().proposals(), command.positional(0)));
}

CommandSpec proposalCommand(const QStringList &words, const QStringList &positionals, const QList<OptionSpec> &options,
    const QString &summary, std::function<CommandOutput(CommandContext &, const ParsedCommand &)> run)
{
    return { QStringList { QStringLiteral("proposals") } + words, positionals, options, summary, std::move(run) };
}

} // namespace

QList<CommandSpec> proposalCommands()
{
    QList<OptionSpec> listOptions { { QStringLiteral("portfolio"), QStringLiteral("P"),
                                        QStringLiteral("exact portfolio id") },
        { QStringLiteral("state"), QStringLiteral("S"),
            QStringLiteral("current state: %1").arg(proposalStateWireValues().join(QStringLiteral(", "))) },
        { QStringLiteral("created-by"), QStringLiteral("A"), QStringLiteral("exact creator (actor id)") },
        { QStringLiteral("from"), QStringLiteral("T"), QStringLiteral("created at or after T (inclusive)") },
        { QStringLiteral("to"), QStringLiteral("T"), QStringLiteral("created at or before T (inclusive)") } };
    listOptions += pagingOptions(kMaxProposalLimit, kDefaultProposalLimit);
    const OptionSpec noEvidence { QStringLiteral("no-evidence"), QString(),
        QStringLiteral("evidence_bundle as {} (the service's include_evidence=false)") };
    const QString id = QStringLiteral("PROPOSAL_ID");

    return {
        proposalCommand({ QStringLiteral("list") }, {}, listOptions,
            QStringLiteral("List advisory proposals, newest first (created_at DESC, proposal_id DESC); a bare "
                           "proposal id as --cursor continues after that proposal, as the service's cursor."),
            listProposals),
        proposalCommand({ QStringLiteral("get") }, { id }, { noEvidence },
            QStringLiteral("Show a proposal with its current version and last gate decision (PROPOSAL_NOT_FOUND; "
                           "PROPOSAL_VERSION_NOT_FOUND when it has no version)."),
            getProposal),
        proposalCommand({ QStringLiteral("version") }, { id, QStringLiteral("N") }, { noEvidence },
            QStringLiteral("Show version N of a proposal, checking its artifact hash (PROPOSAL_VERSION_NOT_FOUND)."),
            getVersion),
        proposalCommand({ QStringLiteral("events") }, { id }, {},
            QStringLiteral("Show a proposal's workflow events, oldest first."), listEvents),
        proposalCommand({ QStringLiteral("approvals") }, { id }, {},
            QStringLiteral("Show a proposal's approvals (risk, compliance, client consent), oldest first."),
            listApprovals),
        proposalCommand({ QStringLiteral("lineage") }, { id }, {},
            QStringLiteral("Show a proposal and its versions 1..current with their hashes."), lineage),
        proposalCommand({ QStringLiteral("by-idempotency") }, { QStringLiteral("KEY") }, {},
            QStringLiteral("Show what a proposal idempotency key created (PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND)."),
            byIdempotency),
        proposalCommand({ QStringLiteral("operations"), QStringLiteral("get") }, { QStringLiteral("OPERATION_ID") }, {},
            QStringLiteral("Show a proposal async operation (PROPOSAL_ASYNC_OPERATION_NOT_FOUND)."), getOperation),
        proposalCommand({ QStringLiteral("operations"), QStringLiteral("by-correlation") },
            { QStringLiteral("CORRELATION_ID") }, {},
            QStringLiteral("Show the proposal async operation of a correlation id."), operationByCorrelation),
    };
}

} // namespace dpm::cli
