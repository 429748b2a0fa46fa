#pragma once

#include "services/lineagegraph.h"

#include <QWidget>

class QLabel;

namespace dpm {

// The lineage graph's legend: each node kind's glyph in the colour the graph draws that kind
// with, and its name. Follows palette changes (light/dark) like the graph does.
class LineageLegend : public QWidget
{
    Q_OBJECT

public:
    explicit LineageLegend(QWidget *parent = nullptr);

    // The kinds shown, in order, and the glyph each is drawn with.
    static QList<LineageNodeKind> kinds();
    static QString glyphName(LineageNodeKind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateGlyphs();

    QList<QLabel *> m_glyphs;
};

} // namespace dpm
