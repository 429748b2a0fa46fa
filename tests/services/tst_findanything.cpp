// Find by any identifier across both domains (services/finder.h findAnything): the DPM matches
// as findByIdentifier gives them, then the proposal matches, on each backend (run once per
// backend as the store contract is).

#include "backendstore.h"
#include "demo/demoproposals.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "services/finder.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

class FindAnything : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;
    DemoProposal m_proposal;

private Q_SLOTS:
    void init()
    {
        DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "findanything");
        DemoProposalOptions options;
        options.toMicros = *timestampMicros(QStringLiteral("2026-03-31T00:00:00+00:00"));
        options.fromMicros = options.toMicros - 30LL * 24 * 3600 * 1000000;
        // The first demo proposal with an approval, an idempotency row and an operation.
        for (qint64 i = 0; m_proposal.record.proposalId.isEmpty() && i < 50; ++i) {
            const DemoProposal p = generateDemoProposal(i, options);
            if (!p.approvals.isEmpty() && !p.idempotency.isEmpty() && !p.operations.isEmpty())
                m_proposal = p;
        }
        QVERIFY(!m_proposal.record.proposalId.isEmpty());
        guarded([&] { writeDemoProposal(m_store->proposals(), m_proposal); });
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void proposalRows_matchWithTheirKinds()
    {
        guarded([&] {
            const QString id = m_proposal.record.proposalId;
            const ProposalAsyncOperation &op = m_proposal.operations.constFirst();
            const QList<std::pair<QString, ProposalIdentifierKind>> cases {
                { id, ProposalIdentifierKind::ProposalId },
                { m_proposal.versions.constFirst().proposalVersionId, ProposalIdentifierKind::ProposalVersionId },
                { m_proposal.events.constFirst().eventId, ProposalIdentifierKind::EventId },
                { m_proposal.approvals.constFirst().approvalId, ProposalIdentifierKind::ApprovalId },
                { m_proposal.idempotency.constFirst().idempotencyKey, ProposalIdentifierKind::IdempotencyKey },
                { op.operationId, ProposalIdentifierKind::OperationId },
            };
            for (const auto &[identifier, kind] : cases) {
                const FindResult found = findAnything(*m_store, QStringLiteral("  ") + identifier + QStringLiteral("\n"));
                QVERIFY(found.matches.isEmpty());
                QCOMPARE(found.proposalMatches.size(), 1);
                QCOMPARE(found.proposalMatches.constFirst().kind, kind);
                QCOMPARE(found.proposalMatches.constFirst().proposalId, std::optional<QString>(id));
                QVERIFY(found.proposalMatches.constFirst().proposalExists);
            }
        });
    }

    void dpmAndProposalMatches_json_dpmFirstAndUnchanged()
    {
        guarded([&] {
            // A run whose id is also a proposal operation's correlation id.
            const QString shared = m_proposal.operations.constFirst().correlationId;
            RebalanceRun run;
            run.rebalanceRunId = shared;
            run.correlationId = QStringLiteral("corr_run_shared");
            run.requestHash = QStringLiteral("sha256:shared");
            run.portfolioId = QStringLiteral("pf_A");
            run.createdAt = QStringLiteral("2026-03-01T00:00:00+00:00");
            run.resultJson = QStringLiteral("{}");
            m_store->saveRun(run);

            const FindResult found = findAnything(*m_store, shared);
            QCOMPARE(found.matches, findByIdentifier(*m_store, shared));
            QCOMPARE(found.matches.size(), 1);
            QCOMPARE(found.proposalMatches.size(), 1);
            QCOMPARE(found.proposalMatches.constFirst().kind, ProposalIdentifierKind::OperationCorrelationId);

            const QJsonArray items = findResultJson(shared, found).value(QStringLiteral("matches")).toArray();
            QCOMPARE(items.size(), 2);
            QCOMPARE(items.at(0).toObject(), identifierMatchJson(found.matches.constFirst()));
            QCOMPARE(items.at(1).toObject(),
                (QJsonObject { { QStringLiteral("kind"), QStringLiteral("proposal_operation_correlation_id") },
                    { QStringLiteral("proposal_id"), m_proposal.record.proposalId },
                    { QStringLiteral("proposal_exists"), true }, { QStringLiteral("version_no"), QJsonValue::Null },
                    { QStringLiteral("operation_id"), m_proposal.operations.constFirst().operationId } }));
            // The DPM-only JSON is what it was.
            QCOMPARE(findResultJson(shared, found.matches),
                (QJsonObject { { QStringLiteral("identifier"), shared },
                    { QStringLiteral("matches"), QJsonArray { identifierMatchJson(found.matches.constFirst()) } } }));
        });
    }

    void nothing_isEmpty_andBlankIsInvalid()
    {
        guarded([&] { QVERIFY(findAnything(*m_store, QStringLiteral("nothing-has-this")).isEmpty()); });
        EXPECT_ERROR(findAnything(*m_store, QStringLiteral(" \t")), "INVALID_IDENTIFIER");
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(FindAnything)
#include "tst_findanything.moc"
