#include "proposals/proposaldifftab.h"

#include "proposals/proposaldiffmodel.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/supportstore.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace dpm {

ProposalDiffTab::ProposalDiffTab(QWidget *parent)
    : QWidget(parent)
    , m_load(new RequestTracker(this))
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_model(new ProposalDiffModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
{
    m_from->setAccessibleName(tr("Compare from version"));
    m_to->setAccessibleName(tr("Compare to version"));
    auto *fromLabel = new QLabel(tr("&From version:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To version:"), this);
    toLabel->setBuddy(m_to);
    auto *swap = new QPushButton(tr("S&wap"), this);
    swap->setAccessibleName(tr("Swap the versions"));
    m_filter->setPlaceholderText(tr("Filter paths and values"));
    m_filter->setAccessibleName(tr("Filter differences"));
    m_filter->setClearButtonEnabled(true);
    m_summary->setAccessibleName(tr("Difference summary"));
    m_summary->setWordWrap(true);

    m_proxy->setSourceModel(m_model);
    // A match deep in the tree keeps its groups visible.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_tree->setModel(m_proxy);
    m_tree->setAccessibleName(tr("Differences"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Paths nest deep; before and after share the rest equally.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ProposalDiffModel::PathColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(ProposalDiffModel::KindColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(ProposalDiffModel::BeforeColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ProposalDiffModel::AfterColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(ProposalDiffModel::PathColumn, fontMetrics().averageCharWidth() * 48);
    m_tree->setColumnWidth(ProposalDiffModel::KindColumn, fontMetrics().averageCharWidth() * 16);

    connect(m_from, &QComboBox::activated, this, &ProposalDiffTab::compareChosen);
    connect(m_to, &QComboBox::activated, this, &ProposalDiffTab::compareChosen);
    connect(swap, &QPushButton::clicked, this, [this] {
        const int from = m_from->currentIndex();
        m_from->setCurrentIndex(m_to->currentIndex());
        m_to->setCurrentIndex(from);
        compareChosen();
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(toLabel);
    bar->addWidget(m_to);
    bar->addWidget(swap);
    bar->addSpacing(fontMetrics().averageCharWidth() * 2);
    bar->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
}

void ProposalDiffTab::setSession(StoreSession *session)
{
    m_session = session;
    m_load->forget();
}

bool ProposalDiffTab::isLoading() const
{
    return m_load->isBusy();
}

QString ProposalDiffTab::summaryText() const
{
    return m_summary->text();
}

void ProposalDiffTab::setProposal(const QString &proposalId, const QList<qint64> &versions)
{
    m_load->cancel();
    m_proposalId = proposalId;
    m_diff.reset();
    m_model->clearDiff();
    m_from->clear();
    m_to->clear();
    for (qint64 no : versions) {
        m_from->addItem(tr("Version %1").arg(no), no);
        m_to->addItem(tr("Version %1").arg(no), no);
    }
    m_from->setEnabled(versions.size() > 1);
    m_to->setEnabled(versions.size() > 1);
    if (versions.size() < 2) {
        m_summary->setText(versions.isEmpty() ? tr("This proposal has no stored version to compare.")
                                              : tr("This proposal has one version only: nothing to compare."));
        return;
    }
    m_from->setCurrentIndex(int(versions.size()) - 2);
    m_to->setCurrentIndex(int(versions.size()) - 1);
    m_summary->setText(tr("Pick two versions to compare."));
}

void ProposalDiffTab::compareChosen()
{
    if (m_from->currentIndex() >= 0 && m_to->currentIndex() >= 0)
        compare(m_from->currentData().toLongLong(), m_to->currentData().toLongLong());
}

void ProposalDiffTab::ensureCompared()
{
    if (!m_diff && !isLoading() && m_from->count() > 1)
        compareChosen();
}

void ProposalDiffTab::compare(qint64 from, qint64 to)
{
    if (!m_session || m_proposalId.isEmpty())
        return;
    m_from->setCurrentIndex(m_from->findData(from));
    m_to->setCurrentIndex(m_to->findData(to));
    m_summary->setText(tr("Comparing version %1 with version %2…").arg(from).arg(to));
    m_load->start(
        *m_session,
        [id = m_proposalId, from, to](SupportStore &store) {
            return diffProposalVersions(store.proposals(), id, from, to);
        },
        [this](const ProposalVersionDiff &diff) { showDiff(diff); },
        [this](const Error &error) {
            m_diff.reset();
            m_model->clearDiff();
            m_summary->setText(QStringLiteral("%1: %2").arg(error.code(), error.message()));
        });
}

void ProposalDiffTab::showDiff(const ProposalVersionDiff &diff)
{
    m_diff = diff;
    m_model->setDiff(diff, palette());
    const auto counts = [](const QList<JsonDifference> &list) {
        int added = 0, removed = 0, changed = 0;
        for (const JsonDifference &d : list) {
            added += d.kind == JsonDifference::Kind::Added;
            removed += d.kind == JsonDifference::Kind::Removed;
            changed += d.kind == JsonDifference::Kind::Changed;
        }
        return tr("%1 changed, %2 added, %3 removed").arg(changed).arg(added).arg(removed);
    };
    m_summary->setText(tr("Version %1 → version %2. Result: %3. Artifact: %4. Only the differences are listed; the "
                          "Versions tab shows each version whole.")
                           .arg(diff.fromVersion)
                           .arg(diff.toVersion)
                           .arg(counts(diff.result), counts(diff.artifact)));
    m_tree->expandAll();
    Q_EMIT compared();
}

void ProposalDiffTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The leaves' colours follow the palette.
    if (event->type() == QEvent::PaletteChange && m_diff)
        showDiff(*m_diff);
}

} // namespace dpm
