#include "probes/scrollprobe.h"

#include <QAbstractItemView>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace dpm {

namespace {

constexpr qint64 kGiveUpMs = 10 * 60 * 1000;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

double rounded(double ms)
{
    return std::round(ms * 100) / 100;
}

} // namespace

ResidentMemory residentMemory()
{
    ResidentMemory memory;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return memory;
    for (const QByteArray &line : status.readAll().split('\n')) {
        // "VmRSS:	   53600 kB"
        const auto kib = [&line] { return line.mid(6).trimmed().split(' ').value(0).toDouble(); };
        if (line.startsWith("VmRSS:"))
            memory.currentMiB = kib() / 1024;
        else if (line.startsWith("VmHWM:"))
            memory.peakMiB = kib() / 1024;
    }
    return memory;
}

ScrollProbe::ScrollProbe(QAbstractItemView *view, int targetRows, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_targetRows(targetRows)
{
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    m_heartbeat.setInterval(1);
    connect(&m_heartbeat, &QTimer::timeout, this, &ScrollProbe::tick);
}

void ScrollProbe::start()
{
    m_clock.start();
    m_lastTickNs = m_clock.nsecsElapsed();
    m_heartbeat.start();
}

void ScrollProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_gapsMs.append(double(now - m_lastTickNs) / 1e6);
    QAbstractItemModel *model = m_view->model();
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    // The scroll range follows new rows only at the view's next layout: done when the last row
    // itself is on screen.
    const QModelIndex last = model->index(model->rowCount() - 1, 0);
    const bool lastShown = last.isValid() && m_view->viewport()->rect().intersects(m_view->visualRect(last));
    if (model->rowCount() >= m_targetRows && atEnd && lastShown) {
        finish(QStringLiteral("ok"));
        return;
    }
    if (now / 1000000 > kGiveUpMs) {
        finish(QStringLiteral("gave up"));
        return;
    }
    if (!atEnd) {
        bar->setValue(bar->value() + bar->pageStep());
        ++m_steps;
    } else if (model->canFetchMore({})) {
        model->fetchMore({}); // what the view does when it reaches the end; no-op while loading
    }
    // Measured from the end of this tick's own work: the next gap is what the event loop did
    // between (the paint of the new page, rows arriving), not this bookkeeping.
    m_lastTickNs = m_clock.nsecsElapsed();
}

QList<double> ScrollProbe::pagePaintMs(int pages)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    const int reached = bar->value();
    QList<double> paints;
    QElapsedTimer timer;
    for (int i = 0; i < pages && bar->value() > bar->minimum(); ++i) {
        bar->setValue(bar->value() - bar->pageStep());
        timer.start();
        m_view->viewport()->repaint();
        paints.append(double(timer.nsecsElapsed()) / 1e6);
    }
    bar->setValue(reached); // the listing is left where the scrolling took it
    return paints;
}

void ScrollProbe::finish(const QString &outcome)
{
    m_heartbeat.stop();
    const QList<double> paints = pagePaintMs(200);
    const QModelIndex top = m_view->indexAt(QPoint(1, 1));
    const int rowHeight = top.isValid() ? m_view->visualRect(top).height() : 0;
    const int rowsPerPage = rowHeight > 0 ? m_view->viewport()->height() / rowHeight : 0;
    const ResidentMemory memory = residentMemory();
    const QJsonObject line { { QStringLiteral("scenario"), QStringLiteral("console.scroll") },
        { QStringLiteral("outcome"), outcome }, { QStringLiteral("rows"), m_view->model()->rowCount() },
        { QStringLiteral("page_steps"), m_steps }, { QStringLiteral("ticks"), m_gapsMs.size() },
        { QStringLiteral("seconds"), rounded(double(m_clock.elapsed()) / 1000) },
        { QStringLiteral("median_stall_ms"), rounded(percentile(m_gapsMs, 0.5)) },
        { QStringLiteral("p99_stall_ms"), rounded(percentile(m_gapsMs, 0.99)) },
        { QStringLiteral("max_stall_ms"), rounded(percentile(m_gapsMs, 1.0)) },
        { QStringLiteral("page_paints"), paints.size() }, { QStringLiteral("rows_per_page"), rowsPerPage },
        { QStringLiteral("median_page_paint_ms"), rounded(percentile(paints, 0.5)) },
        { QStringLiteral("p99_page_paint_ms"), rounded(percentile(paints, 0.99)) },
        { QStringLiteral("rss_mb"), rounded(memory.currentMiB) },
        { QStringLiteral("peak_rss_mb"), rounded(memory.peakMiB) } };
    Q_EMIT finished(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace dpm
