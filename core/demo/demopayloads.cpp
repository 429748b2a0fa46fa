#include "demopayloads.h"

#include "demorandom.h"
#include "jsontextwriter.h"

#include <algorithm>
#include <array>
#include <openssl/evp.h>
#include <optional>

namespace dpm {

namespace {

struct Instrument
{
    const char *id;
    const char *currency;
    const char *assetClass;
    const char *sector;
    qint64 priceCents;
};

// A small shelf per currency; prices drift a little from run to run.
constexpr Instrument kInstruments[] = {
    { "EQ_SGD_1", "SGD", "EQUITY", "FINANCIALS", 10000 },
    { "EQ_SGD_2", "SGD", "EQUITY", "INDUSTRIALS", 5000 },
    { "EQ_SGD_3", "SGD", "EQUITY", "REAL_ESTATE", 265 },
    { "EQ_SGD_4", "SGD", "EQUITY", "TELECOM", 318 },
    { "EQ_SGD_5", "SGD", "EQUITY", "FINANCIALS", 3890 },
    { "BD_SGD_1", "SGD", "FIXED_INCOME", "GOVERNMENT", 10120 },
    { "BD_SGD_2", "SGD", "FIXED_INCOME", "CORPORATE", 9875 },
    { "FD_SGD_1", "SGD", "FUND", "MULTI_ASSET", 1342 },
    { "EQ_USD_1", "USD", "EQUITY", "TECHNOLOGY", 18950 },
    { "EQ_USD_2", "USD", "EQUITY", "HEALTH_CARE", 15420 },
    { "EQ_USD_3", "USD", "EQUITY", "TECHNOLOGY", 41230 },
    { "EQ_USD_4", "USD", "EQUITY", "CONSUMER", 6715 },
    { "BD_USD_1", "USD", "FIXED_INCOME", "GOVERNMENT", 9640 },
    { "FD_USD_1", "USD", "FUND", "EQUITY_INDEX", 50210 },
    { "EQ_EUR_1", "EUR", "EQUITY", "INDUSTRIALS", 12840 },
    { "EQ_EUR_2", "EUR", "EQUITY", "CONSUMER", 7450 },
    { "EQ_EUR_3", "EUR", "EQUITY", "UTILITIES", 2115 },
    { "BD_EUR_1", "EUR", "FIXED_INCOME", "GOVERNMENT", 10305 },
    { "FD_EUR_1", "EUR", "FUND", "MULTI_ASSET", 8820 },
};

// The currency a book of this base currency also holds, and its rate in the base (x 10^4).
struct ForeignLeg
{
    const char *currency;
    qint64 rate;
    qint64 spread;
};

ForeignLeg foreignLegOf(const QByteArray &base)
{
    if (base == "USD")
        return { "SGD", 7460, 150 };
    if (base == "EUR")
        return { "USD", 9200, 200 };
    return { "USD", 13400, 300 };
}

QList<const Instrument *> shelfOf(const QByteArray &currency)
{
    QList<const Instrument *> out;
    for (const Instrument &instrument : kInstruments) {
        if (currency == instrument.currency)
            out << &instrument;
    }
    return out;
}

struct Line
{
    const Instrument *instrument = nullptr;
    qint64 priceCents = 0; // in the instrument's currency
    qint64 rate = 10000; // base per unit of the instrument's currency, x 10^4
    qint64 quantityBefore = 0;
    qint64 quantityAfter = 0;
    int modelWeightBp = 0; // basis points of the book
    bool held = false;
    bool priceMissing = false;
    bool sellOnly = false;

    bool foreign() const { return rate != 10000; }
    qint64 valueInInstrument(qint64 quantity) const { return quantity * priceCents; }
    qint64 valueInBase(qint64 quantity) const { return (quantity * priceCents * rate + 5000) / 10000; }
};

struct Intent
{
    bool fx = false;
    int line = -1;
    bool sell = false;
    qint64 quantity = 0;
    qint64 notional = 0; // instrument currency (FX: bought amount)
    qint64 notionalBase = 0; // base currency (FX: sold amount)
    QList<int> dependsOn; // intent numbers (1-based)
};

struct Suppressed
{
    int line;
    qint64 notionalBase;
};

struct Book
{
    QByteArray base;
    QList<Line> lines;
    qint64 cashBefore = 0;
    qint64 cashAfter = 0;
    QList<Intent> intents;
    QList<Suppressed> suppressed;
    QList<int> droppedBuys; // lines whose buys the sell-only safety dropped
    int missingPriceLine = -1;

    qint64 total(bool after) const
    {
        qint64 sum = after ? cashAfter : cashBefore;
        for (const Line &line : lines)
            sum += line.valueInBase(after ? line.quantityAfter : line.quantityBefore);
        return sum;
    }
};

constexpr qint64 kMinTradeCents = 5000; // MIN_TRADE_SIZE: 50.00 in the base currency

qint64 weightBp(qint64 value, qint64 total)
{
    return total <= 0 ? 0 : (value * 10000 + total / 2) / total;
}

// Positions, cash and model of one book, drawn from the run's own random numbers.
Book makeBook(const DemoRunFacts &facts, DemoRandom &rng)
{
    Book book;
    book.base = facts.baseCurrency;
    QList<const Instrument *> shelf = shelfOf(facts.baseCurrency);
    // Partial Fisher-Yates: the first picks are a random selection.
    for (qsizetype i = 0; i < shelf.size(); ++i)
        std::swap(shelf[i], shelf[i + qsizetype(rng.below(quint64(shelf.size() - i)))]);
    const int heldCount = int(rng.between(2, 4));
    const bool addNew = facts.outcome == DemoOutcome::BlockedMissingPrice || rng.chance(2500);
    for (int i = 0; i < heldCount + (addNew ? 1 : 0) && i < shelf.size(); ++i) {
        Line line;
        line.instrument = shelf.at(i);
        line.held = i < heldCount;
        line.priceCents = std::max<qint64>(1, line.instrument->priceCents * (10000 + rng.between(-800, 800)) / 10000);
        book.lines << line;
    }
    if (facts.outcome == DemoOutcome::BlockedMissingPrice) {
        book.lines.last().priceMissing = true;
        book.missingPriceLine = int(book.lines.size() - 1);
    }
    if (rng.chance(3000)) {
        const ForeignLeg leg = foreignLegOf(facts.baseCurrency);
        const QList<const Instrument *> foreignShelf = shelfOf(leg.currency);
        Line line;
        line.instrument = foreignShelf.at(qsizetype(rng.below(quint64(foreignShelf.size()))));
        line.held = rng.chance(6000);
        line.priceCents = std::max<qint64>(1, line.instrument->priceCents * (10000 + rng.between(-800, 800)) / 10000);
        line.rate = leg.rate + rng.between(-leg.spread, leg.spread);
        book.lines << line;
    }

    static constexpr std::array<qint64, 5> kBookSizes { 2500000, 8000000, 25000000, 90000000, 250000000 };
    const qint64 bookCents = kBookSizes[std::size_t(rng.below(kBookSizes.size()))] * rng.between(60, 140) / 100;
    const bool settlementSqueeze = facts.outcome == DemoOutcome::BlockedSettlement;
    book.cashBefore = bookCents * (settlementSqueeze ? rng.between(20, 80) : rng.between(200, 1500)) / 10000;

    // Holdings drift away from the model: one position is well overweight in a settlement squeeze.
    qint64 drawn = 0;
    QList<qint64> shares;
    for (const Line &line : std::as_const(book.lines)) {
        const qint64 share = line.held ? rng.between(10, 100) : 0;
        shares << share;
        drawn += share;
    }
    if (settlementSqueeze && drawn > 0) {
        shares[0] += drawn * 2;
        drawn += drawn * 2;
    }
    const qint64 invested = bookCents - book.cashBefore;
    for (qsizetype i = 0; i < book.lines.size(); ++i) {
        Line &line = book.lines[i];
        if (!line.held || drawn == 0)
            continue;
        const qint64 unitBase = std::max<qint64>(1, line.priceCents * line.rate / 10000);
        line.quantityBefore = std::max<qint64>(1, invested * shares.at(i) / drawn / unitBase);
    }

    // The model: 98% invested over every line, 2% cash.
    QList<int> modelShares;
    int modelTotal = 0;
    for (qsizetype i = 0; i < book.lines.size(); ++i) {
        const int share = int(rng.between(1, 10));
        modelShares << share;
        modelTotal += share;
    }
    int assigned = 0;
    for (qsizetype i = 0; i < book.lines.size(); ++i) {
        book.lines[i].modelWeightBp = 9800 * modelShares.at(i) / modelTotal;
        assigned += book.lines[i].modelWeightBp;
    }
    book.lines[0].modelWeightBp += 9800 - assigned;
    if (facts.outcome == DemoOutcome::PendingReview)
        book.lines[0].sellOnly = true;
    for (Line &line : book.lines)
        line.quantityAfter = line.quantityBefore;
    book.cashAfter = book.cashBefore;
    return book;
}

// Sells first, then an FX spot for each foreign buy, then the buys (depending on the sells
// and their FX), as the service orders them.
void planIntents(Book &book, DemoOutcome outcome)
{
    if (outcome == DemoOutcome::BlockedMissingPrice)
        return;
    const qint64 total = book.total(false);
    QList<Intent> sells;
    QList<Intent> buys;
    for (qsizetype i = 0; i < book.lines.size(); ++i) {
        const Line &line = book.lines.at(i);
        const qint64 current = line.valueInBase(line.quantityBefore);
        qint64 target = total * line.modelWeightBp / 10000;
        if (line.sellOnly) // sell-only safety: reduce the restricted holding by at least a third
            target = std::min(target, current * 2 / 3);
        const qint64 unitBase = std::max<qint64>(1, line.priceCents * line.rate / 10000);
        const qint64 delta = target - current;
        qint64 quantity = (delta < 0 ? -delta : delta) / unitBase;
        if (delta < 0)
            quantity = std::min(quantity, line.quantityBefore);
        if (quantity == 0)
            continue;
        Intent intent;
        intent.line = int(i);
        intent.sell = delta < 0;
        intent.quantity = quantity;
        intent.notional = line.valueInInstrument(quantity);
        intent.notionalBase = line.valueInBase(quantity);
        if (intent.notionalBase < kMinTradeCents) {
            book.suppressed << Suppressed { int(i), intent.notionalBase };
            continue;
        }
        if (!intent.sell && outcome == DemoOutcome::PendingReview) {
            book.droppedBuys << int(i);
            continue;
        }
        (intent.sell ? sells : buys) << intent;
    }
    int number = 0;
    QList<int> sellNumbers;
    for (Intent &sell : sells) {
        sellNumbers << ++number;
        book.intents << sell;
    }
    for (Intent &buy : buys) {
        QList<int> dependencies = sellNumbers;
        if (book.lines.at(buy.line).foreign()) {
            Intent fx;
            fx.fx = true;
            fx.line = buy.line;
            fx.notional = buy.notional;
            fx.notionalBase = buy.notionalBase;
            fx.dependsOn = sellNumbers;
            book.intents << fx;
            dependencies << ++number;
        }
        buy.dependsOn = dependencies;
        book.intents << buy;
        ++number;
    }
    for (const Intent &intent : std::as_const(book.intents)) {
        if (intent.fx)
            continue;
        Line &line = book.lines[intent.line];
        line.quantityAfter += intent.sell ? -intent.quantity : intent.quantity;
        book.cashAfter += intent.sell ? intent.notionalBase : -intent.notionalBase;
    }
}

void writeAllocation(
    JsonTextWriter &w, const QList<std::pair<QByteArray, qint64>> &buckets, qint64 total, const QByteArray &base)
{
    w.beginArray();
    for (const auto &[key, value] : buckets) {
        w.beginObject()
            .field("key", key)
            .moneyField("value", value, base)
            .decimalField("weight", weightBp(value, total), 4)
            .endObject();
    }
    w.endArray();
}

// SimulatedState: before (after = false) or after_simulated.
QByteArray writeState(const Book &book, bool after)
{
    const qint64 total = book.total(after);
    const qint64 cash = after ? book.cashAfter : book.cashBefore;
    QList<std::pair<QByteArray, qint64>> byInstrument;
    QList<std::pair<QByteArray, qint64>> byAssetClass { { "CASH", cash } };
    QList<std::pair<QByteArray, qint64>> bySector { { "CASH", cash } };
    const auto addTo = [](QList<std::pair<QByteArray, qint64>> &buckets, const QByteArray &key, qint64 value) {
        for (auto &bucket : buckets) {
            if (bucket.first == key) {
                bucket.second += value;
                return;
            }
        }
        buckets << std::pair { key, value };
    };
    for (const Line &line : book.lines) {
        const qint64 quantity = after ? line.quantityAfter : line.quantityBefore;
        if (!line.held && quantity == 0)
            continue;
        const qint64 value = line.valueInBase(quantity);
        byInstrument << std::pair { QByteArray(line.instrument->id), value };
        addTo(byAssetClass, line.instrument->assetClass, value);
        addTo(bySector, line.instrument->sector, value);
    }
    const auto byKey = [](const auto &a, const auto &b) { return a.first < b.first; };
    std::sort(byInstrument.begin(), byInstrument.end(), byKey);
    std::sort(byAssetClass.begin(), byAssetClass.end(), byKey);
    std::sort(bySector.begin(), bySector.end(), byKey);

    QByteArray out;
    out.reserve(4096);
    JsonTextWriter w(out);
    w.beginObject().key("allocation");
    writeAllocation(w, byInstrument, total, book.base);
    w.key("allocation_by_asset_class");
    writeAllocation(w, byAssetClass, total, book.base);
    w.key("allocation_by_attribute").beginObject().key("sector");
    writeAllocation(w, bySector, total, book.base);
    w.endObject().key("allocation_by_instrument");
    writeAllocation(w, byInstrument, total, book.base);
    w.key("cash_balances").beginArray().beginObject().decimalField("amount", cash, 2).field("currency", book.base);
    w.decimalField("pending", after ? book.cashAfter - book.cashBefore : 0, 2)
        .decimalField("settled", book.cashBefore, 2)
        .endObject()
        .endArray();
    w.key("positions").beginArray();
    for (const Line &line : book.lines) {
        const qint64 quantity = after ? line.quantityAfter : line.quantityBefore;
        if (!line.held && quantity == 0)
            continue;
        w.beginObject()
            .field("asset_class", line.instrument->assetClass)
            .field("instrument_currency", line.instrument->currency)
            .field("instrument_id", line.instrument->id)
            .moneyField("price", line.priceCents, line.instrument->currency)
            .decimalField("quantity", quantity, 0)
            .moneyField("value_in_base_ccy", line.valueInBase(quantity), book.base)
            .moneyField("value_in_instrument_ccy", line.valueInInstrument(quantity), line.instrument->currency)
            .decimalField("weight", weightBp(line.valueInBase(quantity), total), 4)
            .endObject();
    }
    w.endArray().moneyField("total_value", total, book.base).endObject();
    return out;
}

QByteArray intentId(int number)
{
    return "oi_" + QByteArray::number(number);
}

QByteArray writeIntents(const Book &book)
{
    QByteArray out;
    out.reserve(2048);
    JsonTextWriter w(out);
    w.beginArray();
    int number = 0;
    for (const Intent &intent : book.intents) {
        ++number;
        const Line &line = book.lines.at(intent.line);
        w.beginObject();
        if (intent.fx) {
            w.decimalField("buy_amount", intent.notional, 2).field("buy_currency", line.instrument->currency);
        } else {
            w.emptyArrayField("constraints_applied");
        }
        w.key("dependencies").beginArray();
        for (const int dependency : intent.dependsOn)
            w.string(intentId(dependency));
        w.endArray();
        if (intent.fx) {
            w.field("intent_id", intentId(number))
                .field("intent_type", "FX_SPOT")
                .field("pair", QByteArray(QByteArray(line.instrument->currency) + '/' + book.base))
                .key("rationale")
                .beginObject()
                .field("code", "FUNDING")
                .field("message", QByteArray("Buy " + QByteArray(line.instrument->currency) + " to fund the purchase"))
                .endObject()
                .decimalField("sell_amount_estimated", intent.notionalBase, 2)
                .field("sell_currency", book.base);
        } else {
            w.field("instrument_id", line.instrument->id)
                .field("intent_id", intentId(number))
                .field("intent_type", "SECURITY_TRADE")
                .moneyField("notional", intent.notional, line.instrument->currency)
                .moneyField("notional_base", intent.notionalBase, book.base)
                .decimalField("quantity", intent.quantity, 0)
                .key("rationale")
                .beginObject()
                .field("code", line.sellOnly ? "SELL_ONLY_REDUCTION" : "DRIFT_REBALANCE")
                .field("message",
                    line.sellOnly ? "Reduce a holding the shelf allows only to sell"
                                  : "Move the position toward its model weight")
                .endObject()
                .field("side", intent.sell ? "SELL" : "BUY");
        }
        w.endObject();
    }
    w.endArray();
    return out;
}

struct Rule
{
    const char *id;
    const char *severity;
    bool pass;
    qint64 measured;
    int scale;
    const char *reasonCode;
    std::optional<qint64> min;
    std::optional<qint64> max;
    int thresholdScale;
    const char *hint = nullptr;
};

QByteArray writeRules(const QList<Rule> &rules)
{
    QByteArray out;
    out.reserve(2048);
    JsonTextWriter w(out);
    w.beginArray();
    for (const Rule &rule : rules) {
        w.beginObject().decimalField("measured", rule.measured, rule.scale).field("reason_code", rule.reasonCode);
        if (rule.hint)
            w.field("remediation_hint", rule.hint);
        w.field("rule_id", rule.id)
            .field("severity", rule.severity)
            .field("status", rule.pass ? "PASS" : "FAIL")
            .key("threshold")
            .beginObject();
        if (rule.max)
            w.decimalField("max", *rule.max, rule.thresholdScale);
        if (rule.min)
            w.decimalField("min", *rule.min, rule.thresholdScale);
        w.endObject().endObject();
    }
    w.endArray();
    return out;
}

} // namespace

QByteArray demoOutcomeStatus(DemoOutcome outcome)
{
    switch (outcome) {
    case DemoOutcome::Ready:
        return QByteArrayLiteral("READY");
    case DemoOutcome::PendingReview:
        return QByteArrayLiteral("PENDING_REVIEW");
    case DemoOutcome::BlockedMissingPrice:
    case DemoOutcome::BlockedSettlement:
        break;
    }
    return QByteArrayLiteral("BLOCKED");
}

DemoResult buildDemoResult(const DemoRunFacts &facts)
{
    DemoRandom rng(facts.payloadSeed);
    Book book = makeBook(facts, rng);
    planIntents(book, facts.outcome);
    const QByteArray &base = book.base;
    const qint64 totalBefore = book.total(false);
    const qint64 totalAfter = book.total(true);

    DemoResult out;
    out.status = demoOutcomeStatus(facts.outcome);
    out.before = writeState(book, false);
    out.after = writeState(book, true);
    out.intents = writeIntents(book);
    for (const Intent &intent : std::as_const(book.intents)) {
        if (!intent.fx) {
            ++out.securityIntentCount;
            out.grossTurnoverCents += intent.notionalBase;
        }
    }

    // Settlement ladder: trades settle T+2; in a squeeze the buys settle first.
    qint64 buysBase = 0;
    for (const Intent &intent : std::as_const(book.intents))
        buysBase += !intent.fx && !intent.sell ? intent.notionalBase : 0;
    const bool settlementAware = facts.outcome == DemoOutcome::BlockedSettlement || rng.chance(6000);
    qint64 dayZero = book.cashBefore;
    if (facts.outcome == DemoOutcome::BlockedSettlement) {
        dayZero = book.cashBefore - buysBase;
        if (dayZero >= 0)
            dayZero = -rng.between(100, 500000); // an earlier trade's outflow settles today
    }
    const qint64 ladder[3] = { dayZero, dayZero, book.cashAfter };
    const qint64 ladderLow = std::min({ ladder[0], ladder[1], ladder[2] });

    // Rules, in the engine's order.
    const qint64 cashWeightAfter = weightBp(book.cashAfter, totalAfter);
    qint64 maxWeightAfter = 0;
    for (const Line &line : std::as_const(book.lines))
        maxWeightAfter = std::max(maxWeightAfter, weightBp(line.valueInBase(line.quantityAfter), totalAfter));
    const qint64 delta = totalAfter - totalBefore;
    const qint64 tolerance = 100;
    const bool pending = facts.outcome == DemoOutcome::PendingReview;
    const bool cashBandFails = pending && cashWeightAfter > 500;
    const bool concentrationFails = pending && !cashBandFails;
    const bool hasPositionLimit = concentrationFails || rng.chance(8500);
    const qint64 positionLimit = concentrationFails ? std::max<qint64>(500, maxWeightAfter - rng.between(100, 400))
                                                    : std::max<qint64>(3500, maxWeightAfter + rng.between(100, 800));
    const bool missingPrice = facts.outcome == DemoOutcome::BlockedMissingPrice;
    const bool squeeze = facts.outcome == DemoOutcome::BlockedSettlement;
    QList<Rule> rules {
        { "CASH_BAND", "SOFT", !cashBandFails, cashWeightAfter, 4, cashBandFails ? "THRESHOLD_BREACH" : "OK", 100,
            std::max<qint64>(500, cashBandFails ? 0 : cashWeightAfter), 4,
            cashBandFails ? "Invest the cash once the restricted holding is reviewed" : nullptr },
        { "DATA_QUALITY", "HARD", !missingPrice, missingPrice ? 1 : 0, 0, missingPrice ? "MISSING_DATA" : "OK",
            std::nullopt, 0, 0, missingPrice ? "Load a price for every model instrument and run again" : nullptr },
        { "MIN_TRADE_SIZE", "INFO", true, book.suppressed.size(), 0,
            book.suppressed.isEmpty() ? "OK" : "INTENTS_SUPPRESSED", kMinTradeCents, std::nullopt, 2 },
        { "NO_SHORTING", "HARD", true, 0, 0, "OK", 0, std::nullopt, 0 },
        { "RECONCILIATION", "HARD", (delta < 0 ? -delta : delta) <= tolerance, delta < 0 ? -delta : delta, 2,
            (delta < 0 ? -delta : delta) <= tolerance ? "OK" : "VALUE_MISMATCH", std::nullopt, tolerance, 2 },
        { "SETTLEMENT_CASH_LADDER", "HARD", !squeeze, ladderLow, 2, squeeze ? "CASH_BALANCE_NEGATIVE" : "OK", 0,
            std::nullopt, 2, squeeze ? "Settle the sells before the buys or add cash" : nullptr },
        { "SINGLE_POSITION_MAX", "SOFT", !concentrationFails, maxWeightAfter, 4,
            concentrationFails ? "LIMIT_BREACH" : (hasPositionLimit ? "OK" : "NO_LIMIT_SET"), std::nullopt,
            hasPositionLimit ? std::optional<qint64>(positionLimit) : std::nullopt, 4,
            concentrationFails ? "Reduce the largest position or ask for a mandate exception" : nullptr },
    };
    out.ruleResults = writeRules(rules);

    // Diagnostics.
    {
        out.diagnostics.reserve(1024);
        JsonTextWriter w(out.diagnostics);
        w.beginObject().key("cash_ladder").beginArray();
        if (settlementAware) {
            for (int day = 0; day < 3; ++day) {
                w.beginObject()
                    .field("currency", base)
                    .integerField("date_offset", day)
                    .decimalField("projected_balance", ladder[day], 2)
                    .endObject();
            }
        }
        w.endArray().key("cash_ladder_breaches").beginArray();
        if (squeeze) {
            w.beginObject()
                .field("currency", base)
                .integerField("date_offset", 0)
                .decimalField("projected_balance", dayZero, 2)
                .endObject();
        }
        w.endArray().key("data_quality").beginObject().emptyArrayField("fx_missing").key("price_missing").beginArray();
        if (missingPrice)
            w.string(book.lines.at(book.missingPriceLine).instrument->id);
        w.endArray().emptyArrayField("shelf_missing").endObject();
        w.key("dropped_intents").beginArray();
        for (const int line : std::as_const(book.droppedBuys)) {
            w.beginObject()
                .field("instrument_id", book.lines.at(line).instrument->id)
                .field("reason", "SELL_ONLY_SAFETY")
                .endObject();
        }
        w.endArray().key("funding_plan").beginArray();
        for (const Intent &intent : std::as_const(book.intents)) {
            if (!intent.fx)
                continue;
            w.beginObject()
                .decimalField("amount", intent.notional, 2)
                .field("currency", book.lines.at(intent.line).instrument->currency)
                .field("funding_currency", base)
                .endObject();
        }
        w.endArray()
            .emptyArrayField("group_constraint_events")
            .emptyArrayField("insufficient_cash")
            .emptyArrayField("missing_fx_pairs")
            .key("suppressed_intents")
            .beginArray();
        for (const Suppressed &s : std::as_const(book.suppressed)) {
            w.beginObject()
                .field("instrument_id", book.lines.at(s.line).instrument->id)
                .moneyField("intended_notional", s.notionalBase, base)
                .field("reason", "BELOW_MIN_TRADE_SIZE")
                .moneyField("threshold", kMinTradeCents, base)
                .endObject();
        }
        w.endArray().emptyArrayField("tax_budget_constraint_events").key("warnings").beginArray();
        if (pending)
            w.string("SELL_ONLY_INSTRUMENT_HELD");
        if (!book.suppressed.isEmpty())
            w.string("INTENTS_BELOW_MIN_TRADE_SIZE");
        w.endArray().endObject();
    }

    // The whole result.
    out.result.reserve(out.before.size() * 2 + out.intents.size() + out.ruleResults.size() + 2048);
    JsonTextWriter w(out.result);
    w.beginObject()
        .rawField("after_simulated", out.after)
        .rawField("before", out.before)
        .field("correlation_id", facts.correlationId)
        .rawField("diagnostics", out.diagnostics)
        .key("explanation")
        .beginObject()
        .field("summary",
            facts.outcome == DemoOutcome::Ready ? "READY"
                : pending                       ? "PENDING_REVIEW"
                                                : "Blocked")
        .endObject();
    if (rng.chance(1000)) {
        w.nullField("gate_decision"); // workflow gates switched off for this request
    } else {
        w.key("gate_decision").beginObject();
        const char *gate = "EXECUTION_READY";
        const char *next = "EXECUTE";
        if (pending) {
            const bool compliance = rng.chance(5000);
            gate = compliance ? "COMPLIANCE_REVIEW_REQUIRED" : "RISK_REVIEW_REQUIRED";
            next = compliance ? "COMPLIANCE_REVIEW" : "RISK_REVIEW";
        } else if (missingPrice || squeeze) {
            gate = "BLOCKED";
            next = "FIX_INPUT";
        }
        w.field("gate", gate).key("reasons").beginArray();
        if (pending) {
            w.beginObject()
                .key("details")
                .beginObject()
                .field("rule_id", cashBandFails ? "CASH_BAND" : "SINGLE_POSITION_MAX")
                .endObject()
                .field("reason_code", cashBandFails ? "THRESHOLD_BREACH" : "LIMIT_BREACH")
                .field("severity", "MEDIUM")
                .field("source", "RULE_ENGINE")
                .endObject();
        } else if (missingPrice) {
            w.beginObject()
                .key("details")
                .beginObject()
                .field("instrument_id", book.lines.at(book.missingPriceLine).instrument->id)
                .endObject()
                .field("reason_code", "MISSING_DATA")
                .field("severity", "HIGH")
                .field("source", "DATA_QUALITY")
                .endObject();
        } else if (squeeze) {
            w.beginObject()
                .key("details")
                .beginObject()
                .field("currency", base)
                .integerField("date_offset", 0)
                .endObject()
                .field("reason_code", "CASH_BALANCE_NEGATIVE")
                .field("severity", "HIGH")
                .field("source", "RULE_ENGINE")
                .endObject();
        }
        w.endArray()
            .field("recommended_next_step", next)
            .key("summary")
            .beginObject()
            .integerField("hard_fail_count", missingPrice || squeeze ? 1 : 0)
            .integerField("new_high_suitability_count", 0)
            .integerField("new_medium_suitability_count", 0)
            .integerField("soft_fail_count", pending ? 1 : 0)
            .endObject()
            .endObject();
    }
    w.rawField("intents", out.intents).key("lineage").beginObject();
    if (!facts.engineVersion.isEmpty())
        w.field("engine_version", facts.engineVersion);
    if (facts.idempotencyKey.isEmpty())
        w.nullField("idempotency_key");
    else
        w.field("idempotency_key", facts.idempotencyKey);
    w.field("input_mode", facts.stateful ? "stateful" : "stateless").field("market_data_snapshot_id", "md");
    if (rng.chance(7000))
        w.field("model_portfolio_id", "mp_" + base.toLower() + (rng.chance(5000) ? "_balanced" : "_growth"));
    w.field("portfolio_snapshot_id", facts.portfolioId).field("request_hash", facts.requestHash);
    if (rng.chance(5000))
        w.field("source_system", rng.chance(5000) ? "PMS_CORE" : "ADVISOR_WORKBENCH");
    w.endObject().field("rebalance_run_id", facts.runId);
    if (missingPrice) {
        w.nullField("reconciliation");
    } else {
        w.key("reconciliation")
            .beginObject()
            .moneyField("after_total_value", totalAfter, base)
            .moneyField("before_total_value", totalBefore, base)
            .moneyField("delta", delta, base)
            .field("status", (delta < 0 ? -delta : delta) <= tolerance ? "OK" : "MISMATCH")
            .moneyField("tolerance", tolerance, base)
            .endObject();
    }
    w.rawField("rule_results", out.ruleResults).field("status", out.status);

    w.key("target").beginObject().emptyObjectField("strategy").field("target_id", "t_" + facts.runId);
    w.key("targets").beginArray();
    for (const Line &line : std::as_const(book.lines)) {
        const qint64 finalValue = line.priceMissing ? 0 : line.valueInBase(line.quantityAfter);
        w.beginObject()
            .moneyField("final_value", finalValue, base)
            .decimalField("final_weight", weightBp(finalValue, totalAfter), 4)
            .field("instrument_id", line.instrument->id)
            .decimalField("model_weight", line.modelWeightBp, 4)
            .key("tags")
            .beginArray()
            .string(line.instrument->assetClass)
            .endArray()
            .endObject();
    }
    w.endArray().endObject();

    if (rng.chance(3500)) {
        const qint64 gain = out.grossTurnoverCents * rng.between(0, 800) / 10000;
        w.key("tax_impact").beginObject();
        if (rng.chance(5000)) {
            const qint64 budget = std::max<qint64>(gain, 1) * rng.between(110, 400) / 100;
            w.moneyField("budget_limit", budget, base).moneyField("budget_used", gain, base);
        }
        w.moneyField("total_realized_gain", gain, base)
            .moneyField("total_realized_loss", out.grossTurnoverCents * rng.between(0, 300) / 10000, base)
            .endObject();
    } else {
        w.nullField("tax_impact");
    }

    w.key("universe").beginObject().key("coverage").beginObject().decimalField("fx_coverage_pct", 10000, 2);
    qint64 priced = 0;
    for (const Line &line : std::as_const(book.lines))
        priced += line.priceMissing ? 0 : 1;
    w.decimalField("price_coverage_pct", priced * 10000 / book.lines.size(), 2).endObject();
    w.key("eligible_for_buy").beginArray();
    for (const Line &line : std::as_const(book.lines)) {
        if (!line.sellOnly && !line.priceMissing)
            w.string(line.instrument->id);
    }
    w.endArray().key("eligible_for_sell").beginArray();
    for (const Line &line : std::as_const(book.lines)) {
        if (line.held)
            w.string(line.instrument->id);
    }
    w.endArray().key("excluded").beginArray();
    for (const Line &line : std::as_const(book.lines)) {
        if (line.sellOnly) {
            w.beginObject()
                .field("details", "Shelf status SELL_ONLY: buying is not allowed")
                .field("instrument_id", line.instrument->id)
                .field("reason_code", "SHELF_STATUS_SELL_ONLY")
                .endObject();
        }
    }
    w.endArray().field("universe_id", "u_" + facts.runId).endObject();
    w.endObject();
    return out;
}

QByteArray buildDemoArtifact(const DemoRunFacts &facts, const DemoResult &result)
{
    QByteArray artifactId = facts.runId;
    if (const qsizetype at = artifactId.indexOf("rr_"); at >= 0)
        artifactId.replace(at, 3, "dra_");

    QByteArray out;
    out.reserve(result.result.size() + result.after.size() + result.before.size() + result.intents.size()
        + result.ruleResults.size() + result.diagnostics.size() + 1024);
    JsonTextWriter w(out);
    w.beginObject()
        .rawField("after_summary", result.after)
        .field("artifact_id", artifactId)
        .field("artifact_version", "1.0")
        .rawField("before_summary", result.before)
        .field("correlation_id", facts.correlationId)
        .rawField("diagnostics", result.diagnostics)
        .key("evidence")
        .beginObject()
        .field("engine_version", facts.engineVersion.isEmpty() ? QByteArray("unknown") : facts.engineVersion)
        .key("hashes")
        .beginObject();
    // The hash covers the artifact without its artifact_hash key: write that form, hash it,
    // then put the key in (it sorts first in "hashes").
    const qsizetype hashAt = out.size();
    w.field("request_hash", facts.requestHash).endObject().field("run_created_at", facts.createdAt).endObject();
    if (facts.idempotencyKey.isEmpty())
        w.nullField("idempotency_key");
    else
        w.field("idempotency_key", facts.idempotencyKey);
    w.rawField("order_intents", result.intents)
        .field("portfolio_id", facts.portfolioId)
        .field("rebalance_run_id", facts.runId)
        .key("request_snapshot")
        .beginObject()
        .field("portfolio_id", facts.portfolioId)
        .field("request_hash", facts.requestHash)
        .endObject()
        .rawField("result", result.result)
        .rawField("rule_outcomes", result.ruleResults)
        .field("status", demoOutcomeStatus(facts.outcome))
        .endObject();
    // OpenSSL, not QCryptographicHash: about ten times faster on these 15-20 KB texts, which
    // matters for half a million artifacts.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    EVP_Digest(out.constData(), size_t(out.size()), digest, &digestSize, EVP_sha256(), nullptr);
    const QByteArray hash = QByteArray(reinterpret_cast<const char *>(digest), int(digestSize)).toHex();
    out.insert(hashAt, "\"artifact_hash\":\"sha256:" + hash + "\",");
    return out;
}

QByteArray buildDemoOperationRequest(const QByteArray &portfolioId, const QByteArray &baseCurrency,
    const QList<QByteArray> &scenarioNames, bool bareBatchRequest, quint64 payloadSeed)
{
    DemoRandom rng(payloadSeed);
    QList<const Instrument *> shelf = shelfOf(baseCurrency);
    const int count = int(rng.between(2, 4));

    QByteArray batch;
    JsonTextWriter w(batch);
    w.beginObject().key("market_data_snapshot").beginObject().key("fx_rates").beginArray();
    const ForeignLeg leg = foreignLegOf(baseCurrency);
    w.beginObject()
        .field("pair", QByteArray(leg.currency) + '/' + baseCurrency)
        .decimalField("rate", leg.rate + rng.between(-leg.spread, leg.spread), 4)
        .endObject();
    w.endArray().key("prices").beginArray();
    for (int i = 0; i < count; ++i) {
        w.beginObject()
            .field("currency", baseCurrency)
            .field("instrument_id", shelf.at(i)->id)
            .decimalField("price", shelf.at(i)->priceCents * (10000 + rng.between(-800, 800)) / 10000, 2)
            .endObject();
    }
    w.endArray().field("snapshot_id", "md").endObject();
    w.key("model_portfolio")
        .beginObject()
        .field("model_portfolio_id", "mp_" + baseCurrency.toLower() + "_balanced")
        .key("targets")
        .beginArray();
    for (int i = 0; i < count; ++i)
        w.beginObject().field("instrument_id", shelf.at(i)->id).decimalField("weight", 9800 / count, 4).endObject();
    w.endArray().endObject();
    w.key("portfolio_snapshot")
        .beginObject()
        .field("base_currency", baseCurrency)
        .key("cash_balances")
        .beginArray()
        .beginObject()
        .decimalField("amount", rng.between(100000, 50000000), 2)
        .field("currency", baseCurrency)
        .endObject()
        .endArray()
        .field("portfolio_id", portfolioId)
        .key("positions")
        .beginArray();
    for (int i = 0; i < count; ++i)
        w.beginObject()
            .field("instrument_id", shelf.at(i)->id)
            .decimalField("quantity", rng.between(1, 2000), 0)
            .endObject();
    w.endArray().field("snapshot_id", portfolioId).endObject();
    w.key("scenarios").beginObject();
    QList<QByteArray> names = scenarioNames;
    std::sort(names.begin(), names.end());
    for (const QByteArray &name : std::as_const(names)) {
        w.key(name.constData()).beginObject();
        if (name != "baseline")
            w.field("description", "What-if: " + name);
        w.key("options").beginObject();
        if (name == "tax_aware")
            w.key("enable_tax_awareness").boolean(true);
        else if (name == "min_turnover")
            w.decimalField("max_turnover_pct", rng.between(5, 20), 2);
        else if (name == "cash_only")
            w.key("allow_sells").boolean(false);
        w.endObject().endObject();
    }
    w.endObject().key("shelf_entries").beginArray();
    for (int i = 0; i < count; ++i)
        w.beginObject().field("instrument_id", shelf.at(i)->id).field("status", "APPROVED").endObject();
    w.endArray().endObject();
    if (bareBatchRequest)
        return batch;

    QByteArray out;
    JsonTextWriter o(out);
    o.beginObject().rawField("batch_request", batch).key("policy_context").beginObject();
    const bool withPack = rng.chance(4000);
    if (withPack)
        o.field("request_policy_pack_id", "pp_" + baseCurrency.toLower() + "_standard");
    else
        o.nullField("request_policy_pack_id");
    o.field("tenant_default_policy_pack_id", "pp_default")
        .field("tenant_id", "tenant_" + baseCurrency.toLower())
        .endObject();
    if (rng.chance(3000)) {
        o.key("source_context")
            .beginObject()
            .field("channel", "support_console")
            .field("requested_by", "ops_batch")
            .endObject();
    } else {
        o.nullField("source_context");
    }
    o.endObject();
    return out;
}

QByteArray buildDemoBatchResult(const QByteArray &batchRunId, const QByteArray &runAtUtc, const QByteArray &portfolioId,
    const QByteArray &baseCurrency, const QList<DemoScenario> &scenarios)
{
    QList<const DemoScenario *> sorted;
    for (const DemoScenario &scenario : scenarios)
        sorted << &scenario;
    std::sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) { return a->name < b->name; });

    QByteArray out;
    JsonTextWriter w(out);
    w.beginObject()
        .key("base_snapshot_ids")
        .beginObject()
        .field("market_data_snapshot_id", "md")
        .field("portfolio_snapshot_id", portfolioId)
        .endObject()
        .field("batch_run_id", batchRunId)
        .key("comparison_metrics")
        .beginObject();
    bool anyFailed = false;
    for (const DemoScenario *scenario : std::as_const(sorted)) {
        if (!scenario->failure.isEmpty()) {
            anyFailed = true;
            continue;
        }
        w.key(scenario->name.constData())
            .beginObject()
            .moneyField("gross_turnover_notional_base", scenario->result.grossTurnoverCents, baseCurrency)
            .integerField("security_intent_count", scenario->result.securityIntentCount)
            .field("status", scenario->result.status)
            .endObject();
    }
    w.endObject().key("failed_scenarios").beginObject();
    for (const DemoScenario *scenario : std::as_const(sorted)) {
        if (!scenario->failure.isEmpty())
            w.field(scenario->name.constData(), scenario->failure);
    }
    w.endObject().key("results").beginObject();
    for (const DemoScenario *scenario : std::as_const(sorted)) {
        if (scenario->failure.isEmpty())
            w.rawField(scenario->name.constData(), scenario->result.result);
    }
    w.endObject().field("run_at_utc", runAtUtc).key("warnings").beginArray();
    if (anyFailed)
        w.string("PARTIAL_BATCH_FAILURE");
    w.endArray().endObject();
    return out;
}

QByteArray buildDemoOperationError(quint64 payloadSeed)
{
    struct Failure
    {
        const char *code;
        const char *message;
    };
    static constexpr std::array<Failure, 5> kFailures { {
        { "ValueError", "scenario options invalid: max_turnover_pct must be between 0 and 1" },
        { "ValueError", "portfolio snapshot has no positions and no cash" },
        { "KeyError", "'market_data_snapshot'" },
        { "TimeoutError", "market data service did not answer within 30 s" },
        { "RuntimeError", "DPM_ASYNC_EXECUTION_ABORTED: worker shut down during execution" },
    } };
    DemoRandom rng(payloadSeed);
    const Failure &failure = kFailures[std::size_t(rng.below(kFailures.size()))];
    QByteArray out;
    JsonTextWriter(out).beginObject().field("code", failure.code).field("message", failure.message).endObject();
    return out;
}

} // namespace dpm
