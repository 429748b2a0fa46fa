#include "listing/listingview.h"

#include "common/consolesettings.h"
#include "common/elidedtextdelegate.h"
#include "listing/listingexport.h"
#include "listing/listingtable.h"
#include "session/storesession.h"
#include "session/whenfinished.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

ListingView::ListingView(const QString &settingsKey, KeysetListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_settingsKey(settingsKey)
    , m_model(model)
    , m_table(new ListingTable(this))
    , m_footer(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_errorBar(new QFrame(this))
    , m_errorText(new QLabel(m_errorBar))
    , m_retry(new QPushButton(tr("&Retry"), m_errorBar))
{
    m_model->setParent(this);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row heights and text laid out once per cell keep scrolling cheap on long listings.
    m_table->setItemDelegate(new ElidedTextDelegate(m_table));
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setDefaultSectionSize(m_table->fontMetrics().averageCharWidth() * 22);
    if (const QByteArray state = ConsoleSettings::instance().headerState(settingsKey); !state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(m_table->fontMetrics().averageCharWidth() * 16);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->setTextVisible(false);
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_footer->setAccessibleName(tr("Rows loaded"));

    m_errorBar->setFrameShape(QFrame::StyledPanel);
    m_errorBar->setAutoFillBackground(true);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorText->setAccessibleName(tr("Error"));
    m_retry->setAccessibleName(tr("Retry loading"));
    auto *errorLayout = new QHBoxLayout(m_errorBar);
    errorLayout->addWidget(m_errorText, 1);
    errorLayout->addWidget(m_retry);
    m_errorBar->hide();

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_footer, 1);
    footer->addWidget(m_busy);
    footer->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    connect(m_model, &KeysetListModel::stateChanged, this, &ListingView::updateFooter);
    connect(m_cancel, &QPushButton::clicked, m_model, &KeysetListModel::cancel);
    connect(m_retry, &QPushButton::clicked, m_model, &KeysetListModel::retry);
    connect(
        m_table, &QTableView::activated, this, [this](const QModelIndex &index) { Q_EMIT rowActivated(index.row()); });
    connect(m_table, &QWidget::customContextMenuRequested, this, &ListingView::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { Q_EMIT currentRowChanged(current.isValid() ? current.row() : -1); });

    auto *copy = new QAction(tr("&Copy as TSV"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ListingView::copySelectionAsTsv);
    auto *copyJson = new QAction(tr("Copy as &JSON"), this);
    copyJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyJson->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyJson, &QAction::triggered, this, &ListingView::copySelectionAsJson);
    auto *exportAction = new QAction(tr("E&xport rows…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(exportAction, &QAction::triggered, this, &ListingView::exportRows);
    for (QAction *action : { copy, copyJson, exportAction })
        action->setProperty("category", tr("Listings"));
    addActions({ copy, copyJson, exportAction });
    updateFooter();
}

ListingView::~ListingView()
{
    ConsoleSettings::instance().setHeaderState(m_settingsKey, m_table->horizontalHeader()->saveState());
}

void ListingView::setSession(StoreSession *session)
{
    m_session = session;
    m_model->setSession(session);
}

QString ListingView::footerText() const
{
    return m_footer->text();
}

void ListingView::updateFooter()
{
    const int rows = m_model->rowCount();
    QString text;
    if (m_model->isLoading() && rows == 0)
        text = tr("Loading…");
    else if (m_model->hasMore())
        text = tr("%Ln row(s) loaded, more available (scroll down to load them)", nullptr, rows);
    else if (rows == 0 && !m_model->lastError())
        text = tr("No rows match.");
    else
        text = tr("All %Ln row(s) loaded", nullptr, rows);
    m_footer->setText(text);
    m_busy->setVisible(m_model->isLoading());
    m_cancel->setVisible(m_model->isLoading());
    if (const auto &error = m_model->lastError()) {
        m_errorText->setText(
            QStringLiteral("<b>%1</b> %2").arg(error->code().toHtmlEscaped(), error->message().toHtmlEscaped()));
        m_errorBar->show();
    } else {
        m_errorBar->hide();
    }
}

QList<int> ListingView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ListingView::copySelectionAsTsv()
{
    QList<ListRow> rows;
    for (int row : selectedRows())
        rows << m_model->row(row);
    if (rows.isEmpty())
        return;
    // Columns in the order the user sees them.
    QList<int> columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QApplication::clipboard()->setText(rowsAsTsv(rows, columns));
}

void ListingView::copySelectionAsJson()
{
    QList<ListRow> rows;
    for (int row : selectedRows())
        rows << m_model->row(row);
    if (!rows.isEmpty())
        QApplication::clipboard()->setText(rowsAsJson(rows));
}

void ListingView::exportRows()
{
    const QString csvFilter = tr("CSV (*.csv)");
    const QString jsonFilter = tr("JSON (*.json)");
    QString chosenFilter = csvFilter;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export rows"),
        folder + QLatin1Char('/') + m_settingsKey + QStringLiteral(".csv"),
        csvFilter + QStringLiteral(";;") + jsonFilter, &chosenFilter);
    if (path.isEmpty())
        return;
    const bool json = chosenFilter == jsonFilter || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    exportTo(path, json ? ExportFormat::Json : ExportFormat::Csv);
}

void ListingView::exportTo(const QString &path, ExportFormat format)
{
    if (!m_session || !m_model->loader())
        return;
    auto *progress = new QProgressDialog(tr("Exporting rows to %1…").arg(path), tr("Cancel"), 0, 0, this);
    progress->setWindowTitle(tr("Export"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(300);
    QFuture<qint64> future = exportListing(*m_session, m_model->loader(), m_model->columns(), path, format);
    QPointer<QProgressDialog> dialog(progress);
    auto *watcher = whenFinished(
        future, this,
        [this, path, dialog](qint64 rows) {
            if (dialog)
                dialog->close();
            Q_EMIT exportFinished(path, rows);
        },
        [this, dialog](const Error &error) {
            if (dialog)
                dialog->close();
            // Window-modal but not blocking: the page keeps loading behind it.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                QStringLiteral("%1\n\n%2").arg(error.code(), error.message()), QMessageBox::Close, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            Q_EMIT exportFailed(error);
        });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, progress, &QProgressDialog::setLabelText);
    connect(watcher, &QFutureWatcherBase::canceled, progress, &QProgressDialog::close);
    connect(progress, &QProgressDialog::canceled, watcher, &QFutureWatcherBase::cancel);
}

void ListingView::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid()) {
        menu.addAction(tr("&Open"), this, [this, index] { Q_EMIT rowActivated(index.row()); });
        menu.addAction(tr("Copy &cell"), this,
            [index] { QApplication::clipboard()->setText(index.data(KeysetListModel::FullValueRole).toString()); });
        menu.addSeparator();
    }
    menu.addActions(actions());
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace dpm
