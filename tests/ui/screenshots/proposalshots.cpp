// dpm-proposal-screenshots: the Proposals page and the proposal pane on a memory store of demo
// runs and demo proposals (with injected integrity faults), for a person to look at:
//   xvfb-run -a build/dev/bin/dpm-proposal-screenshots --out /tmp/shots [--proposals 500] [--dark]
// Memory, because that is where the proposal store is complete today; the same pages read SQLite
// and PostgreSQL through the same contract.
#include "common/consolesettings.h"
#include "common/jsontreeview.h"
#include "demo/demogenerator.h"
#include "demo/demoproposals.h"
#include "domain/appidentity.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "proposals/proposalcheckallpanel.h"
#include "proposals/proposaldifftab.h"
#include "proposals/proposalpane.h"
#include "proposals/proposalspage.h"
#include "proposals/proposalversionviewer.h"
#include "session/storesession.h"
#include "shell/mainwindow.h"
#include "store/supportstore.h"
#include "summary/summarypage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTableView>
#include <QTreeView>

#include <cstdio>
#include <functional>

using namespace dpm;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    return done();
}

void save(QWidget *widget, const QString &dir, const QString &name)
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
    else
        std::fprintf(stdout, "%s\n", qPrintable(path));
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Button, QColor(45, 45, 48));
    p.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    p.setColor(QPalette::Highlight, QColor(38, 79, 120));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    return p;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for the PNGs."),
        QStringLiteral("dir"));
    const QCommandLineOption countOption(QStringLiteral("proposals"), QStringLiteral("Demo proposals (500)."),
        QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Also in a dark palette."));
    parser.addOptions({ outOption, countOption, darkOption });
    parser.process(app);
    const QString out = parser.value(outOption);
    if (out.isEmpty() || !QDir().mkpath(out)) {
        std::fprintf(stderr, "give --out DIR\n");
        return 2;
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
    QTemporaryDir settingsDir;
    ConsoleSettings::instance().setFileForTesting(settingsDir.filePath(QStringLiteral("settings.ini")));

    MainWindow window;
    window.resize(1500, 900);
    window.show();
    bool opened = false;
    QObject::connect(&window, &MainWindow::storeOpened, [&] { opened = true; });
    window.openStore(StoreLocation::memory(), false, false);
    if (!waitFor([&] { return opened; }))
        return 1;

    // Runs for the summary's range, and proposals (one per twenty runs) over the same 90 days.
    const qint64 proposals = parser.value(countOption).toLongLong();
    std::fprintf(stdout, "filling %lld proposals…\n", proposals);
    QFuture<int> fill = window.session()->run([proposals](SupportStore &store) {
        DemoOptions runs;
        runs.runCount = proposals * 20;
        generateDemoData(store, runs);
        DemoProposalOptions options;
        options.seed = 14;
        options.toMicros = QDateTime::fromString(demoDefaultAnchor(), Qt::ISODate).toMSecsSinceEpoch() * 1000;
        options.fromMicros = options.toMicros - qint64(90) * 24 * 3600 * 1000000;
        options.withIntegrityFaults = true;
        for (qint64 i = 0; i < proposals; ++i)
            writeDemoProposal(store.proposals(), generateDemoProposal(i, options));
        return 0;
    });
    if (!waitFor([&] { return fill.isFinished(); }, 600000))
        return 1;
    fill.result();

    const auto shoot = [&](const QString &suffix) {
        ProposalsPage *page = window.proposalsPage();
        window.showPage(QStringLiteral("proposals"));
        page->applyFilter();
        waitFor([&] { return page->listing()->model()->rowCount() > 0 && !page->listing()->model()->isLoading(); });
        page->listing()->table()->resizeColumnsToContents();
        save(&window, out, QStringLiteral("proposals-page") + suffix);

        page->checkAllPanel()->start();
        waitFor([&] { return !page->checkAllPanel()->isRunning(); });
        save(&window, out, QStringLiteral("proposals-checkall") + suffix);

        // A proposal with several versions and approvals for the timeline and the diff.
        ProposalPane *pane = window.proposalPane();
        DemoProposalOptions options;
        options.seed = 14;
        QString rich;
        for (qint64 i = 0; i < proposals && rich.isEmpty(); ++i) {
            const DemoProposal p = generateDemoProposal(i, options);
            if (p.versions.size() >= 3 && p.approvals.size() >= 2 && p.injectedFault.isEmpty())
                rich = p.record.proposalId;
        }
        window.openProposal(rich);
        waitFor([&] { return pane->state() == ProposalPane::State::Loaded; });
        pane->tabs()->setCurrentIndex(ProposalPane::TimelineTab);
        save(&window, out, QStringLiteral("proposal-timeline") + suffix);
        pane->tabs()->setCurrentIndex(ProposalPane::VersionsTab);
        waitFor([&] { return !pane->versionViewer()->isLoading(); });
        pane->versionViewer()->artifactView()->expandAll();
        pane->versionViewer()->tabs()->setCurrentIndex(1);
        save(&window, out, QStringLiteral("proposal-versions") + suffix);
        pane->tabs()->setCurrentIndex(ProposalPane::DiffTab);
        waitFor([&] { return pane->diffTab()->diff().has_value() && !pane->diffTab()->isLoading(); });
        save(&window, out, QStringLiteral("proposal-diff") + suffix);
        pane->tabs()->setCurrentIndex(ProposalPane::OperationsTab);
        save(&window, out, QStringLiteral("proposal-operations") + suffix);

        // The first proposal broken on purpose (index 60), on its Integrity tab.
        window.openProposal(generateDemoProposal(60, options).record.proposalId);
        waitFor([&] { return pane->state() == ProposalPane::State::Loaded; });
        pane->tabs()->setCurrentIndex(ProposalPane::IntegrityTab);
        save(&window, out, QStringLiteral("proposal-integrity") + suffix);

        window.showPage(QStringLiteral("summary"));
        SummaryPage *summary = window.summaryPage();
        waitFor([&] { return summary->snapshot().has_value() && !summary->isLoading(); });
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        // The whole dashboard, also the part scrolled out of view (the proposal charts are last).
        summary->exportPng(out + QStringLiteral("/summary-proposals") + suffix + QStringLiteral(".png"));
    };
    shoot(QString());
    if (parser.isSet(darkOption)) {
        QApplication::setPalette(darkPalette());
        shoot(QStringLiteral("-dark"));
    }
    ConsoleSettings::instance().closeFileForTesting();
    return 0;
}
