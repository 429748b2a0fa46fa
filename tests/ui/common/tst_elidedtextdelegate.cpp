// ElidedTextDelegate: listings paint each cell's text elided to the cell, in the cell's colour,
// from a layout made once (issue 18: scrolling a million runs without per-paint text layout).

#include "common/elidedtextdelegate.h"
#include "listing/listingview.h"
#include "listing/runspage.h"

#include <QApplication>
#include <QImage>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace dpm;

namespace {

// How many pixels of the image inside `rect` are close to `color`.
int pixelsOf(const QImage &image, const QRect &rect, const QColor &color)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 40 && qAbs(c.green() - color.green()) < 40
                && qAbs(c.blue() - color.blue()) < 40)
                ++n;
        }
    }
    return n;
}

} // namespace

class ElidedTextDelegateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listingTables_paintWithTheElidingDelegate()
    {
        RunsPage page;
        QVERIFY(qobject_cast<ElidedTextDelegate *>(page.listing()->table()->itemDelegate()));
    }

    void longText_isDrawnInItsColourAndStaysInsideItsCell()
    {
        QStandardItemModel model(1, 2);
        auto *item = new QStandardItem(QString(200, u'W'));
        item->setForeground(QColor(Qt::red));
        model.setItem(0, 0, item);
        QTableView view;
        view.setModel(&model);
        view.setItemDelegate(new ElidedTextDelegate(&view));
        view.setShowGrid(false);
        view.setColumnWidth(0, 80);
        view.resize(400, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        const QRect cell = view.visualRect(model.index(0, 0));
        QVERIFY(pixelsOf(image, cell, Qt::red) > 10); // the text, in its foreground colour
        // Elided to the cell: nothing of it in the empty cell beside.
        QCOMPARE(pixelsOf(image, view.visualRect(model.index(0, 1)), Qt::red), 0);

        // A second paint of the same cell draws the same pixels from the kept layout.
        view.viewport()->repaint();
        QCOMPARE(view.viewport()->grab().toImage(), image);
    }
};

QTEST_MAIN(ElidedTextDelegateTest)
#include "tst_elidedtextdelegate.moc"
