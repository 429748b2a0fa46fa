// SqlProposalStore: the lineage links of proposal versions (ProposalCorrelationLink).

#include "store/sqlproposalstore.h"

#include "store/sqldatabase.h"

#include <QSet>

#include <map>

namespace dpm {

namespace {

constexpr qsizetype kChunk = 200; // ids per statement, well under SQLite's parameter limit

const QString kCorrelationIndex = QStringLiteral("ix_console_proposal_versions_correlation");

bool hasCorrelationIndex(SqlDatabase &db)
{
    // Asked on every call: the console may apply console/0008 while the store is open.
    SqlRows q = db.dialect().isPostgres()
        ? db.exec(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"), { kCorrelationIndex })
        : db.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"), { kCorrelationIndex });
    return q.next() && (!db.dialect().isPostgres() || q.value(0).toBool());
}

} // namespace

QString SqlProposalStore::indexedCorrelationExpression(bool postgres)
{
    return postgres ? QStringLiteral("console_proposal_result_correlation(proposal_result_json)")
                    : QStringLiteral("(CASE WHEN json_valid(proposal_result_json) "
                                     "THEN json_extract(proposal_result_json, '$.correlation_id') END)");
}

QList<ProposalCorrelationLink> SqlProposalStore::listCorrelationLinks(const QStringList &correlationIds,
    const QStringList &proposalIds)
{
    requireAvailable();
    const QSet<QString> correlations(correlationIds.cbegin(), correlationIds.cend());
    const QSet<QString> proposals(proposalIds.cbegin(), proposalIds.cend());
    // The correlation id sits inside proposal_result_json. With console/0008 an index on the
    // result's top-level correlation_id finds the candidates; without it (a store the service
    // wrote, opened as it is; a separate proposal store) a plain substring test of the quoted id
    // does, scanning every version but parsing no JSON in SQL (a row that is not JSON never fails
    // the read, Part A §11). Either way each candidate's result is then parsed here and kept only
    // when its top-level correlation_id is the id. Same rows on both SQL backends and in memory.
    const bool postgres = m_db.dialect().isPostgres();
    const bool indexed = !correlations.isEmpty() && hasCorrelationIndex(m_db);
    const QString contains = postgres ? QStringLiteral("strpos(proposal_result_json, ?) > 0")
                                      : QStringLiteral("instr(proposal_result_json, ?) > 0");
    QStringList needles;
    for (const QString &id : correlations)
        needles << (indexed ? id : QLatin1Char('"') + id + QLatin1Char('"'));
    const QStringList proposalList(proposals.cbegin(), proposals.cend());

    std::map<std::pair<QString, qint64>, ProposalCorrelationLink> links; // (proposal_id, version_no)
    const auto read = [&](const QString &where, const QVariantList &params) {
        SqlRows q = m_db.exec(QStringLiteral("SELECT proposal_id, version_no, created_at, proposal_result_json "
                                             "FROM proposal_versions WHERE %1")
                                  .arg(where),
            params);
        while (q.next()) {
            const QString proposalId = q.value(0).toString();
            const std::optional<QString> correlation = proposalResultCorrelationId(q.value(3).toString());
            if (!correlation || (!correlations.contains(*correlation) && !proposals.contains(proposalId)))
                continue;
            const qint64 versionNo = q.value(1).toLongLong();
            links[{ proposalId, versionNo }] = { proposalId, versionNo, *correlation, q.value(2).toString() };
        }
    };
    for (qsizetype at = 0; at < needles.size(); at += kChunk) {
        const QStringList chunk = needles.mid(at, kChunk);
        if (indexed) { // one index probe per id
            read(
                QStringLiteral("%1 IN (%2)").arg(indexedCorrelationExpression(postgres), sqlPlaceholders(chunk.size())),
                QVariantList(chunk.cbegin(), chunk.cend()));
        } else {
            QStringList tests(chunk.size(), contains);
            read(tests.join(QStringLiteral(" OR ")), QVariantList(chunk.cbegin(), chunk.cend()));
        }
    }
    for (qsizetype at = 0; at < proposalList.size(); at += kChunk) {
        const QStringList chunk = proposalList.mid(at, kChunk);
        read(QStringLiteral("proposal_id IN (%1)").arg(sqlPlaceholders(chunk.size())),
            QVariantList(chunk.cbegin(), chunk.cend()));
    }
    QList<ProposalCorrelationLink> out;
    out.reserve(qsizetype(links.size()));
    for (const auto &[key, link] : links)
        out << link;
    return out;
}

} // namespace dpm
