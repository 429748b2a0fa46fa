#pragma once

#include <QTableView>

namespace dpm {

// The table of a listing: a QTableView whose grid lines are filled one pixel wide instead of
// stroked. QTableView strokes each line through QPainter's general path (callgrind: 30% of a
// 29-row page's paint once cell text is cached, issue 18); here the view keeps its grid on, so
// every cell keeps the rectangle it has with a grid, with a pen that strokes nothing, and the
// same lines, in the style's grid colour, are filled after the cells. Solid lines only.
class ListingTable : public QTableView
{
    Q_OBJECT

public:
    explicit ListingTable(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace dpm
