#include "probes/firstrowsprobe.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QTimer>

namespace dpm {

FirstRowsProbe::FirstRowsProbe(QAbstractItemView *view, QElapsedTimer started, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_started(started)
{
    view->viewport()->installEventFilter(this);
}

bool FirstRowsProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && event->type() == QEvent::Paint && m_view->model() && m_view->model()->rowCount() > 0) {
        m_done = true;
        // Let this paint finish before reporting: the rows are on screen after it.
        QTimer::singleShot(0, this, [this] { Q_EMIT firstRowsPainted(m_started.elapsed()); });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace dpm
