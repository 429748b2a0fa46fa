#pragma once

#include <QCache>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace dpm {

// Paints a cell's display text elided to the cell's width, laid out once: the elided text of each
// (text, width, font) is kept as a QStaticText, so scrolling a long listing repaints cached glyph
// runs instead of shaping and eliding every visible cell on every paint (issue 18: text layout
// was most of a page's paint). Background, selection and focus come from the style as usual.
class ElidedTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const QStaticText &laidOut(const QString &text, const QFont &font, int width) const;

    // Bounded: a few screens of cells of each width the user gave the columns.
    mutable QCache<QString, QStaticText> m_texts { 8192 };
};

} // namespace dpm
