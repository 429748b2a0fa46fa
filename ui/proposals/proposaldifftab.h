#pragma once

#include "services/proposaldiff.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace dpm {

class ProposalDiffModel;
class RequestTracker;
class StoreSession;

// The Diff tab of the proposal pane: pick any two versions ("from" and "to"); their result and
// artifact are compared by diffProposalVersions on a worker thread and shown as a tree of the
// changed paths (ProposalDiffModel), with a filter box over paths and values.
class ProposalDiffTab : public QWidget
{
    Q_OBJECT

public:
    explicit ProposalDiffTab(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    // The proposal's version numbers; picks the one before the current and the current.
    void setProposal(const QString &proposalId, const QList<qint64> &versions);
    // Compares two versions now (also what choosing them in the boxes does).
    void compare(qint64 from, qint64 to);
    // Compares the chosen versions unless that is shown or under way (the tab shown first).
    void ensureCompared();

    bool isLoading() const;
    const std::optional<ProposalVersionDiff> &diff() const { return m_diff; }
    ProposalDiffModel *model() const { return m_model; }
    QSortFilterProxyModel *filteredModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterField() const { return m_filter; }
    QString summaryText() const;

Q_SIGNALS:
    void compared();

protected:
    void changeEvent(QEvent *event) override;

private:
    void compareChosen();
    void showDiff(const ProposalVersionDiff &diff);

    QPointer<StoreSession> m_session;
    RequestTracker *m_load;
    QString m_proposalId;
    std::optional<ProposalVersionDiff> m_diff;
    QComboBox *m_from;
    QComboBox *m_to;
    QLineEdit *m_filter;
    QLabel *m_summary;
    ProposalDiffModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
};

} // namespace dpm
