#include "common/jsontreeview.h"

#include "common/jsontreemodel.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace dpm {

JsonTreeView::JsonTreeView(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_matchLabel(new QLabel(this))
{
    m_search->setPlaceholderText(tr("Find in JSON (Ctrl+F)"));
    m_search->setAccessibleName(tr("Find in JSON"));
    m_search->setClearButtonEnabled(true);
    m_matchLabel->setAccessibleName(tr("Matches"));
    m_matchLabel->setMinimumWidth(m_matchLabel->fontMetrics().horizontalAdvance(tr("888 of 888")));

    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    previous->setAccessibleName(tr("Previous match"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter, F3)"));
    next->setAccessibleName(tr("Next match"));
    auto *expand = new QToolButton(this);
    expand->setText(tr("Expand all"));
    expand->setAccessibleName(tr("Expand all"));
    auto *collapse = new QToolButton(this);
    collapse->setText(tr("Collapse all"));
    collapse->setAccessibleName(tr("Collapse all"));

    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("JSON tree"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::TypeColumn, QHeaderView::ResizeToContents);
    m_tree->setColumnWidth(JsonTreeModel::KeyColumn, m_tree->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 32);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matchLabel);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addSpacing(m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 2);
    bar->addWidget(expand);
    bar->addWidget(collapse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);
    setFocusProxy(m_tree);

    // Shortcuts work anywhere inside this view (the tree or the field), not window-wide: a page
    // may hold several of these views.
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::Find, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    shortcut(QKeySequence(Qt::Key_F3), &JsonTreeView::findNext);
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), &JsonTreeView::findPrevious);

    connect(m_search, &QLineEdit::textChanged, this, &JsonTreeView::updateMatches);
    connect(m_search, &QLineEdit::returnPressed, this, &JsonTreeView::findNext);
    connect(previous, &QToolButton::clicked, this, &JsonTreeView::findPrevious);
    connect(next, &QToolButton::clicked, this, &JsonTreeView::findNext);
    connect(expand, &QToolButton::clicked, this, &JsonTreeView::expandAll);
    connect(collapse, &QToolButton::clicked, this, &JsonTreeView::collapseAll);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &JsonTreeView::showContextMenu);

    // The same copy actions from the keyboard (the context menu key opens the menu too).
    auto *copyAction = new QAction(tr("Copy value"), m_tree);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &JsonTreeView::copyValue);
    m_tree->addAction(copyAction);

    applyPaletteToModel();
}

void JsonTreeView::setJson(const QJsonValue &value)
{
    m_model->setJson(value);
    // Top level open: the first thing people look for is one level down.
    m_tree->expandToDepth(0);
    updateMatches();
}

void JsonTreeView::clear()
{
    m_model->clear();
    updateMatches();
}

QString JsonTreeView::matchStatus() const
{
    return m_matchLabel->text();
}

void JsonTreeView::updateMatches()
{
    const QString text = m_search->text();
    m_model->setHighlightText(text);
    m_matches = m_model->search(text);
    m_current = -1;
    if (text.trimmed().isEmpty())
        m_matchLabel->clear();
    else if (m_matches.isEmpty())
        m_matchLabel->setText(tr("no matches"));
    else
        m_matchLabel->setText(tr("%1 matches").arg(m_matches.size()));
}

void JsonTreeView::goToMatch(int match)
{
    if (m_matches.isEmpty())
        return;
    m_current = (match + int(m_matches.size())) % int(m_matches.size());
    const QModelIndex index = m_matches.at(m_current);
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_matchLabel->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

void JsonTreeView::findNext()
{
    goToMatch(m_current + 1);
}

void JsonTreeView::findPrevious()
{
    goToMatch(m_current < 0 ? -1 : m_current - 1);
}

void JsonTreeView::expandAll()
{
    m_tree->expandAll();
}

void JsonTreeView::collapseAll()
{
    m_tree->collapseAll();
}

void JsonTreeView::copyValue()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(m_model->valueAsText(index));
}

void JsonTreeView::copyValueAsJson()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(m_model->valueAsJson(index));
}

void JsonTreeView::copyPath()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(m_model->jsonPath(index));
}

void JsonTreeView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    const bool onNode = m_tree->currentIndex().isValid();
    menu.addAction(tr("Copy &value"), this, &JsonTreeView::copyValue)->setEnabled(onNode);
    menu.addAction(tr("Copy as &JSON"), this, &JsonTreeView::copyValueAsJson)->setEnabled(onNode);
    menu.addAction(tr("Copy &path"), this, &JsonTreeView::copyPath)->setEnabled(onNode);
    menu.addSeparator();
    menu.addAction(tr("&Expand all"), this, &JsonTreeView::expandAll);
    menu.addAction(tr("&Collapse all"), this, &JsonTreeView::collapseAll);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void JsonTreeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPaletteToModel();
    QWidget::changeEvent(event);
}

void JsonTreeView::applyPaletteToModel()
{
    // The palette's highlight, faint, so the text keeps the palette's own colour (light or dark).
    QColor match = palette().color(QPalette::Highlight);
    match.setAlpha(70);
    m_model->setMatchBrush(match);
}

} // namespace dpm
