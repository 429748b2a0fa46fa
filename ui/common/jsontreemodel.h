#pragma once

#include <QAbstractItemModel>
#include <QBrush>
#include <QFont>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace dpm {

// A read-only tree over one JSON document: columns Key | Value | Type. The nodes and their
// display strings are built once in setJson(), so data() is O(1). A container root's members are
// the top-level rows; a scalar root is one row with the key "$".
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        FullValueRole = Qt::UserRole + 1, // untruncated value text (strings without quotes)
        JsonPathRole, // "$.result.intents[3].side"
        JsonTextRole, // the node's value as JSON text (strings quoted)
        IsMatchRole, // bool: the node matches the highlighted text
    };
    Q_ENUM(Role)

    // Values longer than this are cut in the display role (the tooltip has all of it).
    static constexpr int kDisplayLimit = 160;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const QJsonValue &value);
    void clear();
    QJsonValue json() const { return m_root; }

    // Every node whose key or value text contains `text` (case-insensitive), in document order
    // (depth first), as column-0 indexes. Empty text matches nothing.
    QModelIndexList search(const QString &text) const;
    // Marks the nodes search(text) returns (IsMatchRole, background) until the text changes.
    void setHighlightText(const QString &text);
    void setMatchBrush(const QBrush &brush) { m_matchBrush = brush; }

    QJsonValue value(const QModelIndex &index) const;
    QString jsonPath(const QModelIndex &index) const;
    // The value as JSON text: indented for objects and arrays, a JSON literal for scalars.
    QString valueAsJson(const QModelIndex &index) const;
    // The value as a person copies it: strings without quotes, containers as JSON.
    QString valueAsText(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    static void fill(Node *node);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;

    QJsonValue m_root;
    std::unique_ptr<Node> m_rootNode; // invisible parent of the top-level rows
    QString m_highlight;
    QBrush m_matchBrush;
    QFont m_fixedFont;
};

} // namespace dpm
