#include "common/icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace dpm {

namespace {

QByteArray glyphSource(const QString &name)
{
    QFile file(QStringLiteral(":/icons/glyphs/%1.svg").arg(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QPixmap render(QByteArray svg, const QSize &size, const QColor &color)
{
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    QPixmap out(size);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    painter.setOpacity(color.alphaF());
    renderer.render(&painter, QRectF(QPointF(0, 0), size));
    return out;
}

// Paints a "currentColor" SVG in a palette colour chosen at paint time, so a palette change
// (light to dark) needs no reload. Pixmaps are rendered at the requested device size.
class GlyphIconEngine : public QIconEngine
{
public:
    explicit GlyphIconEngine(QByteArray svg)
        : m_svg(std::move(svg))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = pixmap(rect.size() * dpr, mode, state);
        image.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect.topLeft(), image);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state);
        const QColor color = colorFor(mode);
        const QString key
            = QStringLiteral("%1x%2/%3").arg(size.width()).arg(size.height()).arg(color.name(QColor::HexArgb));
        if (const auto cached = m_cache.constFind(key); cached != m_cache.constEnd())
            return *cached;
        const QPixmap out = render(m_svg, size, color);
        if (m_cache.size() > 64)
            m_cache.clear();
        m_cache.insert(key, out);
        return out;
    }

    QIconEngine *clone() const override { return new GlyphIconEngine(m_svg); }
    QString key() const override { return QStringLiteral("dpm-glyph"); }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

QIcon glyphIcon(const QString &name)
{
    QByteArray svg = glyphSource(name);
    return svg.isEmpty() ? QIcon() : QIcon(new GlyphIconEngine(std::move(svg)));
}

QPixmap glyphPixmap(const QString &name, const QSize &size, qreal devicePixelRatio, const QColor &color)
{
    const QByteArray svg = glyphSource(name);
    if (svg.isEmpty())
        return {};
    QPixmap out = render(svg, size * devicePixelRatio, color);
    out.setDevicePixelRatio(devicePixelRatio);
    return out;
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/app/dpm-support-console.svg"));
}

} // namespace dpm
