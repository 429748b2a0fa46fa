#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSplitter;

namespace dpm {

class LineageGraphWidget;
class LineageNodePanel;
class StoreSession;

// The Lineage page (issue 5): an entity field, the lineage graph with its depth, cap, zoom and
// back/forward controls, find a node, export PNG / SVG, and a side panel with the selected
// node's stored attributes (Open for runs, operations and proposals).
class LineagePage : public QWidget
{
    Q_OBJECT

public:
    explicit LineagePage(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    void showEntity(const QString &id);
    QString focusedEntity() const;

    LineageGraphWidget *graph() const { return m_graph; }
    LineageNodePanel *nodePanel() const { return m_panel; }

public Q_SLOTS:
    void exportPng();
    void exportSvg();

Q_SIGNALS:
    void openRunRequested(const QString &runId);
    void openOperationRequested(const QString &operationId);
    void openProposalRequested(const QString &proposalId);

private:
    void exportTo(bool svg);
    void find();

    QPointer<StoreSession> m_session;
    QString m_lastDirectory;
    QLineEdit *m_entity;
    QLineEdit *m_find;
    QLabel *m_message;
    LineageGraphWidget *m_graph;
    LineageNodePanel *m_panel;
    QSplitter *m_splitter;
};

} // namespace dpm
