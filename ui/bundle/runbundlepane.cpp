#include "bundle/runbundlepane.h"

#include "bundle/bundleeventstab.h"
#include "bundle/bundleoperationtab.h"
#include "bundle/bundleoverviewtab.h"
#include "bundle/decisiontimelinemodel.h"
#include "bundle/idempotencyhistorymodel.h"
#include "bundle/lineageedgelistmodel.h"
#include "common/icons.h"
#include "common/jsontreeview.h"
#include "common/statuscolors.h"
#include "domain/apijson.h"
#include "lineage/lineagegraphwidget.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/storelocation.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace dpm {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    view->setModel(model);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QWidget *column(std::initializer_list<QWidget *> widgets, QWidget *stretch)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    for (QWidget *w : widgets)
        layout->addWidget(w, w == stretch ? 1 : 0);
    return page;
}

} // namespace

RunBundlePane::RunBundlePane(QWidget *parent)
    : QWidget(parent)
    , m_load(new RequestTracker(this))
    , m_pages(new QStackedWidget(this))
{
    setAccessibleName(tr("Run bundle"));
    m_exportAction = new QAction(tr("E&xport bundle…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportAction->setToolTip(tr("Export the bundle as dpmctl bundle --json writes it (Ctrl+Shift+E)"));
    m_exportAction->setEnabled(false);
    addAction(m_exportAction);
    connect(m_exportAction, &QAction::triggered, this, &RunBundlePane::exportBundle);
    m_openFileAction = new QAction(tr("Open b&undle file…"), this);
    m_openFileAction->setToolTip(tr("Show an exported bundle file, read-only, without a store"));
    addAction(m_openFileAction);
    connect(m_openFileAction, &QAction::triggered, this, &RunBundlePane::openBundleFile);

    // Empty: nothing asked yet, or a load was cancelled.
    auto *empty = new QWidget;
    m_emptyLabel = new QLabel(tr("Open a run to see its support bundle, or open a bundle file."), empty);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyRetry = new QPushButton(tr("&Retry"), empty);
    m_emptyRetry->setAccessibleName(tr("Retry"));
    m_emptyRetry->hide();
    auto *emptyOpen = new QToolButton(empty);
    emptyOpen->setDefaultAction(m_openFileAction);
    emptyOpen->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(m_emptyRetry, 0, Qt::AlignHCenter);
    emptyLayout->addWidget(emptyOpen, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    connect(m_emptyRetry, &QPushButton::clicked, this, &RunBundlePane::retry);

    // Loading: in place, with Cancel (the result is then dropped).
    auto *loading = new QWidget;
    m_loadingLabel = new QLabel(loading);
    m_loadingLabel->setAlignment(Qt::AlignCenter);
    auto *busy = new QProgressBar(loading);
    busy->setRange(0, 0);
    busy->setAccessibleName(tr("Loading"));
    busy->setMaximumWidth(busy->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    auto *cancel = new QPushButton(tr("&Cancel"), loading);
    cancel->setAccessibleName(tr("Cancel loading"));
    auto *loadingLayout = new QVBoxLayout(loading);
    loadingLayout->addStretch();
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(busy, 0, Qt::AlignHCenter);
    loadingLayout->addWidget(cancel, 0, Qt::AlignHCenter);
    loadingLayout->addStretch();
    connect(cancel, &QPushButton::clicked, this, &RunBundlePane::cancelLoading);

    // Error: reason code, sentence, Retry.
    auto *error = new QWidget;
    m_errorCodeLabel = new QLabel(error);
    m_errorCodeLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorCodeLabel->setAlignment(Qt::AlignCenter);
    m_errorCodeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorCodeLabel->setAccessibleName(tr("Error code"));
    m_errorMessageLabel = new QLabel(error);
    m_errorMessageLabel->setAlignment(Qt::AlignCenter);
    m_errorMessageLabel->setWordWrap(true);
    m_errorMessageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorMessageLabel->setAccessibleName(tr("Error message"));
    auto *errorRetry = new QPushButton(tr("&Retry"), error);
    errorRetry->setAccessibleName(tr("Retry"));
    auto *errorLayout = new QVBoxLayout(error);
    errorLayout->addStretch();
    errorLayout->addWidget(m_errorCodeLabel);
    errorLayout->addWidget(m_errorMessageLabel);
    errorLayout->addWidget(errorRetry, 0, Qt::AlignHCenter);
    errorLayout->addStretch();
    connect(errorRetry, &QPushButton::clicked, this, &RunBundlePane::retry);

    m_pages->addWidget(empty);
    m_pages->addWidget(loading);
    m_pages->addWidget(error);
    m_pages->addWidget(buildLoadedPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    // Ctrl+1..Ctrl+9 switch tabs anywhere inside the pane.
    for (int i = 0; i < TabCount; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (m_state == State::Loaded)
                m_tabs->setCurrentIndex(i);
        });
    }
}

QWidget *RunBundlePane::buildLoadedPage()
{
    auto *page = new QWidget;
    m_title = new QLabel(page);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_title->setAccessibleName(tr("Bundle title"));
    m_offlineBanner = new QLabel(page);
    m_offlineBanner->setFrameShape(QFrame::StyledPanel);
    m_offlineBanner->setAutoFillBackground(true);
    m_offlineBanner->setBackgroundRole(QPalette::AlternateBase);
    m_offlineBanner->setWordWrap(true);
    m_offlineBanner->setAccessibleName(tr("Offline bundle"));
    m_offlineBanner->hide();
    m_exportStatus = new QLabel(page);
    m_exportStatus->setAccessibleName(tr("Export status"));
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *exportButton = new QToolButton(page);
    exportButton->setDefaultAction(m_exportAction);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *openButton = new QToolButton(page);
    openButton->setDefaultAction(m_openFileAction);
    openButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *lineageButton = new QToolButton(page);
    lineageButton->setObjectName(QStringLiteral("runLineageButton"));
    lineageButton->setText(tr("&Lineage"));
    lineageButton->setIcon(glyphIcon(QStringLiteral("lineage")));
    lineageButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    lineageButton->setToolTip(tr("The lineage page centred on this run (Ctrl+Shift+G)"));
    lineageButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(lineageButton, &QToolButton::clicked, this, [this] {
        if (const QString runId = currentRunId(); !runId.isEmpty())
            Q_EMIT lineageRequested(runId);
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_exportStatus);
    header->addWidget(lineageButton);
    header->addWidget(exportButton);
    header->addWidget(openButton);

    m_tabs = new QTabWidget(page);
    m_tabs->setAccessibleName(tr("Bundle sections"));
    m_tabs->setDocumentMode(true);

    m_overview = new BundleOverviewTab;
    m_overview->setAccessibleName(tr("Overview"));

    m_result = new JsonTreeView;
    m_result->setAccessibleName(tr("Result JSON"));
    m_resultProblem = new QLabel;
    m_resultProblem->setWordWrap(true);
    m_resultProblem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_resultProblem->hide();
    QWidget *resultPage = column({ m_resultProblem, m_result }, m_result);
    resultPage->setAccessibleName(tr("Result"));

    m_artifactBanner = new QLabel;
    m_artifactBanner->setWordWrap(true);
    m_artifactBanner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_artifactBanner->setAccessibleName(tr("Artifact verification"));
    QFont bannerFont = m_artifactBanner->font();
    bannerFont.setBold(true);
    m_artifactBanner->setFont(bannerFont);
    m_artifact = new JsonTreeView;
    m_artifact->setAccessibleName(tr("Artifact JSON"));
    QWidget *artifactPage = column({ m_artifactBanner, m_artifact }, m_artifact);
    artifactPage->setAccessibleName(tr("Artifact"));

    m_decisionModel = new DecisionTimelineModel(this);
    m_decisionSummary = new QLabel;
    QTableView *decisionView = makeTable(m_decisionModel, tr("Workflow decisions"), page);
    QWidget *decisionPage = column({ m_decisionSummary, decisionView }, decisionView);
    decisionPage->setAccessibleName(tr("Decisions"));

    m_idempotencyModel = new IdempotencyHistoryModel(this);
    m_idempotencySummary = new QLabel;
    m_idempotencySummary->setWordWrap(true);
    m_idempotencyView = makeTable(m_idempotencyModel, tr("Idempotency history"), page);
    m_idempotencyView->setToolTip(tr("Double-click or press Enter on a row to open its run"));
    QWidget *idempotencyPage = column({ m_idempotencySummary, m_idempotencyView }, m_idempotencyView);
    idempotencyPage->setAccessibleName(tr("Idempotency"));
    connect(m_idempotencyView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString runId = index.data(IdempotencyHistoryModel::RunIdRole).toString();
        if (!runId.isEmpty())
            Q_EMIT openRunRequested(runId);
    });

    m_operation = new BundleOperationTab;
    m_operation->setAccessibleName(tr("Async operation"));
    connect(m_operation, &BundleOperationTab::openOperationRequested, this, &RunBundlePane::openOperationRequested);

    m_events = new BundleEventsTab;
    m_events->setAccessibleName(tr("Run events"));

    m_lineageModel = new LineageEdgeListModel(this);
    m_lineageSummary = new QLabel;
    m_lineageView = makeTable(m_lineageModel, tr("Lineage edges"), page);
    m_lineageView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_lineageView->setToolTip(tr("Double-click or press Enter on a source or target to open or find it"));
    QWidget *lineagePage = column({ m_lineageSummary, m_lineageView }, m_lineageView);
    lineagePage->setAccessibleName(tr("Lineage"));
    connect(m_lineageView, &QTableView::activated, this, &RunBundlePane::lineageActivated);

    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(resultPage, tr("&Result"));
    m_tabs->addTab(artifactPage, tr("Ar&tifact"));
    m_tabs->addTab(decisionPage, tr("&Decisions"));
    m_tabs->addTab(idempotencyPage, tr("&Idempotency"));
    m_tabs->addTab(m_operation, tr("Async o&peration"));
    m_tabs->addTab(m_events, tr("E&vents"));
    m_tabs->addTab(lineagePage, tr("&Lineage"));
    // The run's lineage neighbourhood as a graph, drawn when the tab is first shown for a run.
    m_graph = new LineageGraphWidget;
    m_graph->setAccessibleName(tr("Lineage graph"));
    connect(m_graph, &LineageGraphWidget::openRunRequested, this, &RunBundlePane::openRunRequested);
    connect(m_graph, &LineageGraphWidget::openOperationRequested, this, &RunBundlePane::openOperationRequested);
    connect(m_graph, &LineageGraphWidget::openProposalRequested, this, &RunBundlePane::findRequested);
    m_tabs->addTab(m_graph, tr("Gr&aph"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &RunBundlePane::showGraphIfCurrent);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabToolTip(i, tr("Ctrl+%1").arg(i + 1));

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(header);
    layout->addWidget(m_offlineBanner);
    layout->addWidget(m_tabs, 1);
    return page;
}

void RunBundlePane::setSession(StoreSession *session)
{
    m_session = session;
}

QString RunBundlePane::currentRunId() const
{
    if (m_state == State::Loaded)
        return m_document.runId;
    return m_request && m_request->kind == Request::Kind::Run ? m_request->value : QString();
}

void RunBundlePane::showRun(const QString &runId)
{
    startLoading(Request { Request::Kind::Run, runId.trimmed() });
}

void RunBundlePane::showBundleFile(const QString &path)
{
    startLoading(Request { Request::Kind::File, path });
}

void RunBundlePane::retry()
{
    if (m_request)
        startLoading(*m_request);
}

void RunBundlePane::cancelLoading()
{
    if (m_state != State::Loading)
        return;
    m_load->cancel();
    m_state = State::Empty;
    m_emptyLabel->setText(tr("Loading was cancelled."));
    m_emptyRetry->show();
    m_exportAction->setEnabled(false);
    m_pages->setCurrentIndex(0);
}

void RunBundlePane::startLoading(const Request &request)
{
    m_request = request;
    m_state = State::Loading;
    m_exportAction->setEnabled(false);
    m_loadingLabel->setText(request.kind == Request::Kind::Run
            ? tr("Loading the support bundle of %1…").arg(request.value)
            : tr("Reading %1…").arg(QFileInfo(request.value).fileName()));
    m_pages->setCurrentIndex(1);

    const auto show = [this](const BundleDocument &document) { showDocument(document); };
    const auto fail = [this](const Error &error) { showError(error); };
    if (request.kind == Request::Kind::File) {
        // No store: the file is read and checked on a pool thread all the same.
        m_load->follow(QtConcurrent::run([path = request.value] { return readBundleFile(path); }), show, fail);
    } else if (!m_session) {
        m_load->cancel();
        showError(Error(ErrorKind::Configuration, QStringLiteral("STORE_NOT_OPEN"),
            tr("No store is open; open a store, then open the run again.")));
    } else {
        // The bundle, its JSON and the artifact's hash check are all built on the worker thread.
        m_load->start(
            *m_session, [runId = request.value](SupportStore &store) { return loadBundleDocument(store, runId); }, show,
            fail);
    }
}

void RunBundlePane::showError(const Error &error)
{
    m_state = State::Error;
    m_errorCode = error.code();
    m_errorCodeLabel->setText(error.code());
    // Store errors may quote what the driver said: never a password (design "Errors and secrets").
    m_errorMessageLabel->setText(redactSecrets(error.message()));
    m_pages->setCurrentIndex(2);
    Q_EMIT loadFailed(error);
}

void RunBundlePane::showGraphIfCurrent()
{
    if (m_tabs->currentWidget() == m_graph && m_state == State::Loaded && m_request
        && m_request->kind == Request::Kind::Run && m_graph->focusedEntity() != m_document.runId) {
        m_graph->setSession(m_session);
        m_graph->showEntity(m_document.runId);
    }
}

void RunBundlePane::showDocument(const BundleDocument &document)
{
    m_document = document;
    m_state = State::Loaded;
    m_errorCode.clear();
    m_exportStatus->clear();
    const QJsonObject run = document.json.value(QLatin1String("run")).toObject();

    m_title->setText(tr("Run %1").arg(document.runId));
    m_offlineBanner->setText(tr("Offline bundle: %1 (read-only, not from a store)").arg(document.sourceFile));
    m_offlineBanner->setVisible(document.isOffline());

    m_overview->setDocument(document);

    const QJsonValue result = run.value(QLatin1String("result"));
    const QJsonObject resultError = run.value(QLatin1String("result_json_error")).toObject();
    m_resultProblem->setVisible(!resultError.isEmpty());
    m_resultProblem->setText(tr("The stored result_json is not JSON (%1). Raw text: %2")
                                 .arg(resultError.value(QLatin1String("message")).toString(),
                                     resultError.value(QLatin1String("raw")).toString()));
    m_result->setJson(result);

    m_artifact->setJson(document.json.value(QLatin1String("artifact")));
    updateArtifactBanner();

    const QJsonArray decisions
        = document.json.value(QLatin1String("workflow_history")).toObject().value(QLatin1String("decisions")).toArray();
    m_decisionModel->setDecisions(decisions);
    m_decisionSummary->setText(decisions.isEmpty()
            ? tr("No workflow decisions for this run.")
            : tr("%n workflow decision(s), oldest first.", nullptr, int(decisions.size())));

    const QJsonValue idempotency = document.json.value(QLatin1String("idempotency_history"));
    const QJsonObject history = idempotency.toObject();
    m_idempotencyModel->setHistory(history.value(QLatin1String("history")).toArray(), document.runId);
    if (!idempotency.isObject()) {
        m_idempotencySummary->setText(tr("This run has no idempotency key."));
    } else {
        // Counts as "label: n" so no plural forms are needed without a translation loaded.
        m_idempotencySummary->setText(
            tr("Key %1 — entries: %2, replays: %3, conflicts: %4. A replay repeats the request the key mapped to; "
               "a conflict re-used the key with a different request. Enter or double-click opens a run.")
                .arg(history.value(QLatin1String("idempotency_key")).toString())
                .arg(m_idempotencyModel->rowCount())
                .arg(m_idempotencyModel->replayCount())
                .arg(m_idempotencyModel->conflictCount()));
    }

    m_operation->setDocument(document);
    m_events->setDocument(document);

    const QJsonArray edges
        = document.json.value(QLatin1String("lineage")).toObject().value(QLatin1String("edges")).toArray();
    m_lineageModel->setEdges(edges);
    m_lineageSummary->setText(edges.isEmpty() ? tr("No lineage edges touch this run.")
                                              : tr("Edges touching this run: %1. Enter or double-click on a "
                                                   "source or target opens it.")
                                                    .arg(edges.size()));

    for (QTableView *view : findChildren<QTableView *>())
        view->resizeColumnsToContents();
    m_exportAction->setEnabled(true);
    m_pages->setCurrentIndex(3);
    showGraphIfCurrent();
    Q_EMIT bundleLoaded(document.runId);
}

void RunBundlePane::updateArtifactBanner()
{
    const ArtifactCheck &check = m_document.artifactCheck;
    const QString source = check.source == ArtifactCheck::Source::Persisted ? tr("persisted artifact")
        : check.source == ArtifactCheck::Source::Derived                    ? tr("derived from the result")
                                                                            : tr("checked against the file's JSON");
    QString text;
    QColor color;
    switch (check.state) {
    case ArtifactCheck::State::Verified:
        text = tr("\u2714 Artifact hash verified: %1 (%2)").arg(check.storedHash, source);
        color = goodColor(palette());
        break;
    case ArtifactCheck::State::Mismatch:
        text = tr("\u2718 Artifact hash mismatch: stored %1, computed %2 (%3)")
                   .arg(check.storedHash, check.computedHash, source);
        color = badColor(palette());
        break;
    case ArtifactCheck::State::NoHashStored:
        text = tr("No hash stored in the artifact; computed %1 (%2)").arg(check.computedHash, source);
        color = warningColor(palette());
        break;
    case ArtifactCheck::State::Unreadable:
        text = tr("\u2718 The stored artifact cannot be read: %1").arg(check.problem);
        color = badColor(palette());
        break;
    case ArtifactCheck::State::Absent:
        text = tr("No artifact in this bundle.");
        color = palette().color(QPalette::WindowText);
        break;
    }
    m_artifactBanner->setText(text);
    setLabelColor(m_artifactBanner, color);
}

void RunBundlePane::setLabelColor(QLabel *label, const QColor &color)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

void RunBundlePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_state == State::Loaded)
        updateArtifactBanner();
    QWidget::changeEvent(event);
}

void RunBundlePane::lineageActivated(const QModelIndex &index)
{
    const QString id = index.data(LineageEdgeListModel::EntityIdRole).toString();
    if (id.isEmpty())
        return;
    const QString kind = index.data(LineageEdgeListModel::EntityKindRole).toString();
    if (kind == QLatin1String("run"))
        Q_EMIT openRunRequested(id);
    else if (kind == QLatin1String("operation"))
        Q_EMIT openOperationRequested(id);
    else
        Q_EMIT findRequested(id);
}

QString RunBundlePane::artifactBannerText() const
{
    return m_artifactBanner->text();
}

QString RunBundlePane::offlineBannerText() const
{
    return m_offlineBanner->isVisibleTo(this) ? m_offlineBanner->text() : QString();
}

bool RunBundlePane::exportBundleTo(const QString &path)
{
    if (m_state != State::Loaded)
        return false;
    QSaveFile file(path);
    const QByteArray bytes = apiJsonDocumentBytes(m_document.json);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const QString message = tr("BUNDLE_EXPORT_FAILED: %1 could not be written (%2); choose another folder.")
                                    .arg(QFileInfo(path).fileName(), file.errorString());
        m_exportStatus->setText(message);
        setLabelColor(m_exportStatus, badColor(palette()));
        return false;
    }
    m_lastDirectory = QFileInfo(path).absolutePath();
    m_exportStatus->setText(tr("Exported to %1").arg(QFileInfo(path).fileName()));
    setLabelColor(m_exportStatus, palette().color(QPalette::WindowText));
    return true;
}

void RunBundlePane::exportBundle()
{
    if (m_state != State::Loaded)
        return;
    const QString dir = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export bundle"),
        QDir(dir).filePath(QStringLiteral("bundle-%1.json").arg(m_document.runId)), tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportBundleTo(path);
}

void RunBundlePane::openBundleFile()
{
    const QString dir = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open bundle file"), dir, tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    showBundleFile(path);
}

} // namespace dpm
