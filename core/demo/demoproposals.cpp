#include "demo/demoproposals.h"

#include "demo/demorandom.h"
#include "demo/demotime.h"
#include "domain/canonicaljson.h"
#include "domain/proposalapijson.h"
#include "domain/timestamp.h"
#include "store/proposalstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace dpm {

namespace {

using demotime::kDay;
using demotime::kHour;
using demotime::kMinute;
constexpr int kFaultEvery = 61;

// Keys of the id permutations, one per id kind, derived from the seed.
quint64 idKey(quint64 seed, quint64 kind)
{
    return mix64(seed * 0x9e3779b97f4a7c15ULL + kind * 0x5851f42d4c957f2dULL + 0x70726f706f73616cULL);
}

QString hexId(const char *prefix, quint64 seed, quint64 kind, quint64 counter)
{
    QByteArray out(prefix);
    appendHex(out, permute48(counter & 0xffffffffffffULL, idKey(seed, kind)), 12);
    return QString::fromLatin1(out);
}

QString text(const QJsonValue &value)
{
    return QString::fromUtf8(canonicalJson(value));
}

QString money(qint64 cents)
{
    const QString sign = cents < 0 ? QStringLiteral("-") : QString();
    cents = cents < 0 ? -cents : cents;
    return sign + QString::number(cents / 100) + QLatin1Char('.') + QStringLiteral("%1").arg(cents % 100, 2, 10, QLatin1Char('0'));
}

QJsonObject amount(qint64 cents, const QString &currency)
{
    return { { QStringLiteral("amount"), money(cents) }, { QStringLiteral("currency"), currency } };
}

enum class Step { SubmitRisk, SubmitCompliance, Approve, Reject, ConsentYes, ConsentNo, Execute, Expire, Cancel };

// The legal paths of §4.2 the demo walks, weighted (a path is the steps after CREATED and the
// new versions; Approve/Reject apply to the review the path is in).
struct Path
{
    int weight;
    std::array<Step, 4> steps;
    int length;
};

const std::array<Path, 14> kPaths { {
    { 8, {}, 0 }, // stays in DRAFT
    { 6, { Step::SubmitRisk }, 1 },
    { 5, { Step::SubmitCompliance }, 1 },
    { 6, { Step::SubmitRisk, Step::Approve }, 2 },
    { 4, { Step::SubmitCompliance, Step::Approve }, 2 },
    { 6, { Step::SubmitRisk, Step::Approve, Step::ConsentYes }, 3 },
    { 12, { Step::SubmitRisk, Step::Approve, Step::ConsentYes, Step::Execute }, 4 },
    { 6, { Step::SubmitCompliance, Step::Approve, Step::ConsentYes, Step::Execute }, 4 },
    { 6, { Step::SubmitRisk, Step::Reject }, 2 },
    { 5, { Step::SubmitCompliance, Step::Reject }, 2 },
    { 5, { Step::SubmitRisk, Step::Approve, Step::ConsentNo }, 3 },
    { 4, { Step::SubmitRisk, Step::Approve, Step::ConsentYes, Step::Expire }, 4 },
    { 5, { Step::Cancel }, 1 },
    { 5, { Step::SubmitCompliance, Step::Approve, Step::Cancel }, 3 },
} };

const QStringList kStatuses { QStringLiteral("READY"), QStringLiteral("PENDING_REVIEW"), QStringLiteral("BLOCKED") };

struct Context
{
    const DemoProposalOptions &options;
    qint64 index;
    DemoRandom rng;
    QString portfolioId;
    QString currency;
    QString advisor;
    DemoProposal out;
    qint64 at = 0;
    // Each step after creation moves the clock by stepFloor plus up to stepSpread.
    qint64 stepFloor = 20 * kMinute;
    qint64 stepSpread = kMinute;

    QString id(const char *prefix, quint64 kind, quint64 counter) const { return hexId(prefix, options.seed, kind, counter); }
    QString stamp() const { return formatTimestampMicros(at); }
    void advance() { at += stepFloor + qint64(rng.below(quint64(stepSpread))); }

    // Fits the `steps` steps after creation into the time left before the span's end: a proposal
    // created near the end is reviewed faster rather than never, so approvals per day follow the
    // proposals' creation spread to the last day.
    void planSteps(int steps, qint64 stepMax)
    {
        const qint64 room = (options.toMicros - at) / (steps + 1);
        stepFloor = std::clamp<qint64>(room / 3, 1, 20 * kMinute);
        stepSpread = std::max<qint64>(std::min<qint64>(stepMax, room - stepFloor), 1);
    }
};

QJsonObject gateDecision(Context &c, const QString &status, bool compliance)
{
    QString gate = QStringLiteral("EXECUTION_READY");
    QString next = QStringLiteral("EXECUTE");
    QJsonArray reasons;
    int hard = 0;
    int soft = 0;
    if (status == QLatin1String("BLOCKED")) {
        gate = QStringLiteral("BLOCKED");
        next = QStringLiteral("FIX_INPUT");
        hard = 1;
        reasons.append(QJsonObject { { QStringLiteral("reason_code"), QStringLiteral("MISSING_DATA") },
            { QStringLiteral("severity"), QStringLiteral("HIGH") }, { QStringLiteral("source"), QStringLiteral("DATA_QUALITY") },
            { QStringLiteral("details"), QJsonObject { { QStringLiteral("price_missing"), QJsonArray { QStringLiteral("EQ_HK_7") } } } } });
    } else if (status == QLatin1String("PENDING_REVIEW")) {
        gate = compliance ? QStringLiteral("COMPLIANCE_REVIEW_REQUIRED") : QStringLiteral("RISK_REVIEW_REQUIRED");
        next = compliance ? QStringLiteral("COMPLIANCE_REVIEW") : QStringLiteral("RISK_REVIEW");
        soft = 1 + int(c.rng.below(2));
        reasons.append(QJsonObject { { QStringLiteral("reason_code"),
                                         compliance ? QStringLiteral("NEW_HIGH_SUITABILITY_ISSUE") : QStringLiteral("THRESHOLD_BREACH") },
            { QStringLiteral("severity"), QStringLiteral("MEDIUM") },
            { QStringLiteral("source"), compliance ? QStringLiteral("SUITABILITY") : QStringLiteral("RULE_ENGINE") },
            { QStringLiteral("details"), QJsonObject { { QStringLiteral("rule_id"), QStringLiteral("SINGLE_POSITION_MAX") } } } });
    }
    return { { QStringLiteral("gate"), gate }, { QStringLiteral("recommended_next_step"), next },
        { QStringLiteral("reasons"), reasons },
        { QStringLiteral("summary"),
            QJsonObject { { QStringLiteral("hard_fail_count"), hard }, { QStringLiteral("soft_fail_count"), soft },
                { QStringLiteral("new_high_suitability_count"), compliance ? 1 : 0 },
                { QStringLiteral("new_medium_suitability_count"), int(c.rng.below(3)) } } } };
}

QJsonObject positionsState(qint64 totalCents, qint64 firstWeightPermille, const QString &currency)
{
    const qint64 first = totalCents * firstWeightPermille / 1000;
    const auto position = [&](const char *instrument, qint64 cents, qint64 permille) {
        return QJsonObject { { QStringLiteral("instrument_id"), QString::fromLatin1(instrument) },
            { QStringLiteral("value_in_base_ccy"), amount(cents, currency) },
            { QStringLiteral("weight"), QString::number(double(permille) / 1000.0, 'f', 3) } };
    };
    return { { QStringLiteral("total_value"), amount(totalCents, currency) },
        { QStringLiteral("positions"),
            QJsonArray { position("EQ_GLOBAL_TECH", first, firstWeightPermille),
                position("BOND_IG_2030", totalCents - first, 1000 - firstWeightPermille) } } };
}

// One version: result, artifact (hashed by the service's rule), evidence bundle and gate.
ProposalVersion buildVersion(Context &c, qint64 versionNo, const QString &status, bool compliance)
{
    const QString proposalRunId = c.id("pr_", 7, quint64(c.index) * 4 + quint64(versionNo));
    const std::optional<QString> runCorrelation
        = versionNo == 1 ? demoProposalRunCorrelation(c.index, c.options) : std::nullopt;
    const QString correlation = runCorrelation.value_or(c.id("corr_", 8, quint64(c.index) * 4 + quint64(versionNo)));
    const qint64 total = 50000000 + qint64(c.rng.below(900000000));
    const qint64 before = 300 + qint64(c.rng.below(500));
    const qint64 after = 400 + qint64(c.rng.below(300));
    const qint64 tradeCents = total * (after > before ? after - before : before - after) / 1000;
    const QJsonObject gate = gateDecision(c, status, compliance);
    const QJsonObject request { { QStringLiteral("portfolio_id"), c.portfolioId },
        { QStringLiteral("proposed_trades"),
            QJsonArray { QJsonObject { { QStringLiteral("instrument_id"), QStringLiteral("EQ_GLOBAL_TECH") },
                { QStringLiteral("side"), after > before ? QStringLiteral("BUY") : QStringLiteral("SELL") },
                { QStringLiteral("notional"), amount(tradeCents, c.currency) } } } },
        { QStringLiteral("version_no"), double(versionNo) } };
    const QString requestHash = sha256Hash(request);
    const QJsonArray trades { QJsonObject { { QStringLiteral("intent_id"), QStringLiteral("oi_1") },
        { QStringLiteral("instrument_id"), QStringLiteral("EQ_GLOBAL_TECH") },
        { QStringLiteral("side"), after > before ? QStringLiteral("BUY") : QStringLiteral("SELL") },
        { QStringLiteral("notional"), amount(tradeCents, c.currency) } } };
    const QJsonObject result { { QStringLiteral("proposal_run_id"), proposalRunId },
        { QStringLiteral("correlation_id"), correlation }, { QStringLiteral("status"), status },
        { QStringLiteral("before"), positionsState(total, before, c.currency) },
        { QStringLiteral("after_simulated"), positionsState(total, after, c.currency) },
        { QStringLiteral("intents"), trades }, { QStringLiteral("gate_decision"), gate },
        { QStringLiteral("suitability"),
            QJsonObject { { QStringLiteral("status"), QStringLiteral("AVAILABLE") },
                { QStringLiteral("new_issues"), compliance ? 1 : 0 }, { QStringLiteral("resolved_issues"), int(c.rng.below(2)) } } },
        { QStringLiteral("lineage"),
            QJsonObject { { QStringLiteral("portfolio_snapshot_id"), c.portfolioId },
                { QStringLiteral("market_data_snapshot_id"), QStringLiteral("md") },
                { QStringLiteral("request_hash"), requestHash }, { QStringLiteral("engine_version"), QStringLiteral("0.9.3") } } } };
    const QJsonObject evidence { { QStringLiteral("inputs"), request },
        { QStringLiteral("engine_outputs"), QJsonObject { { QStringLiteral("proposal_result"), result } } },
        { QStringLiteral("hashes"),
            QJsonObject { { QStringLiteral("request_hash"), requestHash }, { QStringLiteral("artifact_hash"), QString() } } },
        { QStringLiteral("engine_version"), QStringLiteral("0.9.3") } };
    QJsonObject artifact { { QStringLiteral("artifact_id"), c.id("pa_", 9, quint64(c.index) * 4 + quint64(versionNo)) },
        { QStringLiteral("proposal_run_id"), proposalRunId }, { QStringLiteral("correlation_id"), correlation },
        { QStringLiteral("created_at"), c.stamp() }, { QStringLiteral("status"), status },
        { QStringLiteral("gate_decision"), gate },
        { QStringLiteral("summary"),
            QJsonObject { { QStringLiteral("title"), c.out.record.title.value_or(QString()) },
                { QStringLiteral("objective_tags"), QJsonArray { QStringLiteral("REBALANCE"), QStringLiteral("RISK_REDUCTION") } },
                { QStringLiteral("advisor_notes"),
                    QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("CLIENT_REQUEST") },
                        { QStringLiteral("text"), QStringLiteral("Client asked to trim concentration.") } } } },
                { QStringLiteral("recommended_next_step"), gate.value(QStringLiteral("recommended_next_step")) },
                { QStringLiteral("key_takeaways"),
                    QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("TURNOVER") },
                        { QStringLiteral("value"), money(tradeCents) } } } } } },
        { QStringLiteral("portfolio_impact"),
            QJsonObject { { QStringLiteral("before"), result.value(QStringLiteral("before")) },
                { QStringLiteral("after"), result.value(QStringLiteral("after_simulated")) },
                { QStringLiteral("delta"),
                    QJsonObject { { QStringLiteral("total_value_delta"), amount(0, c.currency) },
                        { QStringLiteral("largest_weight_changes"), QJsonArray() } } } } },
        { QStringLiteral("trades_and_funding"),
            QJsonObject { { QStringLiteral("trade_list"), trades }, { QStringLiteral("fx_list"), QJsonArray() },
                { QStringLiteral("ordering_policy"), QStringLiteral("SELLS_BEFORE_BUYS") },
                { QStringLiteral("execution_notes"), QJsonArray() } } },
        { QStringLiteral("suitability_summary"), result.value(QStringLiteral("suitability")) },
        { QStringLiteral("assumptions_and_limits"),
            QJsonObject { { QStringLiteral("pricing"),
                QJsonObject { { QStringLiteral("market_data_snapshot_id"), QStringLiteral("md") },
                    { QStringLiteral("prices_as_of"), c.stamp() }, { QStringLiteral("fx_as_of"), c.stamp() },
                    { QStringLiteral("valuation_mode"), QStringLiteral("CALCULATED") } } } } },
        { QStringLiteral("disclosures"),
            QJsonObject { { QStringLiteral("risk_disclaimer"), QStringLiteral("Past performance is not indicative of future results.") },
                { QStringLiteral("product_docs"), QJsonArray() } } },
        { QStringLiteral("evidence_bundle"), evidence } };
    const QString hash = proposalArtifactHashOfText(text(artifact));
    QJsonObject hashedEvidence = evidence;
    QJsonObject hashes = evidence.value(QStringLiteral("hashes")).toObject();
    hashes.insert(QStringLiteral("artifact_hash"), hash);
    hashedEvidence.insert(QStringLiteral("hashes"), hashes);
    artifact.insert(QStringLiteral("evidence_bundle"), hashedEvidence);

    ProposalVersion v;
    v.proposalVersionId = c.id("ppv_", 2, quint64(c.index) * 4 + quint64(versionNo));
    v.proposalId = c.out.record.proposalId;
    v.versionNo = versionNo;
    v.createdAt = c.stamp();
    v.requestHash = requestHash;
    v.artifactHash = hash;
    v.simulationHash = sha256Hash(result);
    v.statusAtCreation = status;
    v.proposalResultJson = text(result);
    v.artifactJson = text(artifact);
    v.evidenceBundleJson = text(hashedEvidence);
    v.gateDecisionJson = text(gate);
    return v;
}

void addEvent(Context &c, const QString &type, const QString &to, const QJsonObject &reason, std::optional<qint64> version,
    const QString &actor)
{
    ProposalWorkflowEvent e;
    e.eventId = c.id("pwe_", 3, quint64(c.index) * 16 + quint64(c.out.events.size()));
    e.proposalId = c.out.record.proposalId;
    e.eventType = type;
    e.fromState = type == QLatin1String("CREATED") ? std::nullopt : std::optional<QString>(c.out.record.currentState);
    e.toState = to;
    e.actorId = actor;
    e.occurredAt = c.stamp();
    e.reasonJson = text(reason);
    e.relatedVersionNo = version;
    c.out.events.append(e);
    c.out.record.currentState = to;
    c.out.record.lastEventAt = e.occurredAt;
}

void addApproval(Context &c, const QString &type, bool approved, const QString &actor, const QString &comment)
{
    QJsonObject details { { QStringLiteral("comment"), comment } };
    if (c.rng.chance(4000)) {
        details.insert(QStringLiteral("idempotency_key"), c.id("idem-apr-", 10, quint64(c.index) * 4 + quint64(c.out.approvals.size())));
        details.insert(QStringLiteral("idempotency_request_hash"), sha256Hash(QJsonObject { { QStringLiteral("c"), comment } }));
    }
    ProposalApproval a;
    a.approvalId = c.id("pap_", 4, quint64(c.index) * 4 + quint64(c.out.approvals.size()));
    a.proposalId = c.out.record.proposalId;
    a.approvalType = type;
    a.approved = approved;
    a.actorId = actor;
    a.occurredAt = c.stamp();
    a.detailsJson = text(details);
    a.relatedVersionNo = c.out.record.currentVersionNo;
    c.out.approvals.append(a);
    const QString state = c.out.record.currentState;
    QString event;
    QString to;
    if (type == QLatin1String("RISK"))
        event = approved ? QStringLiteral("RISK_APPROVED") : QStringLiteral("REJECTED");
    else if (type == QLatin1String("COMPLIANCE"))
        event = approved ? QStringLiteral("COMPLIANCE_APPROVED") : QStringLiteral("REJECTED");
    else
        event = approved ? QStringLiteral("CLIENT_CONSENT_RECORDED") : QStringLiteral("REJECTED");
    to = !approved ? QStringLiteral("REJECTED")
        : type == QLatin1String("CLIENT_CONSENT") ? QStringLiteral("EXECUTION_READY")
                                                  : QStringLiteral("AWAITING_CLIENT_CONSENT");
    Q_UNUSED(state);
    addEvent(c, event, to, details, a.relatedVersionNo, actor);
}

ProposalAsyncOperation operation(Context &c, const QString &type, const QString &status, qint64 counter)
{
    ProposalAsyncOperation op;
    op.operationId = c.id("pop_", 5, quint64(c.index) * 8 + quint64(counter));
    op.operationType = type;
    op.status = status;
    op.correlationId = c.id("corr_", 6, quint64(c.index) * 8 + quint64(counter));
    op.createdBy = c.advisor;
    op.createdAt = c.stamp();
    if (status != QLatin1String("PENDING"))
        op.startedAt = formatTimestampMicros(c.at + 150000);
    if (status == QLatin1String("SUCCEEDED") || status == QLatin1String("FAILED"))
        op.finishedAt = formatTimestampMicros(c.at + 900000 + qint64(c.rng.below(4000000)));
    return op;
}

void injectFault(DemoProposal &p, const QString &code)
{
    p.injectedFault = code;
    if (code == QLatin1String("PROPOSAL_EVENT_FORBIDDEN")) {
        // The service never writes EXECUTION_REQUESTED through its map (§4.2); keep the state.
        ProposalWorkflowEvent e = p.events.last();
        e.eventId += QStringLiteral("x");
        e.eventType = QStringLiteral("EXECUTION_REQUESTED");
        e.fromState = e.toState;
        e.occurredAt = formatTimestampMicros(*timestampMicros(e.occurredAt) + 1000000);
        e.reasonJson = QStringLiteral("{}");
        p.events.append(e);
        p.record.lastEventAt = e.occurredAt;
    } else if (code == QLatin1String("PROPOSAL_STATE_MISMATCH")) {
        p.record.currentState = p.record.currentState == QLatin1String("EXECUTED") ? QStringLiteral("DRAFT")
                                                                                    : QStringLiteral("EXECUTED");
    } else if (code == QLatin1String("PROPOSAL_CURRENT_VERSION_MISSING")) {
        p.record.currentVersionNo += 1;
    } else if (code == QLatin1String("PROPOSAL_VERSION_GAP")) {
        ProposalVersion extra = p.versions.last();
        extra.versionNo += 2;
        extra.proposalVersionId += QStringLiteral("x");
        p.versions.append(extra);
    } else if (code == QLatin1String("PROPOSAL_APPROVAL_WITHOUT_EVENT")) {
        ProposalApproval orphan = p.approvals.isEmpty() ? ProposalApproval {} : p.approvals.last();
        orphan.approvalId = p.record.proposalId + QStringLiteral("_orphan");
        orphan.proposalId = p.record.proposalId;
        orphan.approvalType = QStringLiteral("COMPLIANCE");
        orphan.approved = true;
        orphan.actorId = QStringLiteral("compliance_officer_99");
        orphan.occurredAt = p.record.lastEventAt;
        orphan.detailsJson = QStringLiteral("{}");
        p.approvals.append(orphan);
    } else if (code == QLatin1String("PROPOSAL_ARTIFACT_HASH_MISMATCH")) {
        ProposalVersion &v = p.versions.first();
        v.artifactJson.replace(QStringLiteral("SELLS_BEFORE_BUYS"), QStringLiteral("BUYS_BEFORE_SELLS"));
    }
}

} // namespace

qint64 demoProposalCount(qint64 runCount)
{
    return std::max<qint64>(1, runCount / 20);
}

void writeDemoProposal(ProposalStore &store, const DemoProposal &proposal)
{
    store.createProposal(proposal.record);
    for (const ProposalVersion &v : proposal.versions)
        store.createVersion(v);
    for (const ProposalWorkflowEvent &e : proposal.events)
        store.appendEvent(e);
    for (const ProposalApproval &a : proposal.approvals)
        store.createApproval(a);
    for (const ProposalIdempotency &row : proposal.idempotency)
        store.saveIdempotency(row);
    for (const ProposalSimulationIdempotency &row : proposal.simulationIdempotency)
        store.saveSimulationIdempotency(row);
    for (const ProposalAsyncOperation &op : proposal.operations)
        store.createOperation(op);
}

QStringList demoIntegrityFaultCodes()
{
    return { QStringLiteral("PROPOSAL_EVENT_FORBIDDEN"), QStringLiteral("PROPOSAL_STATE_MISMATCH"),
        QStringLiteral("PROPOSAL_CURRENT_VERSION_MISSING"), QStringLiteral("PROPOSAL_VERSION_GAP"),
        QStringLiteral("PROPOSAL_APPROVAL_WITHOUT_EVENT"), QStringLiteral("PROPOSAL_ARTIFACT_HASH_MISMATCH") };
}

std::optional<QString> demoProposalRunCorrelation(qint64 index, const DemoProposalOptions &options)
{
    const qint64 every = kDemoProposalRunLinkEvery;
    if (index % every != qint64(options.seed % quint64(every)))
        return std::nullopt;
    const qint64 slot = index / every;
    if (slot >= options.runCorrelationIds.size())
        return std::nullopt;
    return options.runCorrelationIds.at(slot);
}

DemoProposal generateDemoProposal(qint64 index, const DemoProposalOptions &options)
{
    Context c { options, index, DemoRandom(mix64(options.seed ^ mix64(quint64(index) + 0x70726f70ULL))), {}, {}, {}, {}, 0 };
    static const std::array<const char *, 3> kCurrencies { "SGD", "USD", "EUR" };
    const int portfolio = int(c.rng.below(400));
    c.portfolioId = QStringLiteral("pf_advisory_%1").arg(portfolio, 3, 10, QLatin1Char('0'));
    c.currency = QString::fromLatin1(kCurrencies[std::size_t(portfolio % 3)]);
    c.advisor = QStringLiteral("advisor_%1").arg(int(c.rng.below(24)) + 1, 2, 10, QLatin1Char('0'));

    // Created anywhere in the span but its last ten minutes (planSteps fits the review into what
    // is left); a step takes up to a twelfth of half the span.
    const qint64 span = std::max<qint64>(options.toMicros - options.fromMicros, kDay);
    const qint64 stepMax = std::min<qint64>(30 * kHour, span / 24);
    c.at = options.fromMicros + qint64(c.rng.below(quint64(span - 10 * kMinute)));

    ProposalRecord &r = c.out.record;
    r.proposalId = c.id("pp_", 1, quint64(index));
    r.portfolioId = c.portfolioId;
    if (c.rng.chance(8000))
        r.mandateId = QStringLiteral("mdt_%1").arg(portfolio, 3, 10, QLatin1Char('0'));
    if (c.rng.chance(9000))
        r.jurisdiction = QStringList { QStringLiteral("SG"), QStringLiteral("HK"), QStringLiteral("CH"), QStringLiteral("GB") }
                             .at(int(c.rng.below(4)));
    r.createdBy = c.advisor;
    r.createdAt = c.stamp();
    r.title = QStringLiteral("%1 rebalance for %2").arg(QStringList { QStringLiteral("Quarterly"), QStringLiteral("Concentration"),
                                                           QStringLiteral("Income"), QStringLiteral("Liquidity") }
                                                           .at(int(c.rng.below(4))),
        c.portfolioId);
    if (c.rng.chance(5000))
        r.advisorNotes = QStringLiteral("Discussed with the client by phone.");

    const std::array<int, 14> weights { kPaths[0].weight, kPaths[1].weight, kPaths[2].weight, kPaths[3].weight,
        kPaths[4].weight, kPaths[5].weight, kPaths[6].weight, kPaths[7].weight, kPaths[8].weight, kPaths[9].weight,
        kPaths[10].weight, kPaths[11].weight, kPaths[12].weight, kPaths[13].weight };
    const Path &path = kPaths[c.rng.weighted(weights)];
    const bool compliance = path.length > 0 && path.steps[0] == Step::SubmitCompliance;
    const int versionCount = 1 + int(c.rng.weighted(std::array<int, 4> { 50, 30, 15, 5 }));
    const QString status = kStatuses.at(int(c.rng.weighted(std::array<int, 3> { 55, 35, 10 })));
    c.planSteps(versionCount - 1 + path.length + 1, stepMax); // + 1: the operation that may follow

    // Created: the record, version 1, the CREATED event, and (usually) the idempotency row; now
    // and then through an async CREATE_PROPOSAL operation.
    r.currentVersionNo = 1;
    r.currentState = QStringLiteral("DRAFT");
    c.out.versions.append(buildVersion(c, 1, status, compliance));
    const bool async = c.rng.chance(3000);
    QJsonObject createdReason;
    std::optional<ProposalAsyncOperation> createOp;
    if (async) {
        createOp = operation(c, QStringLiteral("CREATE_PROPOSAL"), QStringLiteral("SUCCEEDED"), 0);
        createdReason.insert(QStringLiteral("correlation_id"), createOp->correlationId);
    }
    r.lastEventAt = r.createdAt;
    addEvent(c, QStringLiteral("CREATED"), QStringLiteral("DRAFT"), createdReason, 1, c.advisor);
    if (c.rng.chance(7000) || async) {
        const QString key = c.id("idem-prop-", 11, quint64(index));
        c.out.idempotency.append({ key, c.out.versions.first().requestHash, r.proposalId, 1, r.createdAt });
        if (createOp)
            createOp->idempotencyKey = key;
    }
    if (createOp) {
        createOp->proposalId = r.proposalId;
        createOp->resultJson = text(QJsonObject { { QStringLiteral("proposal"), proposalSummaryJson(r) },
            { QStringLiteral("version"), proposalVersionJson(c.out.versions.first()) },
            { QStringLiteral("latest_workflow_event"), proposalEventJson(c.out.events.first()) } });
        c.out.operations.append(*createOp);
    }
    if (c.rng.chance(2000)) {
        c.out.simulationIdempotency.append({ c.id("idem-sim-", 12, quint64(index)), c.out.versions.first().requestHash,
            text(QJsonObject { { QStringLiteral("proposal_run_id"), c.id("pr_", 7, quint64(index) * 4) },
                { QStringLiteral("status"), status } }),
            formatTimestampMicros(c.at - 5 * kMinute) });
    }

    // New versions while still in DRAFT, some through CREATE_PROPOSAL_VERSION operations.
    for (int n = 2; n <= versionCount; ++n) {
        c.advance();
        const QString versionStatus = kStatuses.at(int(c.rng.weighted(std::array<int, 3> { 60, 35, 5 })));
        c.out.versions.append(buildVersion(c, n, versionStatus, compliance));
        r.currentVersionNo = n;
        QJsonObject reason;
        if (c.rng.chance(2500)) {
            ProposalAsyncOperation op = operation(c, QStringLiteral("CREATE_PROPOSAL_VERSION"), QStringLiteral("SUCCEEDED"), n);
            op.proposalId = r.proposalId;
            op.resultJson = text(QJsonObject { { QStringLiteral("proposal"), proposalSummaryJson(r) },
                { QStringLiteral("version"), proposalVersionJson(c.out.versions.last(), false) } });
            reason.insert(QStringLiteral("correlation_id"), op.correlationId);
            c.out.operations.append(op);
        }
        addEvent(c, QStringLiteral("NEW_VERSION_CREATED"), QStringLiteral("DRAFT"), reason, n, c.advisor);
    }

    const QString reviewer = compliance ? QStringLiteral("compliance_officer_%1").arg(int(c.rng.below(6)) + 1, 2, 10, QLatin1Char('0'))
                                        : QStringLiteral("risk_officer_%1").arg(int(c.rng.below(6)) + 1, 2, 10, QLatin1Char('0'));
    const QString client = QStringLiteral("client_%1").arg(c.portfolioId);
    for (int s = 0; s < path.length; ++s) {
        c.advance();
        const QJsonObject note { { QStringLiteral("comment"), QStringLiteral("Step %1 of the review.").arg(s + 1) } };
        switch (path.steps[std::size_t(s)]) {
        case Step::SubmitRisk:
            addEvent(c, QStringLiteral("SUBMITTED_FOR_RISK_REVIEW"), QStringLiteral("RISK_REVIEW"), note, r.currentVersionNo, c.advisor);
            break;
        case Step::SubmitCompliance:
            addEvent(c, QStringLiteral("SUBMITTED_FOR_COMPLIANCE_REVIEW"), QStringLiteral("COMPLIANCE_REVIEW"), note,
                r.currentVersionNo, c.advisor);
            break;
        case Step::Approve:
            addApproval(c, compliance ? QStringLiteral("COMPLIANCE") : QStringLiteral("RISK"), true, reviewer,
                QStringLiteral("Within the mandate's limits."));
            break;
        case Step::Reject:
            addApproval(c, compliance ? QStringLiteral("COMPLIANCE") : QStringLiteral("RISK"), false, reviewer,
                QStringLiteral("Concentration above the house limit."));
            break;
        case Step::ConsentYes:
            addApproval(c, QStringLiteral("CLIENT_CONSENT"), true, client, QStringLiteral("Signed in the client portal."));
            break;
        case Step::ConsentNo:
            addApproval(c, QStringLiteral("CLIENT_CONSENT"), false, client, QStringLiteral("Client declined."));
            break;
        case Step::Execute:
            addEvent(c, QStringLiteral("EXECUTED"), QStringLiteral("EXECUTED"), note, r.currentVersionNo, QStringLiteral("execution_desk"));
            break;
        case Step::Expire:
            addEvent(c, QStringLiteral("EXPIRED"), QStringLiteral("EXPIRED"), QJsonObject { { QStringLiteral("reason"), QStringLiteral("CONSENT_WINDOW_ELAPSED") } },
                r.currentVersionNo, QStringLiteral("system"));
            break;
        case Step::Cancel:
            addEvent(c, QStringLiteral("CANCELLED"), QStringLiteral("CANCELLED"), note, r.currentVersionNo, c.advisor);
            break;
        }
    }

    // Now and then an operation that never produced a proposal: failed with the service's error
    // shape, or still pending/running.
    if (c.rng.chance(1200)) {
        c.advance();
        const int kind = int(c.rng.below(3));
        ProposalAsyncOperation op = operation(c, QStringLiteral("CREATE_PROPOSAL"),
            kind == 0 ? QStringLiteral("FAILED") : kind == 1 ? QStringLiteral("PENDING") : QStringLiteral("RUNNING"), 7);
        if (kind == 0)
            op.errorJson = text(QJsonObject { { QStringLiteral("code"), QStringLiteral("ProposalValidationError") },
                { QStringLiteral("message"), QStringLiteral("PROPOSAL_SIMULATION_DISABLED: set options.enable_proposal_simulation=true") } });
        c.out.operations.append(op);
    }

    if (options.withIntegrityFaults && index % kFaultEvery == kFaultEvery - 1) {
        const QStringList codes = demoIntegrityFaultCodes();
        injectFault(c.out, codes.at(int((index / kFaultEvery) % codes.size())));
    }
    return c.out;
}

} // namespace dpm
