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
    return { { QStringLiteral("created_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Created")) }, { QStringLiteral("current_state"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "State")) },
        { QStringLiteral("proposal_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Proposal id")) }, { QStringLiteral("portfolio_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Portfolio")) },
        { QStringLiteral("title"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Title")) }, { QStringLiteral("created_by"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Created by")) },
        { QStringLiteral("current_version_no"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Version")) }, { QStringLiteral("mandate_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Mandate")) },
        { QStringLiteral("jurisdiction"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Jurisdiction")) },
        { QStringLiteral("last_event_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Last event")) } };
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
