#pragma once

#include "common/preparedtablemodel.h"

#include <QJsonArray>

namespace dpm {

// The lineage edges touching a run, as the bundle lists them (created_at, source, edge type,
// target, metadata). Source and target cells carry the entity id and its inferred kind
// (Part A §7) so a view can open what they name.
class LineageEdgeListModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column { CreatedAtColumn, SourceColumn, EdgeTypeColumn, TargetColumn, MetadataColumn };
    enum Role {
        EntityIdRole = Qt::UserRole + 1, // source/target columns: the id; other columns: empty
        EntityKindRole, // "run", "operation", "correlation", … (lineage.h's toWire), "entity" if unknown
    };
    Q_ENUM(Role)

    explicit LineageEdgeListModel(QObject *parent = nullptr);

    // lineage.edges of a bundle: {source_entity_id, edge_type, target_entity_id, created_at, metadata}.
    void setEdges(const QJsonArray &edges);

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QList<std::pair<QString, QString>> m_kinds; // per row: source kind, target kind
};

} // namespace dpm
