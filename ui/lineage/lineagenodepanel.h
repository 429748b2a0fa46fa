#pragma once

#include "services/lineage.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace dpm {

class RequestTracker;
class StoreSession;

// The side panel of the lineage graph: every stored attribute of the selected node, read on a
// worker thread — a run's fields and status, an operation's fields, a proposal's header and its
// versions (with the correlation id each was simulated for), and for other kinds the edges
// touching it — with Open (runs, operations, proposals), Centre here and Expand.
class LineageNodePanel : public QWidget
{
    Q_OBJECT

public:
    explicit LineageNodePanel(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    // Shows the node (an empty id clears the panel).
    void showNode(const QString &id, LineageNodeKind kind);
    QString nodeId() const { return m_id; }
    // The value shown for an attribute (e.g. "status"), for tests; empty when absent.
    QString attribute(const QString &name) const;
    bool isLoading() const;
    QPushButton *openButton() const { return m_open; }
    QTreeWidget *attributes() const { return m_tree; }

Q_SIGNALS:
    void openRunRequested(const QString &runId);
    void openOperationRequested(const QString &operationId);
    void openProposalRequested(const QString &proposalId);
    void recentreRequested(const QString &id);
    void expandRequested(const QString &id);
    void loaded();

private:
    // An attribute; `child` rows belong to the row before them that is not one (a proposal's
    // version and its created_at and correlation_id, each a row of its own so that a timestamp
    // is never elided between two other values).
    struct Row
    {
        QString name;
        QString value;
        bool child = false;
    };
    using Rows = QList<Row>;

    QPointer<StoreSession> m_session;
    RequestTracker *m_request; // the selected node's attributes being read
    QString m_id;
    LineageNodeKind m_kind = LineageNodeKind::Entity;
    QLabel *m_title;
    QTreeWidget *m_tree;
    QPushButton *m_open;
    QPushButton *m_recentre;
    QPushButton *m_expand;
};

} // namespace dpm
