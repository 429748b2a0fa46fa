#include "proposals/proposalrows.h"

#include "domain/proposalapijson.h"

#include <QCoreApplication>

namespace dpm {

namespace {

QString title(const char *text)
{
    return QCoreApplication::translate("dpm::ListColumns", text);
}

} // namespace

QList<ListColumn> proposalListColumns()
{
    return { { QStringLiteral("created_at"), title("Created") }, { QStringLiteral("current_state"), title("State") },
        { QStringLiteral("proposal_id"), title("Proposal id") }, { QStringLiteral("portfolio_id"), title("Portfolio") },
        { QStringLiteral("title"), title("Title") }, { QStringLiteral("created_by"), title("Created by") },
        { QStringLiteral("current_version_no"), title("Version") }, { QStringLiteral("mandate_id"), title("Mandate") },
        { QStringLiteral("jurisdiction"), title("Jurisdiction") },
        { QStringLiteral("last_event_at"), title("Last event") } };
}

int proposalStateColumn()
{
    return 1;
}

ListRow proposalListRow(const ProposalRecord &p)
{
    ListRow row;
    row.id = p.proposalId;
    row.status = p.currentState;
    row.values = { p.createdAt, p.currentState, p.proposalId, p.portfolioId, p.title.value_or(QString()), p.createdBy,
        QString::number(p.currentVersionNo), p.mandateId.value_or(QString()), p.jurisdiction.value_or(QString()),
        p.lastEventAt };
    for (const QString &value : std::as_const(row.values))
        row.display << displayCell(value);
    row.json = proposalSummaryJson(p);
    return row;
}

} // namespace dpm
