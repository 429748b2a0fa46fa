#pragma once

#include "services/proposaldiff.h"

#include <QStandardItemModel>

namespace dpm {

// Two versions' differences as a tree grouped by the segments of their JSON Pointer paths:
// "result" and "artifact" at the top, then one level per key or array index, the changed values
// at the leaves (before and after as JSON). Only differences are listed — an artifact is mostly
// unchanged between versions, and its whole text is in the version viewer — so a group row
// counts what changed below it. Leaves are coloured by kind: added green, removed red, changed
// amber; the kind is also a column, so the colour never carries it alone.
class ProposalDiffModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { PathColumn, KindColumn, BeforeColumn, AfterColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // "added", "removed", "changed"; empty on a group row
        PointerRole, // the full JSON Pointer of the row ("/intents/2/side"), without the document
        DocumentRole, // "result" or "artifact"
    };
    Q_ENUM(Role)

    explicit ProposalDiffModel(QObject *parent = nullptr);

    void setDiff(const ProposalVersionDiff &diff, const QPalette &palette);
    void clearDiff();
    int differenceCount() const { return m_differences; }

private:
    void addDocument(const QString &name, const QList<JsonDifference> &differences, const QPalette &palette);

    int m_differences = 0;
};

// One JSON value as a one-line JSON literal (strings quoted), empty for undefined.
QString jsonLiteral(const QJsonValue &value);
// The decoded segments of a JSON Pointer ("~1" -> "/", "~0" -> "~"); "" is the whole document.
QStringList jsonPointerSegments(const QString &pointer);

} // namespace dpm
