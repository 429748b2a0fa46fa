#include "lineage/lineagelegend.h"

#include "common/icons.h"
#include "lineage/lineagenodeitem.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace dpm {

QList<LineageNodeKind> LineageLegend::kinds()
{
    // Decisions and batches are drawn as plain entities (LineageNodeItem), so one entry serves them.
    return { LineageNodeKind::Run, LineageNodeKind::Correlation, LineageNodeKind::IdempotencyKey,
        LineageNodeKind::Operation, LineageNodeKind::Proposal, LineageNodeKind::Entity };
}

QString LineageLegend::glyphName(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Run:
        return QStringLiteral("kind-run");
    case LineageNodeKind::Correlation:
        return QStringLiteral("kind-correlation");
    case LineageNodeKind::IdempotencyKey:
        return QStringLiteral("kind-idempotency-key");
    case LineageNodeKind::Operation:
        return QStringLiteral("kind-operation");
    case LineageNodeKind::Proposal:
        return QStringLiteral("kind-proposal");
    case LineageNodeKind::Decision:
        return QStringLiteral("kind-decision");
    case LineageNodeKind::Batch:
        return QStringLiteral("kind-batch");
    case LineageNodeKind::Entity:
        break;
    }
    return QStringLiteral("kind-entity");
}

LineageLegend::LineageLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lineageLegend"));
    setAccessibleName(tr("Legend"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Legend:"), this));
    for (LineageNodeKind kind : kinds()) {
        auto *glyph = new QLabel(this);
        glyph->setProperty("kind", int(kind));
        auto *name = new QLabel(LineageNodeItem::kindName(kind), this);
        name->setAccessibleName(tr("Node kind %1").arg(name->text()));
        layout->addSpacing(8);
        layout->addWidget(glyph);
        layout->addWidget(name);
        m_glyphs << glyph;
    }
    layout->addStretch(1);
    setToolTip(tr("Runs are drawn in the colour of their status; the legend shows a run without one."));
    updateGlyphs();
}

void LineageLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateGlyphs();
    QWidget::changeEvent(event);
}

void LineageLegend::updateGlyphs()
{
    const int side = fontMetrics().height();
    for (QLabel *glyph : std::as_const(m_glyphs)) {
        const auto kind = LineageNodeKind(glyph->property("kind").toInt());
        glyph->setPixmap(glyphPixmap(glyphName(kind), QSize(side, side), devicePixelRatioF(),
            LineageNodeItem::kindColor(kind, QString(), palette())));
    }
}

} // namespace dpm
