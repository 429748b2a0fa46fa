// The Proposals page and the proposal pane on a store filled with demo proposals (run twice:
// on a memory store, and with DPM_TEST_BACKEND=sqlite on a migrated SQLite file): the
// listing with its filters and keyset pages, the timeline's merge order, the diff of two
// versions, the integrity findings of an injected fault (pane and "Check all"), and the
// omni-search opening a proposal by a version id. Every model runs under
// QAbstractItemModelTester.
#include "awaitfuture.h"
#include "common/consolesettings.h"
#include "common/entitylink.h"
#include "common/jsontreemodel.h"
#include "common/jsontreeview.h"
#include "common/statuscolors.h"
#include "demo/demoproposals.h"
#include "domain/appidentity.h"
#include "domain/timestamp.h"
#include "listing/keysetlistmodel.h"
#include "lineage/lineagenodepanel.h"
#include "lineage/lineagepage.h"
#include "listing/listingview.h"
#include "proposals/proposalcheckallpanel.h"
#include "proposals/proposaldiffmodel.h"
#include "proposals/proposaldifftab.h"
#include "proposals/proposalfindingsmodel.h"
#include "proposals/proposalpane.h"
#include "proposals/proposalspage.h"
#include "proposals/proposaltablemodels.h"
#include "proposals/proposaltimelinemodel.h"
#include "proposals/proposalversionviewer.h"
#include "services/proposaldiff.h"
#include "services/proposalintegrity.h"
#include "session/storesession.h"
#include "shell/mainwindow.h"
#include "shell/omnisearch.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"
#include "testbackend.h"
#include "widgetlookup.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;
using dpm::test::await;
using dpm::test::byName;

namespace {

constexpr int kProposals = 130; // two injected faults at 60 and 121 when asked for

DemoProposalOptions demoOptions(bool faults)
{
    DemoProposalOptions options;
    options.seed = 14;
    options.fromMicros = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
    options.toMicros = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
    options.withIntegrityFaults = faults;
    return options;
}

QList<DemoProposal> demoProposals(bool faults)
{
    QList<DemoProposal> all;
    for (int i = 0; i < kProposals; ++i)
        all << generateDemoProposal(i, demoOptions(faults));
    return all;
}

void writeProposals(StoreSession &session, const QList<DemoProposal> &proposals)
{
    await(session.run([proposals](SupportStore &store) {
        for (const DemoProposal &p : proposals)
            writeDemoProposal(store.proposals(), p);
        return 0;
    }));
}

// The first demo proposal with at least `versions` versions.
const DemoProposal &withVersions(const QList<DemoProposal> &all, int versions)
{
    for (const DemoProposal &p : all) {
        if (p.versions.size() >= versions && p.injectedFault.isEmpty())
            return p;
    }
    qFatal("no demo proposal with %d versions", versions);
}

} // namespace

class TestProposalsPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<DemoProposal> m_demo = demoProposals(true);
    std::unique_ptr<StoreSession> m_session;

    // A new, empty store of this run's backend, migrated.
    StoreLocation freshStore(const QString &name)
    {
        if (dpm::test::testBackend() == dpm::test::TestBackend::Memory)
            return StoreLocation::memory();
        const StoreLocation location = StoreLocation::sqlite(m_dir.filePath(name + QStringLiteral(".db")));
        StoreSession migrate(location);
        await(migrate.open(OpenOptions { .applyMigrations = true }));
        return location;
    }

    static bool waitLoaded(ProposalPane &pane)
    {
        return QTest::qWaitFor([&] { return pane.state() == ProposalPane::State::Loaded; }, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        setApplicationIdentity();
        ConsoleSettings::instance().setFileForTesting(m_dir.filePath(QStringLiteral("settings.ini")));
        m_session = std::make_unique<StoreSession>(freshStore(QStringLiteral("shared")));
        await(m_session->open());
        writeProposals(*m_session, m_demo);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        ConsoleSettings::instance().closeFileForTesting();
    }

    void listing_pagesByKeysetAsTheViewScrolls()
    {
        ProposalsPage page;
        KeysetListModel *model = page.listing()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setPageSize(50);
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 50, 30000);
        QVERIFY(model->hasMore());
        QVERIFY(page.listing()->footerText().contains(QStringLiteral("more available")));
        while (model->canFetchMore({})) {
            const int before = model->rowCount();
            model->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > before || !model->hasMore(), 30000);
        }
        QCOMPARE(model->rowCount(), kProposals);
        // created_at DESC, proposal_id DESC, and every row once.
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row) {
            ids << model->row(row).id;
            if (row > 0) {
                const auto key = [&](int r) {
                    return std::pair(model->row(r).values.at(0), model->row(r).id);
                };
                QVERIFY2(key(row - 1) > key(row), qPrintable(model->row(row).id));
            }
        }
        QCOMPARE(ids.size(), kProposals);
        // The state column is a badge in the state's colour.
        const QModelIndex state = model->index(0, 1);
        QVERIFY(state.data(Qt::ForegroundRole).canConvert<QColor>());
        QVERIFY(page.listing()->table()->itemDelegateForColumn(1) != nullptr);
        QCOMPARE(model->row(0).json.value(QStringLiteral("proposal_id")).toString(), model->row(0).id);
    }

    void listing_filtersMatchEveryField()
    {
        ProposalsPage page;
        KeysetListModel *model = page.listing()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setPageSize(500);
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kProposals, 30000);

        // State: exactly the stored proposals in that state.
        const DemoProposal &sample = m_demo.at(3);
        const QString state = sample.record.currentState;
        const auto expected = [&](auto matches) {
            int n = 0;
            for (const DemoProposal &p : m_demo)
                n += matches(p.record) ? 1 : 0;
            return n;
        };
        ProposalFilter filter;
        filter.state = state;
        page.setFilter(filter);
        const int inState = expected([&](const ProposalRecord &r) { return r.currentState == state; });
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), inState, 30000);
        QVERIFY(!model->isLoading());
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->row(row).status, state);
        QCOMPARE(byName<QComboBox>(&page, QStringLiteral("State:"))->currentText(), state);

        // Portfolio and creator typed into their fields, applied with Enter.
        page.clearFilters();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kProposals, 30000);
        auto *portfolio = byName<QLineEdit>(&page, QStringLiteral("Portfolio:"));
        QVERIFY(portfolio);
        QTest::keyClicks(portfolio, sample.record.portfolioId);
        QTest::keyClick(portfolio, Qt::Key_Return);
        const int inPortfolio
            = expected([&](const ProposalRecord &r) { return r.portfolioId == sample.record.portfolioId; });
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == inPortfolio, 30000);
        QVERIFY(inPortfolio < kProposals);
        auto *creator = byName<QLineEdit>(&page, QStringLiteral("Created by:"));
        QVERIFY(creator);
        QTest::keyClicks(creator, sample.record.createdBy);
        QTest::keyClick(creator, Qt::Key_Return);
        const int both = expected([&](const ProposalRecord &r) {
            return r.portfolioId == sample.record.portfolioId && r.createdBy == sample.record.createdBy;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == both, 30000);
        QVERIFY(both >= 1);

        // The created range (whole seconds, as the range fields hold them): the sample's day.
        page.clearFilters();
        const QDateTime created = parseTimestamp(sample.record.createdAt);
        const QDateTime dayStart(created.date(), QTime(0, 0), Qt::UTC);
        const QDateTime dayEnd(created.date(), QTime(23, 59, 59), Qt::UTC);
        filter = {};
        filter.createdFrom = formatTimestamp(dayStart);
        filter.createdTo = formatTimestamp(dayEnd);
        page.setFilter(filter);
        const int onThatDay = expected([&](const ProposalRecord &r) {
            const QDateTime at = parseTimestamp(r.createdAt);
            return at >= dayStart && at <= dayEnd;
        });
        QVERIFY(onThatDay >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == onThatDay, 30000);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(parseTimestamp(model->row(row).values.at(0)).date(), created.date());
    }

    void timeline_mergesEventsAndApprovalsOldestFirst()
    {
        ProposalTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto event = [](const QString &id, const QString &at, const QString &type) {
            ProposalWorkflowEvent e;
            e.eventId = id;
            e.occurredAt = at;
            e.eventType = type;
            e.toState = QStringLiteral("X");
            e.reasonJson = QStringLiteral("{\"b\": 1,\n \"a\": [1, 2]}");
            return e;
        };
        ProposalApproval approval;
        approval.approvalId = QStringLiteral("apr_1");
        approval.approvalType = QStringLiteral("RISK");
        approval.approved = true;
        approval.occurredAt = QStringLiteral("2026-01-02T10:00:00.000000+00:00");
        approval.detailsJson = QStringLiteral("{}");
        approval.relatedVersionNo = 1;
        ProposalApproval early = approval;
        early.approvalId = QStringLiteral("apr_0");
        early.approved = false;
        early.occurredAt = QStringLiteral("2026-01-01T09:00:00.000000+00:00");
        // The approval shares its instant with the RISK_APPROVED event: the event comes first.
        model.setHistory({ event(QStringLiteral("ev_1"), QStringLiteral("2026-01-01T08:00:00.000000+00:00"),
                               QStringLiteral("CREATED")),
                             event(QStringLiteral("ev_2"), QStringLiteral("2026-01-02T10:00:00.000000+00:00"),
                                 QStringLiteral("RISK_APPROVED")) },
            { approval, early });
        QCOMPARE(model.rowCount(), 4);
        QStringList ids;
        for (int row = 0; row < 4; ++row)
            ids << model.index(row, 0).data(ProposalTimelineModel::IdRole).toString();
        QCOMPARE(ids, (QStringList { "ev_1", "apr_0", "ev_2", "apr_1" }));
        QCOMPARE(model.index(1, 0).data(ProposalTimelineModel::EntryKindRole).toString(), QStringLiteral("approval"));
        QCOMPARE(model.index(1, ProposalTimelineModel::ApprovalColumn).data().toString(), QStringLiteral("RISK: REJECTED"));
        QCOMPARE(model.index(0, ProposalTimelineModel::StatesColumn).data().toString(), QStringLiteral("→ X"));
        QCOMPARE(model.index(0, ProposalTimelineModel::DetailsColumn).data().toString(),
            QStringLiteral("{\"a\":[1,2],\"b\":1}"));
        QCOMPARE(model.eventCount(), 2);
        QCOMPARE(model.approvalCount(), 2);
    }

    void pane_showsTheProposalsHistoryInOrder()
    {
        const DemoProposal &demo = withVersions(m_demo, 2);
        ProposalPane pane;
        QAbstractItemModelTester timeline(pane.timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester versions(pane.versionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester operations(
            pane.operationsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.setSession(m_session.get());
        pane.show();
        pane.showProposal(demo.record.proposalId);
        QVERIFY(waitLoaded(pane));
        QVERIFY(pane.headerText().contains(demo.record.currentState));
        QVERIFY(pane.headerText().contains(demo.record.portfolioId));
        ProposalTimelineModel *model = pane.timelineModel();
        QCOMPARE(model->rowCount(), demo.events.size() + demo.approvals.size());
        for (int row = 1; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row - 1, 0).data(ProposalTimelineModel::OccurredAtRole).toString()
                <= model->index(row, 0).data(ProposalTimelineModel::OccurredAtRole).toString());
        }
        QCOMPARE(model->index(0, ProposalTimelineModel::EntryColumn).data().toString(), QStringLiteral("CREATED"));
        QCOMPARE(pane.versionsModel()->rowCount(), demo.versions.size());
        // The current version opens in the viewer, its artifact hash verified on a worker.
        ProposalVersionViewer *viewer = pane.versionViewer();
        QTRY_VERIFY_WITH_TIMEOUT(viewer->hashBannerText().contains(QStringLiteral("verified")), 30000);
        QCOMPARE(viewer->versionNo(), demo.record.currentVersionNo);
        QVERIFY(viewer->artifactView()->model()->rowCount() > 0);
        QVERIFY(viewer->evidenceView()->model()->rowCount() > 0);
        QCOMPARE(pane.operationsModel()->rowCount(),
            std::count_if(demo.operations.cbegin(), demo.operations.cend(),
                [&](const ProposalAsyncOperation &o) { return o.proposalId == demo.record.proposalId; }));
        QCOMPARE(pane.idempotencyModel()->rowCount(), demo.idempotency.size());
        QVERIFY(pane.integritySummary().contains(QStringLiteral("No integrity findings")));
    }

    void diffModel_groupsDifferencesByPathSegments()
    {
        ProposalDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject before
            = QJsonDocument::fromJson("{\"intents\":[{\"side\":\"BUY\",\"qty\":1}],\"a/b\":1,\"gone\":true}").object();
        const QJsonObject after
            = QJsonDocument::fromJson("{\"intents\":[{\"side\":\"SELL\",\"qty\":1},{\"side\":\"BUY\"}],\"a/b\":1}").object();
        ProposalVersionDiff diff;
        diff.result = diffJson(before, after);
        model.setDiff(diff, QGuiApplication::palette());
        QCOMPARE(model.differenceCount(), int(diff.result.size()));
        QCOMPARE(model.rowCount(), 2); // result, artifact
        const QModelIndex result = model.index(0, 0);
        QCOMPARE(result.data().toString(), QStringLiteral("result"));
        QCOMPARE(model.index(0, ProposalDiffModel::KindColumn).data().toString(), QStringLiteral("3 differences"));
        QCOMPARE(model.index(1, ProposalDiffModel::KindColumn).data().toString(), QStringLiteral("no differences"));
        // result -> gone (removed), intents -> 0 -> side (changed), intents -> 1 (added)
        QModelIndex gone, intents;
        for (int row = 0; row < model.rowCount(result); ++row) {
            const QModelIndex child = model.index(row, 0, result);
            if (child.data().toString() == QLatin1String("gone"))
                gone = child;
            if (child.data().toString() == QLatin1String("intents"))
                intents = child;
        }
        QVERIFY(gone.isValid() && intents.isValid());
        QCOMPARE(gone.data(ProposalDiffModel::KindRole).toString(), QStringLiteral("removed"));
        QCOMPARE(gone.data(Qt::ForegroundRole).value<QBrush>().color(), badColor(QGuiApplication::palette()));
        QCOMPARE(model.index(intents.row(), ProposalDiffModel::KindColumn, result).data().toString(),
            QStringLiteral("2 differences"));
        const QModelIndex first = model.index(0, 0, intents);
        QCOMPARE(first.data().toString(), QStringLiteral("0"));
        const QModelIndex side = model.index(0, 0, first);
        QCOMPARE(side.data(ProposalDiffModel::PointerRole).toString(), QStringLiteral("/intents/0/side"));
        QCOMPARE(model.index(0, ProposalDiffModel::BeforeColumn, first).data().toString(), QStringLiteral("\"BUY\""));
        QCOMPARE(model.index(0, ProposalDiffModel::AfterColumn, first).data().toString(), QStringLiteral("\"SELL\""));
        QCOMPARE(side.data(Qt::ForegroundRole).value<QBrush>().color(), warningColor(QGuiApplication::palette()));
        const QModelIndex added = model.index(1, 0, intents);
        QCOMPARE(added.data(ProposalDiffModel::KindRole).toString(), QStringLiteral("added"));
        QCOMPARE(added.data(Qt::ForegroundRole).value<QBrush>().color(), goodColor(QGuiApplication::palette()));
        QCOMPARE(jsonPointerSegments(QStringLiteral("/a~1b/~0x")), (QStringList { "a/b", "~x" }));
    }

    void diffTab_comparesTwoChosenVersions()
    {
        const DemoProposal &demo = withVersions(m_demo, 3);
        ProposalPane pane;
        pane.setSession(m_session.get());
        pane.show();
        pane.showProposal(demo.record.proposalId);
        QVERIFY(waitLoaded(pane));
        ProposalDiffTab *tab = pane.diffTab();
        QAbstractItemModelTester tester(tab->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filtered(tab->filteredModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy compared(tab, &ProposalDiffTab::compared);
        pane.tabs()->setCurrentIndex(ProposalPane::DiffTab); // the latest two by default
        QVERIFY(compared.wait(30000));
        QCOMPARE(tab->diff()->fromVersion, demo.versions.size() - 1);
        QCOMPARE(tab->diff()->toVersion, demo.versions.size());
        tab->compare(1, 3);
        QVERIFY(compared.wait(30000));
        const ProposalVersionDiff expected = await(m_session->run([id = demo.record.proposalId](SupportStore &store) {
            return diffProposalVersions(store.proposals(), id, 1, 3);
        }));
        QCOMPARE(tab->model()->differenceCount(), int(expected.result.size() + expected.artifact.size()));
        QVERIFY(tab->model()->differenceCount() > 0);
        QVERIFY(tab->summaryText().contains(QStringLiteral("Version 1 → version 3")));
        // The filter keeps matching leaves with their groups and drops the rest.
        const JsonDifference &one = expected.artifact.isEmpty() ? expected.result.first() : expected.artifact.first();
        const QString leaf = jsonPointerSegments(one.path).last();
        tab->filterField()->setText(leaf);
        QVERIFY(tab->filteredModel()->rowCount() >= 1);
        tab->filterField()->setText(QStringLiteral("no-such-path-anywhere"));
        QCOMPARE(tab->filteredModel()->rowCount(), 0);
    }

    void integrityTab_namesTheInjectedFault()
    {
        const DemoProposal &broken = m_demo.at(60);
        QVERIFY(!broken.injectedFault.isEmpty());
        ProposalPane pane;
        QAbstractItemModelTester tester(pane.findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.setSession(m_session.get());
        pane.show();
        pane.showProposal(broken.record.proposalId);
        QVERIFY(waitLoaded(pane));
        QStringList codes;
        for (int row = 0; row < pane.findingsModel()->rowCount(); ++row)
            codes << pane.findingsModel()->index(row, 0).data(ProposalFindingsModel::CodeRole).toString();
        QVERIFY2(codes.contains(broken.injectedFault), qPrintable(codes.join(QLatin1Char(' '))));
        QVERIFY(pane.integritySummary().contains(QStringLiteral("finding")));
        QVERIFY(pane.tabs()->tabText(ProposalPane::IntegrityTab).contains(QString::number(codes.size())));
    }

    void checkAll_findsEveryInjectedFaultWithProgress()
    {
        ProposalsPage page;
        ProposalCheckAllPanel *panel = page.checkAllPanel();
        QAbstractItemModelTester tester(panel->findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.setSession(m_session.get());
        QSignalSpy finished(panel, &ProposalCheckAllPanel::finished);
        panel->start();
        QVERIFY(panel->isRunning());
        QVERIFY(finished.wait(60000));
        QVERIFY(panel->report());
        QCOMPARE(panel->report()->proposalsChecked, kProposals);
        QVERIFY(!panel->report()->cancelled);
        QSet<QString> faulty;
        for (const ProposalFinding &f : panel->report()->findings)
            faulty << f.proposalId;
        QCOMPARE(faulty, (QSet<QString> { m_demo.at(60).record.proposalId, m_demo.at(121).record.proposalId }));
        QVERIFY(panel->statusText().contains(QStringLiteral("130 proposals checked")));
        QCOMPARE(panel->findingsModel()->rowCount(), panel->report()->findings.size());

        // Cancelled before it starts: the check stops and says what it covered.
        panel->start();
        panel->cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(panel->report()->cancelled);
        QVERIFY(panel->statusText().startsWith(QStringLiteral("Cancelled.")));
    }

    void omniSearch_opensAProposalByVersionId()
    {
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(freshStore(QStringLiteral("window")), false, false);
        QVERIFY(opened.wait(60000));
        const QList<DemoProposal> first = m_demo.mid(0, 10);
        writeProposals(*window.session(), first);
        const DemoProposal &demo = withVersions(first, 2);
        const ProposalVersion &version = demo.versions.first();

        QSignalSpy handled(&window, &MainWindow::searchHandled);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(window.omniSearch()->hasFocus());
        QTest::keyClicks(window.omniSearch(), version.proposalVersionId);
        QTest::keyClick(window.omniSearch(), Qt::Key_Return);
        QVERIFY(handled.wait(30000));
        QCOMPARE(handled.first().at(1).toInt(), 1);
        ProposalPane *pane = window.proposalPane();
        QVERIFY(waitLoaded(*pane));
        QCOMPARE(pane->currentProposalId(), demo.record.proposalId);
        QCOMPARE(window.currentPlace().page, QStringLiteral("proposal"));
        QCOMPARE(pane->tabs()->currentIndex(), int(ProposalPane::VersionsTab));
        QTRY_COMPARE_WITH_TIMEOUT(pane->versionViewer()->versionNo(), version.versionNo, 30000);

        // The proposal id itself, then Back returns to the version's pane; the listing is a page.
        window.showPage(QStringLiteral("proposals"));
        QTRY_COMPARE_WITH_TIMEOUT(window.proposalsPage()->listing()->model()->rowCount(), 10, 30000);
        window.goBack();
        QCOMPARE(window.currentPlace().page, QStringLiteral("proposal"));
    }

    void proposalLink_roundTripsWithAndWithoutVersion()
    {
        QCOMPARE(proposalLink(QStringLiteral("pp_1a2b")), QStringLiteral("dpm://proposal/pp_1a2b"));
        QCOMPARE(proposalLink(QStringLiteral("pp_1a2b"), 3), QStringLiteral("dpm://proposal/pp_1a2b/version/3"));
        QCOMPARE(parseEntityLink(QStringLiteral(" dpm://proposal/pp_1a2b/version/3 ")),
            (EntityLink { EntityLinkKind::Proposal, QStringLiteral("pp_1a2b"), 3 }));
        QCOMPARE(parseEntityLink(QStringLiteral("dpm://proposal/pp_1a2b")),
            (EntityLink { EntityLinkKind::Proposal, QStringLiteral("pp_1a2b"), std::nullopt }));
        // An id with "/version/" in it survives: its slashes are percent-encoded.
        const QString odd = QStringLiteral("odd/version/7");
        QCOMPARE(parseEntityLink(proposalLink(odd)), (EntityLink { EntityLinkKind::Proposal, odd, std::nullopt }));
        QCOMPARE(parseEntityLink(proposalLink(odd, 2)), (EntityLink { EntityLinkKind::Proposal, odd, 2 }));
        // Other kinds never take a version.
        QCOMPARE(parseEntityLink(QStringLiteral("dpm://run/rr_1/version/2"))->versionNo, std::nullopt);
    }

    void proposalLink_opensThePaneOnTheVersion_andCopyLinkGivesItBack()
    {
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(freshStore(QStringLiteral("links")), false, false);
        QVERIFY(opened.wait(60000));
        const QList<DemoProposal> first = m_demo.mid(0, 10);
        writeProposals(*window.session(), first);
        const DemoProposal &demo = withVersions(first, 2);
        const QString link = QStringLiteral("dpm://proposal/%1/version/2").arg(demo.record.proposalId);

        QSignalSpy handled(&window, &MainWindow::searchHandled);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTest::keyClicks(window.omniSearch(), link);
        QTest::keyClick(window.omniSearch(), Qt::Key_Return);
        QVERIFY(handled.count() == 1 || handled.wait(30000));
        ProposalPane *pane = window.proposalPane();
        QVERIFY(waitLoaded(*pane));
        QCOMPARE(pane->currentProposalId(), demo.record.proposalId);
        QCOMPARE(window.currentPlace().page, QStringLiteral("proposal"));
        QCOMPARE(pane->tabs()->currentIndex(), int(ProposalPane::VersionsTab));
        QTRY_COMPARE_WITH_TIMEOUT(pane->versionViewer()->versionNo(), qint64(2), 30000);

        // Copy link: the version shown on the Versions tab; the proposal alone elsewhere.
        QCOMPARE(pane->currentLink(), link);
        auto *copy = pane->findChild<QToolButton *>(QStringLiteral("proposalCopyLinkButton"));
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), link);
        pane->tabs()->setCurrentIndex(ProposalPane::TimelineTab);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), proposalLink(demo.record.proposalId));
    }

    void lineage_paneOpensTheGraphOnTheProposal_andTheNodePanelOpensItBack()
    {
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(freshStore(QStringLiteral("lineage")), false, false);
        QVERIFY(opened.wait(60000));
        const QList<DemoProposal> first = m_demo.mid(0, 10);
        writeProposals(*window.session(), first);
        const DemoProposal &demo = withVersions(first, 2);

        window.openProposal(demo.record.proposalId);
        ProposalPane *pane = window.proposalPane();
        QVERIFY(waitLoaded(*pane));
        auto *lineage = pane->findChild<QToolButton *>(QStringLiteral("proposalLineageButton"));
        QVERIFY(lineage);
        lineage->click();
        QCOMPARE(window.currentPlace().page, QStringLiteral("lineage"));
        QCOMPARE(window.currentPlace().id, demo.record.proposalId);
        LineagePage *page = window.findChild<LineagePage *>();
        QVERIFY(page);
        QCOMPARE(page->focusedEntity(), demo.record.proposalId);

        // The node panel: the proposal's header and its versions, and Open back to the pane.
        LineageNodePanel *panel = page->nodePanel();
        QSignalSpy loaded(panel, &LineageNodePanel::loaded);
        panel->showNode(demo.record.proposalId, LineageNodeKind::Proposal);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(panel->attribute(QStringLiteral("current_state")), demo.record.currentState);
        QCOMPARE(panel->attribute(QStringLiteral("current_version_no")), QString::number(demo.record.currentVersionNo));
        // Each version a row (its status at creation) with created_at and correlation_id under it.
        for (const ProposalVersion &v : demo.versions) {
            const QList<QTreeWidgetItem *> rows
                = panel->attributes()->findItems(QStringLiteral("version %1").arg(v.versionNo), Qt::MatchExactly);
            QCOMPARE(rows.size(), 1);
            QTreeWidgetItem *row = rows.first();
            QCOMPARE(row->text(1), v.statusAtCreation);
            QCOMPARE(row->childCount(), 2);
            QCOMPARE(row->child(0)->text(1), v.createdAt);
            QCOMPARE(row->child(1)->text(1), *proposalResultCorrelationId(v.proposalResultJson));
        }
        QVERIFY(panel->openButton()->isEnabled());
        panel->openButton()->click();
        QCOMPARE(window.currentPlace().page, QStringLiteral("proposal"));
        QCOMPARE(window.currentPlace().id, demo.record.proposalId);
    }
};

DPM_BACKEND_TEST_MAIN(TestProposalsPage)
#include "tst_proposalspage.moc"
