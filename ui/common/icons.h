#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace dpm {

// The console's icons (resources/icons.qrc). Glyphs are single-colour SVGs drawn with
// "currentColor"; they are painted in the palette's text colour when drawn (disabled and selected
// states use those roles' colours), so they suit light and dark palettes alike and are rendered
// at the device's pixel ratio, crisp at 2x.
//
// name: a navigation page ("runs", "decisions", "operations", "proposals", "outbox", "lineage",
// "summary", "admin"), a toolbar action ("back", "forward", "find", "connect", "reload", "export",
// "zoom-in", "zoom-out", "zoom-fit", "zoom-actual") or a lineage node kind ("kind-run", …).
// An unknown name gives a null icon.
QIcon glyphIcon(const QString &name);

// A glyph in a given colour (the lineage legend draws each kind in its graph colour), rendered
// at `devicePixelRatio` device pixels per logical pixel. Null for an unknown name.
QPixmap glyphPixmap(const QString &name, const QSize &size, qreal devicePixelRatio, const QColor &color);

// The application's own (coloured) icon.
QIcon applicationIcon();

} // namespace dpm
