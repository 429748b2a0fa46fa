#include "bundle/lineageedgelistmodel.h"

#include "domain/entities.h"
#include "services/lineage.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace dpm {

namespace {

QString kindOf(const QString &id, const LineageEdge &edge)
{
    if (const auto kind = lineageNodeKindFromPrefix(id))
        return toWire(*kind);
    if (const auto kind = lineageNodeKindFromEdge(id, edge))
        return toWire(*kind);
    return toWire(LineageNodeKind::Entity);
}

} // namespace

LineageEdgeListModel::LineageEdgeListModel(QObject *parent)
    : PreparedTableModel({ tr("Created at"), tr("Source"), tr("Edge type"), tr("Target"), tr("Metadata") }, parent)
{
    setMonospaceColumns({ SourceColumn, TargetColumn, MetadataColumn });
}

void LineageEdgeListModel::setEdges(const QJsonArray &edges)
{
    QList<QStringList> rows;
    m_kinds.clear();
    for (const QJsonValue &value : edges) {
        const QJsonObject e = value.toObject();
        LineageEdge edge;
        edge.sourceEntityId = e.value(QLatin1String("source_entity_id")).toString();
        edge.edgeType = e.value(QLatin1String("edge_type")).toString();
        edge.targetEntityId = e.value(QLatin1String("target_entity_id")).toString();
        edge.createdAt = e.value(QLatin1String("created_at")).toString();
        const QJsonValue metadata = e.value(QLatin1String("metadata"));
        QString metadataText;
        if (metadata.isObject())
            metadataText = QString::fromUtf8(QJsonDocument(metadata.toObject()).toJson(QJsonDocument::Compact));
        else if (metadata.isArray())
            metadataText = QString::fromUtf8(QJsonDocument(metadata.toArray()).toJson(QJsonDocument::Compact));
        else if (!metadata.isNull() && !metadata.isUndefined())
            metadataText = metadata.toVariant().toString();
        m_kinds << std::pair { kindOf(edge.sourceEntityId, edge), kindOf(edge.targetEntityId, edge) };
        rows << QStringList { edge.createdAt, edge.sourceEntityId, edge.edgeType, edge.targetEntityId, metadataText };
    }
    setRows(std::move(rows));
}

QVariant LineageEdgeListModel::extraData(int row, int column, int role) const
{
    if (column != SourceColumn && column != TargetColumn)
        return role == EntityIdRole || role == EntityKindRole ? QVariant(QString()) : QVariant();
    switch (role) {
    case EntityIdRole:
        return cellText(row, column);
    case EntityKindRole:
        return column == SourceColumn ? m_kinds.value(row).first : m_kinds.value(row).second;
    }
    return {};
}

} // namespace dpm
