#pragma once

#include <QElapsedTimer>
#include <QObject>

class QAbstractItemView;

namespace dpm {

// Measures how long the console takes to paint the first rows of a listing (the
// console.first_rows benchmark): watches the view's viewport and, at the first paint that
// shows rows, emits firstRowsPainted with the milliseconds since `started`.
class FirstRowsProbe : public QObject
{
    Q_OBJECT

public:
    FirstRowsProbe(QAbstractItemView *view, QElapsedTimer started, QObject *parent = nullptr);

Q_SIGNALS:
    void firstRowsPainted(qint64 elapsedMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    QElapsedTimer m_started;
    bool m_done = false;
};

} // namespace dpm
