#include "lineage/lineagenodeitem.h"

#include "common/statuscolors.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace dpm {

namespace {

constexpr double kPadding = 8;
constexpr int kIdMaxChars = 34;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Ellipses and hexagons need room around the text that a box does not.
double shapeAllowance(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Correlation:
    case LineageNodeKind::Decision:
    case LineageNodeKind::Batch:
    case LineageNodeKind::Entity:
        return 1.3;
    case LineageNodeKind::IdempotencyKey:
    case LineageNodeKind::Proposal:
        return 1.15;
    default:
        return 1.0;
    }
}

} // namespace

QString LineageNodeItem::moreNodeId(const QString &parentId)
{
    return QStringLiteral("\x1fmore:") + parentId;
}

LineageNodeItem::Content LineageNodeItem::contentFor(
    const LineageGraphNode &node, const QFont &titleFont, const QFont &idFont)
{
    Content content;
    content.entityId = node.id;
    content.kind = node.kind;
    content.status = node.runStatus;
    content.title = kindName(node.kind);
    if (node.kind == LineageNodeKind::Run) {
        if (!node.stored)
            content.title = tr("run · not stored");
        else if (!node.runStatus.isEmpty())
            content.title = tr("run · %1").arg(node.runStatus);
    }
    content.idText = node.id.size() > kIdMaxChars
        ? node.id.left(kIdMaxChars / 2 - 1) + QChar(0x2026) + node.id.right(kIdMaxChars / 2 - 1)
        : node.id;
    const QFontMetricsF title(titleFont);
    const QFontMetricsF id(idFont);
    const double textWidth = std::max(title.horizontalAdvance(content.title), id.horizontalAdvance(content.idText));
    content.size = QSizeF(std::ceil((textWidth + 2 * kPadding) * shapeAllowance(node.kind)),
        std::ceil((title.height() + id.height() + 1.5 * kPadding) * (shapeAllowance(node.kind) > 1.2 ? 1.2 : 1.0)));
    return content;
}

LineageNodeItem::Content LineageNodeItem::moreContentFor(const QString &parentId, int count, const QFont &titleFont)
{
    Content content;
    content.entityId = parentId;
    content.more = true;
    content.moreCount = count;
    content.title = tr("%1 more not shown").arg(count);
    content.idText = tr("double-click to show");
    const QFontMetricsF metrics(titleFont);
    const double width = std::max(metrics.horizontalAdvance(content.title), metrics.horizontalAdvance(content.idText));
    content.size = QSizeF(std::ceil(width + 2 * kPadding), std::ceil(2 * metrics.height() + 1.5 * kPadding));
    return content;
}

QString LineageNodeItem::kindName(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Run:
        return tr("run");
    case LineageNodeKind::Correlation:
        return tr("correlation");
    case LineageNodeKind::IdempotencyKey:
        return tr("idempotency key");
    case LineageNodeKind::Operation:
        return tr("operation");
    case LineageNodeKind::Proposal:
        return tr("proposal");
    case LineageNodeKind::Decision: // drawn as plain entities
    case LineageNodeKind::Batch:
    case LineageNodeKind::Entity:
        break;
    }
    return tr("entity");
}

QColor LineageNodeItem::kindColor(LineageNodeKind kind, const QString &status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    const auto hue = [dark](int h, int s = 150) { return QColor::fromHsl(h, s, dark ? 165 : 85); };
    switch (kind) {
    case LineageNodeKind::Run:
        if (!status.isEmpty()) {
            const QColor color = runStatusColor(status, palette);
            if (color != palette.color(QPalette::Text))
                return color;
        }
        return hue(210);
    case LineageNodeKind::Correlation:
        return hue(180);
    case LineageNodeKind::IdempotencyKey:
        return hue(275);
    case LineageNodeKind::Operation:
        return hue(25);
    case LineageNodeKind::Proposal:
        return hue(320);
    case LineageNodeKind::Decision:
    case LineageNodeKind::Batch:
    case LineageNodeKind::Entity:
        break;
    }
    return hue(0, 0);
}

LineageNodeItem::LineageNodeItem(
    const Content &content, const QPalette &palette, const QFont &titleFont, const QFont &idFont)
    : m_content(content)
    , m_titleFont(titleFont)
    , m_idFont(idFont)
{
    const QColor base = palette.color(QPalette::Base);
    m_border
        = content.more ? palette.color(QPalette::PlaceholderText) : kindColor(content.kind, content.status, palette);
    m_fill = content.more ? base : mix(base, m_border, isDark(palette) ? 0.28 : 0.16);
    m_text = palette.color(QPalette::Text);
    m_highlight = palette.color(QPalette::Highlight);
    if (isDark(palette))
        m_highlight = m_highlight.lighter(170);
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setCacheMode(DeviceCoordinateCache);
    setToolTip(content.more ? tr("Not shown because of the node cap: %1 more neighbours of %2. Double-click or press "
                                 "Enter to show them.")
                                  .arg(content.moreCount)
                                  .arg(content.entityId)
                            : tr("%1\n%2\nDouble-click or Enter: expand; Ctrl+Enter: centre here")
                                  .arg(content.entityId, content.title));
}

void LineageNodeItem::setFocusNode(bool focus)
{
    m_focus = focus;
    update();
}

QRectF LineageNodeItem::boundingRect() const
{
    const QSizeF s = m_content.size;
    return QRectF(-s.width() / 2 - 3, -s.height() / 2 - 3, s.width() + 6, s.height() + 6);
}

QPainterPath LineageNodeItem::outline() const
{
    const QSizeF s = m_content.size;
    const QRectF r(-s.width() / 2, -s.height() / 2, s.width(), s.height());
    QPainterPath path;
    if (m_content.more) {
        path.addRoundedRect(r, 4, 4);
        return path;
    }
    switch (m_content.kind) {
    case LineageNodeKind::Run:
        path.addRoundedRect(r, 8, 8);
        break;
    case LineageNodeKind::Correlation:
    case LineageNodeKind::Decision:
    case LineageNodeKind::Batch:
    case LineageNodeKind::Entity:
        path.addEllipse(r);
        break;
    case LineageNodeKind::IdempotencyKey: {
        const double inset = std::min(r.height() / 2, r.width() / 6);
        path.addPolygon(QPolygonF({ QPointF(r.left() + inset, r.top()), QPointF(r.right() - inset, r.top()),
            QPointF(r.right(), r.center().y()), QPointF(r.right() - inset, r.bottom()),
            QPointF(r.left() + inset, r.bottom()), QPointF(r.left(), r.center().y()) }));
        path.closeSubpath();
        break;
    }
    case LineageNodeKind::Operation:
        path.addRect(r);
        break;
    case LineageNodeKind::Proposal: {
        const double slant = r.height() / 3;
        path.addPolygon(QPolygonF({ QPointF(r.left() + slant, r.top()), QPointF(r.right(), r.top()),
            QPointF(r.right() - slant, r.bottom()), QPointF(r.left(), r.bottom()) }));
        path.closeSubpath();
        break;
    }
    }
    return path;
}

QPainterPath LineageNodeItem::shape() const
{
    return outline();
}

void LineageNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    QPen pen(selected ? m_highlight : m_border, selected || m_focus ? 3 : 1.5);
    if (m_content.more)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(m_fill);
    painter->drawPath(outline());

    const QSizeF s = m_content.size;
    const QFontMetricsF title(m_titleFont);
    const double top = -(title.height() + QFontMetricsF(m_idFont).height()) / 2;
    QFont titleFont = m_titleFont;
    titleFont.setBold(m_focus);
    painter->setPen(m_text);
    painter->setFont(titleFont);
    painter->drawText(QRectF(-s.width() / 2, top, s.width(), title.height()), Qt::AlignCenter, m_content.title);
    painter->setFont(m_content.more ? m_titleFont : m_idFont);
    painter->drawText(QRectF(-s.width() / 2, top + title.height(), s.width(), QFontMetricsF(m_idFont).height()),
        Qt::AlignCenter, m_content.idText);
}

} // namespace dpm
