#pragma once

// Finding the widgets a person would use, by the accessible name a screen reader announces.

#include <QString>
#include <QWidget>

namespace dpm::test {

template <typename T> T *byName(QWidget *root, const QString &accessibleName)
{
    for (T *widget : root->findChildren<T *>()) {
        if (widget->accessibleName() == accessibleName)
            return widget;
    }
    return nullptr;
}

} // namespace dpm::test
