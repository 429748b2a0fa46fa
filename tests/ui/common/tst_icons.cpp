// The console's icons: every navigation page, toolbar action and lineage node kind has a glyph;
// glyphs take the palette's text colour when drawn (so light and dark both work) and render at
// the device pixel ratio (crisp at 2x).

#include "common/icons.h"
#include "lineage/lineagelegend.h"
#include "lineage/lineagenodeitem.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QPalette>
#include <QPixmap>
#include <QtTest>

using namespace dpm;

namespace {

// The colour of the most opaque pixel: the glyph's ink.
QColor inkOf(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > best.alpha())
                best = c;
        }
    }
    return best;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyNamedGlyph_exists_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : { "runs", "decisions", "operations", "proposals", "outbox", "lineage", "summary",
                 "admin", "back", "forward", "find", "connect", "reload", "export", "zoom-in", "zoom-out", "zoom-fit",
                 "zoom-actual", "kind-run", "kind-correlation", "kind-idempotency-key", "kind-operation",
                 "kind-proposal", "kind-decision", "kind-batch", "kind-entity" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyNamedGlyph_exists()
    {
        QFETCH(QString, name);
        const QIcon icon = glyphIcon(name);
        QVERIFY(!icon.isNull());
        QVERIFY(inkOf(icon.pixmap(QSize(24, 24))).alpha() > 200);
    }

    void unknownName_isNull() { QVERIFY(glyphIcon(QStringLiteral("no-such-glyph")).isNull()); }

    void glyph_takesThePalettesTextColour()
    {
        const QPalette original = QApplication::palette();
        const QIcon icon = glyphIcon(QStringLiteral("runs"));
        QPalette light = original;
        light.setColor(QPalette::WindowText, QColor(20, 20, 20));
        QApplication::setPalette(light);
        QCOMPARE(inkOf(icon.pixmap(QSize(24, 24))).rgb(), QColor(20, 20, 20).rgb());

        QPalette dark = original;
        dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
        dark.setColor(QPalette::Active, QPalette::HighlightedText, QColor(255, 255, 0));
        QApplication::setPalette(dark);
        // The same icon object, repainted after the palette changed.
        QCOMPARE(inkOf(icon.pixmap(QSize(24, 24))).rgb(), QColor(220, 220, 220).rgb());
        QCOMPARE(inkOf(icon.pixmap(QSize(24, 24), QIcon::Selected)).rgb(), QColor(255, 255, 0).rgb());
        QApplication::setPalette(original);
    }

    void glyph_rendersAtTheDevicePixelRatio()
    {
        const QIcon icon = glyphIcon(QStringLiteral("lineage"));
        const QPixmap twice = icon.pixmap(QSize(20, 20), 2.0);
        QCOMPARE(twice.size(), QSize(40, 40)); // drawn at 40 device pixels, not scaled up from 20
        QCOMPARE(twice.devicePixelRatio(), 2.0);
    }

    void lineageLegend_drawsEachKindInItsGraphColour()
    {
        LineageLegend legend;
        QStringList names;
        int glyphs = 0;
        for (QLabel *label : legend.findChildren<QLabel *>()) {
            if (!label->property("kind").isValid()) {
                names << label->text();
                continue;
            }
            ++glyphs;
            const auto kind = LineageNodeKind(label->property("kind").toInt());
            QCOMPARE(inkOf(label->pixmap()).rgb(), LineageNodeItem::kindColor(kind, QString(), legend.palette()).rgb());
        }
        QCOMPARE(glyphs, LineageLegend::kinds().size());
        for (LineageNodeKind kind : LineageLegend::kinds())
            QVERIFY2(names.contains(LineageNodeItem::kindName(kind)), qPrintable(names.join(QLatin1Char(','))));
    }

    void applicationIcon_hasEveryDesktopSize()
    {
        const QIcon icon = applicationIcon();
        QVERIFY(!icon.isNull());
        for (int side : { 16, 48, 256 })
            QCOMPARE(icon.pixmap(QSize(side, side)).size(), QSize(side, side));
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
