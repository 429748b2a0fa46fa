#pragma once

#include <QStyledItemDelegate>

namespace dpm {

// Paints status words as badges: rounded outlines in the status colour with the word inside.
// A cell's badges come from BadgesRole (a QVariantList of QVariantMap {text, color}), else the
// cell's display text in its Qt::ForegroundRole colour makes one badge. The word is always
// shown: the colour only helps.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // The role a model answers with a cell's badges (several per cell, e.g. one per topic).
    static constexpr int BadgesRole = Qt::UserRole + 200;

    using QStyledItemDelegate::QStyledItemDelegate;

    // A badge for BadgesRole.
    static QVariantMap badge(const QString &text, const QColor &color);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QVariantList badgesOf(const QModelIndex &index);
};

} // namespace dpm
