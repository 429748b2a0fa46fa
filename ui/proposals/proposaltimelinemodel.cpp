#include "proposals/proposaltimelinemodel.h"

#include "common/statuscolors.h"

#include <QGuiApplication>
#include <QJsonDocument>

#include <algorithm>

namespace dpm {

QString compactJsonText(const QString &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (document.isNull())
        return json;
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

ProposalTimelineModel::ProposalTimelineModel(QObject *parent)
    : PreparedTableModel({ tr("Time"), tr("Entry"), tr("From → to"), tr("Actor"), tr("Approval"), tr("Version"),
                             tr("Reason / details"), tr("Id") },
        parent)
{
    setMonospaceColumns({ DetailsColumn, IdColumn });
}

void ProposalTimelineModel::setHistory(
    const QList<ProposalWorkflowEvent> &events, const QList<ProposalApproval> &approvals)
{
    struct Entry
    {
        QString occurredAt;
        int rank; // 0 event, 1 approval: the event first at the same instant
        int index; // stored order
        QStringList cells;
        QString kind;
        int outcome;
    };
    QList<Entry> entries;
    entries.reserve(events.size() + approvals.size());
    const auto version = [](const std::optional<qint64> &no) { return no ? QString::number(*no) : QString(); };
    for (int i = 0; i < events.size(); ++i) {
        const ProposalWorkflowEvent &e = events.at(i);
        const QString states = e.fromState ? QStringLiteral("%1 → %2").arg(*e.fromState, e.toState)
                                           : QStringLiteral("→ %1").arg(e.toState);
        entries << Entry { e.occurredAt, 0, i,
            { e.occurredAt, e.eventType, states, e.actorId, QString(), version(e.relatedVersionNo),
                compactJsonText(e.reasonJson), e.eventId },
            QStringLiteral("event"), 0 };
    }
    for (int i = 0; i < approvals.size(); ++i) {
        const ProposalApproval &a = approvals.at(i);
        const QString outcome = a.approved ? QStringLiteral("APPROVED") : QStringLiteral("REJECTED");
        entries << Entry { a.occurredAt, 1, i,
            { a.occurredAt, tr("approval"), QString(), a.actorId, QStringLiteral("%1: %2").arg(a.approvalType, outcome),
                version(a.relatedVersionNo), compactJsonText(a.detailsJson), a.approvalId },
            QStringLiteral("approval"), a.approved ? 1 : -1 };
    }
    // Timestamps are stored in one fixed format, so text order is time order.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &l, const Entry &r) {
        return std::tie(l.occurredAt, l.rank, l.index) < std::tie(r.occurredAt, r.rank, r.index);
    });
    QList<QStringList> rows;
    m_kinds.clear();
    m_outcomes.clear();
    for (Entry &entry : entries) {
        rows << std::move(entry.cells);
        m_kinds << entry.kind;
        m_outcomes << entry.outcome;
    }
    m_events = int(events.size());
    m_approvals = int(approvals.size());
    setRows(std::move(rows));
}

QVariant ProposalTimelineModel::extraData(int row, int column, int role) const
{
    switch (role) {
    case EntryKindRole:
        return m_kinds.value(row);
    case IdRole:
        return cellText(row, IdColumn);
    case OccurredAtRole:
        return cellText(row, TimeColumn);
    case Qt::ForegroundRole:
        if (column == ApprovalColumn && m_outcomes.value(row) != 0) {
            const QPalette palette = QGuiApplication::palette();
            return m_outcomes.value(row) > 0 ? goodColor(palette) : badColor(palette);
        }
        return {};
    }
    return {};
}

} // namespace dpm
