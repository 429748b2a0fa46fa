#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class QAbstractItemView;

namespace dpm {

// The console.scroll benchmark: scrolls a listing a page at a time, as a person holding Page
// Down would, until `targetRows` rows are loaded and the last of them is on screen, while a 1 ms
// heartbeat on the UI thread measures how long the event loop was blocked between two of its
// ticks (a paint, rows arriving from a worker). Then, with the heartbeat stopped, it paints the
// loaded pages again one by one and times each paint alone (what one screen of rows costs,
// without the event loop's other work). Emits finished with the JSON line to print.
class ScrollProbe : public QObject
{
    Q_OBJECT

public:
    ScrollProbe(QAbstractItemView *view, int targetRows, QObject *parent = nullptr);

    // Starts once the listing shows its first rows.
    void start();

Q_SIGNALS:
    void finished(const QByteArray &jsonLine);

private:
    void tick();
    void finish(const QString &outcome);
    // Times a synchronous repaint of up to `pages` screens of rows, from the end upwards.
    QList<double> pagePaintMs(int pages);

    QAbstractItemView *m_view;
    int m_targetRows;
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    QList<double> m_gapsMs;
    int m_steps = 0;
};

// Resident memory now and at its peak, in MiB (Linux /proc; 0 elsewhere).
struct ResidentMemory
{
    double currentMiB = 0;
    double peakMiB = 0;
};
ResidentMemory residentMemory();

} // namespace dpm
