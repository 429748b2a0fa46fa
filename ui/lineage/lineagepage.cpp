#include "lineage/lineagepage.h"

#include "common/icons.h"
#include "lineage/lineagegraphview.h"
#include "lineage/lineagegraphwidget.h"
#include "lineage/lineagelegend.h"
#include "lineage/lineagenodepanel.h"
#include "session/storesession.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace dpm {

LineagePage::LineagePage(QWidget *parent)
    : QWidget(parent)
    , m_lastDirectory(QDir::homePath())
{
    m_entity = new QLineEdit(this);
    m_entity->setPlaceholderText(tr("Run, correlation, idempotency key, operation or proposal id"));
    m_entity->setAccessibleName(tr("Entity id"));
    m_entity->setClearButtonEnabled(true);
    auto *go = new QPushButton(tr("&Go"), this);
    go->setAccessibleName(tr("Draw the lineage"));
    connect(go, &QPushButton::clicked, this, [this] { showEntity(m_entity->text()); });
    connect(m_entity, &QLineEdit::returnPressed, go, &QPushButton::click);

    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find a node (Enter: next)"));
    m_find->setAccessibleName(tr("Find a node"));
    m_find->setClearButtonEnabled(true);
    connect(m_find, &QLineEdit::returnPressed, this, &LineagePage::find);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_find, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    addAction(findAction);

    auto *png = new QPushButton(glyphIcon(QStringLiteral("export")), tr("Export P&NG…"), this);
    png->setAccessibleName(tr("Export the graph as PNG"));
    connect(png, &QPushButton::clicked, this, &LineagePage::exportPng);
    auto *svg = new QPushButton(glyphIcon(QStringLiteral("export")), tr("Export S&VG…"), this);
    svg->setAccessibleName(tr("Export the graph as SVG"));
    connect(svg, &QPushButton::clicked, this, &LineagePage::exportSvg);

    m_message = new QLabel(this);
    m_message->setAccessibleName(tr("Lineage message"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->hide();

    m_graph = new LineageGraphWidget(this);
    m_panel = new LineageNodePanel(this);
    m_panel->setAccessibleName(tr("Node details"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_graph);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 1000, 420 });

    connect(m_graph, &LineageGraphWidget::selectedEntityChanged, this, [this](const QString &id) {
        const LineageGraphNode *node = m_graph->lineageGraph().node(id);
        m_panel->showNode(node ? id : QString(), node ? node->kind : LineageNodeKind::Entity);
    });
    connect(m_graph, &LineageGraphWidget::graphChanged, this, [this] {
        // The DPM graph stands; what the proposal store would have added is said to be missing.
        if (const std::optional<Error> &unreachable = m_graph->lineageGraph().proposalsUnreachable()) {
            m_message->setText(tr("Links to proposals are not shown: <b>%1</b> %2")
                                   .arg(unreachable->code().toHtmlEscaped(), unreachable->message().toHtmlEscaped()));
            m_message->show();
        } else {
            m_message->hide();
        }
        m_entity->setText(m_graph->focusedEntity());
    });
    connect(m_graph, &LineageGraphWidget::loadFailed, this, [this](const Error &error) {
        m_message->setText(
            QStringLiteral("<b>%1</b> %2").arg(error.code().toHtmlEscaped(), error.message().toHtmlEscaped()));
        m_message->show();
    });
    connect(m_graph, &LineageGraphWidget::openRunRequested, this, &LineagePage::openRunRequested);
    connect(m_graph, &LineageGraphWidget::openOperationRequested, this, &LineagePage::openOperationRequested);
    connect(m_graph, &LineageGraphWidget::openProposalRequested, this, &LineagePage::openProposalRequested);
    connect(m_panel, &LineageNodePanel::openRunRequested, this, &LineagePage::openRunRequested);
    connect(m_panel, &LineageNodePanel::openOperationRequested, this, &LineagePage::openOperationRequested);
    connect(m_panel, &LineageNodePanel::openProposalRequested, this, &LineagePage::openProposalRequested);
    connect(m_panel, &LineageNodePanel::recentreRequested, m_graph, &LineageGraphWidget::showEntity);
    connect(m_panel, &LineageNodePanel::expandRequested, m_graph, &LineageGraphWidget::expandNode);

    auto *top = new QHBoxLayout;
    auto *entityLabel = new QLabel(tr("&Entity:"), this);
    entityLabel->setBuddy(m_entity);
    top->addWidget(entityLabel);
    top->addWidget(m_entity, 2);
    top->addWidget(go);
    top->addSpacing(12);
    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_find);
    top->addWidget(findLabel);
    top->addWidget(m_find, 1);
    top->addSpacing(12);
    top->addWidget(png);
    top->addWidget(svg);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(new LineageLegend(this));

    setTabOrder(m_entity, go);
    setTabOrder(go, m_find);
    setTabOrder(m_find, png);
    setTabOrder(png, svg);
}

void LineagePage::setSession(StoreSession *session)
{
    m_session = session;
    m_graph->setSession(session);
    m_panel->setSession(session);
}

void LineagePage::showEntity(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return;
    m_entity->setText(trimmed);
    m_graph->showEntity(trimmed);
}

QString LineagePage::focusedEntity() const
{
    return m_graph->focusedEntity();
}

void LineagePage::find()
{
    if (m_graph->findNode(m_find->text())) {
        m_message->hide();
    } else if (!m_find->text().trimmed().isEmpty()) {
        m_message->setText(tr("No node shown has an id containing \"%1\".").arg(m_find->text().trimmed()));
        m_message->show();
    }
}

void LineagePage::exportPng()
{
    exportTo(false);
}

void LineagePage::exportSvg()
{
    exportTo(true);
}

void LineagePage::exportTo(bool svg)
{
    if (m_graph->focusedEntity().isEmpty())
        return;
    const QString suggested
        = QDir(m_lastDirectory)
              .filePath(QStringLiteral("lineage-%1.%2")
                            .arg(m_graph->focusedEntity(), svg ? QStringLiteral("svg") : QStringLiteral("png")));
    const QString path
        = QFileDialog::getSaveFileName(this, svg ? tr("Export the graph as SVG") : tr("Export the graph as PNG"),
            suggested, svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    QString error;
    const bool ok = svg ? m_graph->exportSvg(path, &error) : m_graph->exportPng(path, &error);
    m_message->setText(ok ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path))
                          : QStringLiteral("<b>EXPORT_FAILED</b> ") + error.toHtmlEscaped());
    m_message->show();
}

} // namespace dpm
