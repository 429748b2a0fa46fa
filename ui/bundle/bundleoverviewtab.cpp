#include "bundle/bundleoverviewtab.h"

#include "bundle/bundledocument.h"
#include "common/copyablefield.h"
#include "common/entitylink.h"
#include "admin/ruleresultsmodel.h"
#include "common/statuscolors.h"

#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

namespace {

QString gateText(const QJsonValue &gateValue)
{
    if (!gateValue.isObject())
        return BundleOverviewTab::tr("No gate decision (workflow gates were off for this request).");
    const QJsonObject gate = gateValue.toObject();
    QStringList reasons;
    for (const QJsonValue &r : gate.value(QLatin1String("reasons")).toArray()) {
        const QJsonObject reason = r.toObject();
        reasons << BundleOverviewTab::tr("%1 (%2, %3)")
                       .arg(reason.value(QLatin1String("reason_code")).toString(),
                           reason.value(QLatin1String("severity")).toString(),
                           reason.value(QLatin1String("source")).toString());
    }
    QString text = BundleOverviewTab::tr("%1, next step %2")
                       .arg(gate.value(QLatin1String("gate")).toString(),
                           gate.value(QLatin1String("recommended_next_step")).toString());
    if (!reasons.isEmpty())
        text += BundleOverviewTab::tr("; reasons: %1").arg(reasons.join(QLatin1String("; ")));
    return text;
}

} // namespace

BundleOverviewTab::BundleOverviewTab(QWidget *parent)
    : QWidget(parent)
    , m_runId(new CopyableField(tr("run id"), this))
    , m_correlationId(new CopyableField(tr("correlation id"), this))
    , m_requestHash(new CopyableField(tr("request hash"), this))
    , m_idempotencyKey(new CopyableField(tr("idempotency key"), this))
    , m_portfolioId(new CopyableField(tr("portfolio"), this))
    , m_createdAt(new CopyableField(tr("created at"), this))
    , m_link(new CopyableField(tr("link"), this))
    , m_status(new QLabel(this))
    , m_gate(new QLabel(this))
    , m_rulesSummary(new QLabel(this))
    , m_rules(new RuleResultsModel(this))
    , m_rulesView(new QTableView(this))
{
    m_status->setAccessibleName(tr("Run status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_gate->setAccessibleName(tr("Gate decision"));
    m_gate->setWordWrap(true);
    m_gate->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_rulesSummary->setAccessibleName(tr("Rule results summary"));

    auto *form = new QFormLayout;
    form->addRow(tr("Run id:"), m_runId);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Correlation id:"), m_correlationId);
    form->addRow(tr("Request hash:"), m_requestHash);
    form->addRow(tr("Idempotency key:"), m_idempotencyKey);
    form->addRow(tr("Portfolio:"), m_portfolioId);
    form->addRow(tr("Created at:"), m_createdAt);
    form->addRow(tr("Link:"), m_link);
    form->addRow(tr("Gate decision:"), m_gate);

    m_rulesView->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_rulesView->setModel(m_rules);
    m_rulesView->setAccessibleName(tr("Rule results"));
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setWordWrap(false);
    m_rulesView->verticalHeader()->hide();
    m_rulesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_rulesView->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_rulesSummary);
    layout->addWidget(m_rulesView, 1);
    applyColors();
}

void BundleOverviewTab::setDocument(const BundleDocument &document)
{
    const QJsonObject run = document.json.value(QLatin1String("run")).toObject();
    const QJsonValue result = run.value(QLatin1String("result"));
    auto text = [&run](const char *key) { return run.value(QLatin1String(key)).toString(); };
    m_runId->setValue(text("rebalance_run_id"));
    m_correlationId->setValue(text("correlation_id"));
    m_requestHash->setValue(text("request_hash"));
    m_idempotencyKey->setValue(text("idempotency_key"));
    m_portfolioId->setValue(text("portfolio_id"));
    m_createdAt->setValue(text("created_at"));
    m_link->setValue(entityLink(EntityLinkKind::Run, text("rebalance_run_id")));

    m_statusValue = result.toObject().value(QLatin1String("status")).toString();
    if (!result.isObject())
        m_status->setText(tr("unknown (the result is not JSON)"));
    else
        m_status->setText(m_statusValue.isEmpty() ? tr("(no status)") : m_statusValue);
    m_gate->setText(gateText(result.toObject().value(QLatin1String("gate_decision"))));

    m_rules->setRules(result.toObject().value(QLatin1String("rule_results")).toArray());
    m_rulesSummary->setText(m_rules->rowCount() == 0 ? tr("No rule results.")
                                                     : tr("Rule results: %1 failed of %2 (failures first)")
                                                           .arg(m_rules->failedCount())
                                                           .arg(m_rules->rowCount()));
    m_rulesView->resizeColumnsToContents();
    applyColors();
}

QString BundleOverviewTab::statusText() const
{
    return m_statusValue;
}

void BundleOverviewTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

void BundleOverviewTab::applyColors()
{
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, runStatusColor(m_statusValue, palette()));
    m_status->setPalette(statusPalette);
    m_rules->setFailColor(badColor(palette()));
}

} // namespace dpm
