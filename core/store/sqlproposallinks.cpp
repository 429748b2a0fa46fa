// SqlProposalStore: the lineage links of proposal versions (ProposalCorrelationLink).

#include "store/sqlproposalstore.h"

#include "store/sqldatabase.h"

#include <QSet>

#include <map>

namespace dpm {

namespace {

constexpr qsizetype kChunk = 200; // ids per statement, well under SQLite's parameter limit

} // namespace

QList<ProposalCorrelationLink> SqlProposalStore::listCorrelationLinks(const QStringList &correlationIds,
    const QStringList &proposalIds)
{
    requireAvailable();
    const QSet<QString> correlations(correlationIds.cbegin(), correlationIds.cend());
    const QSet<QString> proposals(proposalIds.cbegin(), proposalIds.cend());
    // The correlation id sits inside proposal_result_json. A plain substring test of the quoted
    // id finds the candidates without parsing any JSON in SQL (a row that is not JSON never fails
    // the read, Part A §11); each candidate's result is then parsed here and kept only when its
    // top-level correlation_id is the id. Same rows on both SQL backends and in memory.
    const QString contains = m_db.dialect().isPostgres() ? QStringLiteral("strpos(proposal_result_json, ?) > 0")
                                                         : QStringLiteral("instr(proposal_result_json, ?) > 0");
    QStringList needles;
    for (const QString &id : correlations)
        needles << QLatin1Char('"') + id + QLatin1Char('"');
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
        QStringList tests(chunk.size(), contains);
        read(tests.join(QStringLiteral(" OR ")), QVariantList(chunk.cbegin(), chunk.cend()));
    }
    for (qsizetype at = 0; at < proposalList.size(); at += kChunk) {
        const QStringList chunk = proposalList.mid(at, kChunk);
        read(QStringLiteral("proposal_id IN (%1)").arg(QStringList(chunk.size(), QStringLiteral("?")).join(QLatin1Char(','))),
            QVariantList(chunk.cbegin(), chunk.cend()));
    }
    QList<ProposalCorrelationLink> out;
    out.reserve(qsizetype(links.size()));
    for (const auto &[key, link] : links)
        out << link;
    return out;
}

} // namespace dpm
