// ElidedTextDelegate: listings paint each cell's text elided to the cell, in the cell's colour,
// from a layout made when its row arrived (issue 18: scrolling a million runs without per-paint
// text layout); a resized column is elided again, and the tooltip still has the whole text.

#include "common/consolesettings.h"
#include "common/elidedtextdelegate.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "listing/runspage.h"
#include "session/storesession.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

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

QString longText(int row)
{
    return QStringLiteral("row %1 ").arg(row) + QString(120, u'x');
}

// A table of `rows` rows of long text in two columns, shown.
struct LongTextTable
{
    explicit LongTextTable(int rows)
        : model(rows, 2)
    {
        for (int row = 0; row < rows; ++row) {
            model.setItem(row, 0, new QStandardItem(longText(row)));
            model.setItem(row, 1, new QStandardItem(QStringLiteral("short")));
        }
        view.setModel(&model);
        delegate = new ElidedTextDelegate(&view);
        view.setItemDelegate(delegate);
        view.setColumnWidth(0, 120);
        view.resize(500, 300);
        view.show();
    }
    QStandardItemModel model;
    QTableView view;
    ElidedTextDelegate *delegate;
};

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

    void repaint_laysNoTextOut()
    {
        LongTextTable table(40);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        QScrollBar *bar = table.view.verticalScrollBar();
        table.view.viewport()->repaint();
        bar->setValue(bar->maximum());
        table.view.viewport()->repaint();
        const qint64 laidOut = table.delegate->layoutsMade();
        QVERIFY(laidOut > 0);
        // Both ends seen once: painting them again lays nothing out.
        bar->setValue(0);
        table.view.viewport()->repaint();
        bar->setValue(bar->maximum());
        table.view.viewport()->repaint();
        QCOMPARE(table.delegate->layoutsMade(), laidOut);
    }

    void appendedRows_arePreparedBeforeTheyAreShown()
    {
        LongTextTable table(5);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        for (int row = 5; row < 300; ++row)
            table.model.appendRow({ new QStandardItem(longText(row)), new QStandardItem(QStringLiteral("short")) });
        // Far below the viewport, never painted: laid out in slices after the rows arrived.
        const QModelIndex last = table.model.index(299, 0);
        QVERIFY(!table.view.viewport()->rect().intersects(table.view.visualRect(last)));
        QTRY_VERIFY(!table.delegate->shownText(last).isNull());
        QVERIFY(table.delegate->shownText(last).startsWith(QLatin1String("row 299")));
        QVERIFY(table.delegate->shownText(last).endsWith(QChar(0x2026)));
        const qint64 laidOut = table.delegate->layoutsMade();
        table.view.scrollToBottom();
        table.view.viewport()->repaint();
        QCOMPARE(table.delegate->layoutsMade(), laidOut); // painted from what was prepared
    }

    void resizingAColumn_elidesItsCellsAgainWhenNextPainted()
    {
        LongTextTable table(5); // all on screen
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        table.view.viewport()->repaint();
        const QModelIndex cell = table.model.index(3, 0);
        const QString narrow = table.delegate->shownText(cell);
        QVERIFY(narrow.endsWith(QChar(0x2026)));
        const QString other = table.delegate->shownText(table.model.index(3, 1));
        QCOMPARE(other, QStringLiteral("short"));

        const qint64 before = table.delegate->layoutsMade();
        table.view.setColumnWidth(0, 300);
        table.view.viewport()->repaint();
        const QString wide = table.delegate->shownText(cell);
        QVERIFY(wide.size() > narrow.size());
        QVERIFY(wide.startsWith(narrow.chopped(1)));
        QVERIFY(table.view.fontMetrics().horizontalAdvance(wide) <= 300);
        // Only the resized column was laid out again: one cell per row shown.
        QCOMPARE(table.delegate->layoutsMade() - before, qint64(table.model.rowCount()));

        table.view.setColumnWidth(0, 2000);
        table.view.viewport()->repaint();
        QCOMPARE(table.delegate->shownText(cell), longText(3)); // fits: not elided at all
    }

    void changedData_isShownChanged()
    {
        LongTextTable table(3);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        table.view.viewport()->repaint();
        table.model.item(1, 1)->setText(QStringLiteral("edited"));
        table.view.viewport()->repaint();
        QCOMPARE(table.delegate->shownText(table.model.index(1, 1)), QStringLiteral("edited"));
    }

    void selectedRow_isHighlightedAcrossTheCell()
    {
        LongTextTable table(3);
        table.view.setSelectionBehavior(QAbstractItemView::SelectRows);
        table.view.setShowGrid(false);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        table.view.selectRow(1);
        table.view.clearFocus();
        table.view.viewport()->repaint();
        const QImage image = table.view.viewport()->grab().toImage();
        const QRect cell = table.view.visualRect(table.model.index(1, 1));
        const QColor highlight = table.view.palette().color(
            table.view.isActiveWindow() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
        // Highlight fills the cell (not only the text's box), the text is drawn over it.
        QVERIFY(pixelsOf(image, cell, highlight) > cell.width() * cell.height() / 2);
        QVERIFY(pixelsOf(image, cell, highlight) < cell.width() * cell.height());
    }

    void listingTooltip_carriesTheWholeText()
    {
        QTemporaryDir dir;
        ConsoleSettings::instance().setFileForTesting(dir.filePath(QStringLiteral("settings.ini")));
        StoreSession session(StoreLocation::memory());
        QFuture<StoreInfo> opened = session.open(OpenOptions { .applyMigrations = true });
        QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 30000);
        auto *model = new KeysetListModel({ { QStringLiteral("note"), QStringLiteral("Note") } });
        auto listing = std::make_unique<ListingView>(QStringLiteral("elided_tooltip"), model);
        listing->resize(400, 300);
        listing->show();
        QVERIFY(QTest::qWaitForWindowExposed(listing.get()));
        listing->setSession(&session);
        const QString whole = QStringLiteral("a note much longer than its column ") + QString(200, u'n');
        model->setLoader([whole](SupportStore &, const PageRequest &) {
            ListPage page;
            page.rows << ListRow { QStringLiteral("1"), {}, {}, { displayCell(whole) }, { whole }, {} };
            return page;
        });
        QTRY_COMPARE(model->rowCount(), 1);
        QTableView *table = listing->table();
        table->setColumnWidth(0, 150);
        table->viewport()->repaint();
        auto *delegate = qobject_cast<ElidedTextDelegate *>(table->itemDelegate());
        QVERIFY(delegate);
        const QModelIndex cell = model->index(0, 0);
        QVERIFY(delegate->shownText(cell).endsWith(QChar(0x2026)));
        QVERIFY(delegate->shownText(cell).size() < 60);

        const QPoint at = table->visualRect(cell).center();
        QHelpEvent help(QEvent::ToolTip, at, table->viewport()->mapToGlobal(at));
        QApplication::sendEvent(table->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), whole);
        QToolTip::hideText();
        listing.reset(); // keeps its column widths in the settings
        ConsoleSettings::instance().closeFileForTesting();
    }
};

QTEST_MAIN(ElidedTextDelegateTest)
#include "tst_elidedtextdelegate.moc"
