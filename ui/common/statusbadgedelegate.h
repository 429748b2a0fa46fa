#pragma once

#include <QStyledItemDelegate>

namespace dpm {

// Draws a status cell as a badge: the word on a rounded, lightly tinted pill in the colour the
// model gives as Qt::ForegroundRole (statuscolors.h). The word stays readable without the colour.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace dpm
