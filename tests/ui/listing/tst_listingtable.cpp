// ListingTable: a listing's grid filled instead of stroked (issue 18) looks exactly like
// QTableView's own, whatever delegate paints a column, scrolled or not, with fewer rows than fit.

#include "common/elidedtextdelegate.h"
#include "listing/listingtable.h"

#include <QImage>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>

using namespace dpm;

namespace {

// The same table, shown by a plain QTableView or by a ListingTable.
struct Shown
{
    Shown(QTableView *view, int rows)
        : model(rows, 4)
        , view(view)
    {
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < 4; ++column)
                model.setItem(row, column, new QStandardItem(QStringLiteral("cell %1/%2 with text").arg(row).arg(column)));
        }
        model.item(qMin(2, rows - 1), 0)->setForeground(QColor(Qt::red));
        view->setModel(&model);
        view->setItemDelegate(new ElidedTextDelegate(view));
        view->setItemDelegateForColumn(1, new QStyledItemDelegate(view)); // a column painted by another delegate
        view->setColumnHidden(2, true);
        view->setAlternatingRowColors(true);
        view->resize(430, 257);
        view->show();
    }
    QStandardItemModel model;
    std::unique_ptr<QTableView> view;
};

} // namespace

class ListingTableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grid_looksAsQTableViewsOwn_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("scrolled");
        QTest::newRow("more rows than fit, top") << 40 << false;
        QTest::newRow("more rows than fit, scrolled") << 40 << true;
        QTest::newRow("fewer rows than fit") << 3 << false;
    }

    void grid_looksAsQTableViewsOwn()
    {
        QFETCH(int, rows);
        QFETCH(bool, scrolled);
        Shown own(new QTableView, rows);
        Shown filled(new ListingTable, rows);
        QVERIFY(filled.view->showGrid()); // cells keep the rectangles they have with a grid
        for (Shown *shown : { &own, &filled }) {
            shown->view->selectRow(1);
            QVERIFY(QTest::qWaitForWindowExposed(shown->view.get()));
            if (scrolled) {
                shown->view->verticalScrollBar()->setValue(7);
                shown->view->horizontalScrollBar()->setValue(shown->view->horizontalScrollBar()->maximum());
            }
        }
        const QImage image = filled.view->viewport()->grab().toImage();
        QCOMPARE(image, own.view->viewport()->grab().toImage());

        // Not vacuous: the grid is there, in the style's grid colour, right of the first cell.
        QStyleOptionViewItem option;
        option.initFrom(own.view.get());
        const QColor grid = QColor::fromRgba(
            QRgb(own.view->style()->styleHint(QStyle::SH_Table_GridLineColor, &option, own.view.get())));
        const QModelIndex cell = own.view->indexAt(QPoint(2, 2));
        QVERIFY(cell.isValid());
        const QRect rect = own.view->visualRect(cell);
        QCOMPARE(image.pixelColor(rect.right() + 1, rect.center().y()), grid);
    }
};

QTEST_MAIN(ListingTableTest)
#include "tst_listingtable.moc"
