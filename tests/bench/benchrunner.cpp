#include "benchrunner.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace dpm::bench {

namespace {

struct Stats
{
    double median = 0;
    double p95 = 0;
};

Stats statsOf(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    Stats s;
    s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    s.p95 = samples[std::min(n - 1, size_t(std::ceil(0.95 * double(n))) - 1)];
    return s;
}

double timedMs(const std::function<void(int)> &work, int i)
{
    QElapsedTimer timer;
    timer.start();
    work(i);
    return double(timer.nsecsElapsed()) / 1e6;
}

double rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

void printLine(const QJsonObject &line)
{
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

} // namespace

BenchRunner::BenchRunner(QString backend, QString scale)
    : m_backend(std::move(backend))
    , m_scale(std::move(scale))
{ }

bool BenchRunner::selected(const QString &scenario) const
{
    return m_filter.isEmpty() || scenario.startsWith(m_filter);
}

void BenchRunner::compare(const QString &scenario, int runs, const std::function<void(int)> &ours,
    const QString &referenceName, const std::function<void(int)> &reference, const QJsonObject &extra)
{
    if (!selected(scenario))
        return;
    ours(0);
    reference(0);
    std::vector<double> a;
    std::vector<double> b;
    for (int i = 0; i < runs; ++i) {
        // Each sample touches its own pages; read them once untimed on both sides so that neither
        // pays for a cold cache (a 1M-run store does not fit in memory; each side's SQLite
        // connection has its own page cache, which only its own read warms), then alternate which
        // side goes first.
        ours(i);
        reference(i);
        if (i % 2 == 0) {
            a.push_back(timedMs(ours, i));
            b.push_back(timedMs(reference, i));
        } else {
            b.push_back(timedMs(reference, i));
            a.push_back(timedMs(ours, i));
        }
    }
    const Stats s = statsOf(a);
    const Stats r = statsOf(b);
    QJsonObject line { { QStringLiteral("scenario"), scenario }, { QStringLiteral("backend"), m_backend },
        { QStringLiteral("scale"), m_scale }, { QStringLiteral("runs"), runs },
        { QStringLiteral("median_ms"), rounded(s.median) }, { QStringLiteral("p95_ms"), rounded(s.p95) },
        { QStringLiteral("reference"), referenceName }, { QStringLiteral("reference_median_ms"), rounded(r.median) },
        { QStringLiteral("ratio"), r.median > 0 ? std::round(s.median / r.median * 100.0) / 100.0 : 0.0 } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        line.insert(it.key(), it.value());
    printLine(line);
}

void BenchRunner::measure(
    const QString &scenario, int runs, const std::function<void(int)> &ours, const QJsonObject &extra)
{
    if (!selected(scenario))
        return;
    ours(0);
    std::vector<double> a;
    for (int i = 0; i < runs; ++i)
        a.push_back(timedMs(ours, i));
    const Stats s = statsOf(a);
    QJsonObject line { { QStringLiteral("scenario"), scenario }, { QStringLiteral("backend"), m_backend },
        { QStringLiteral("scale"), m_scale }, { QStringLiteral("runs"), runs },
        { QStringLiteral("median_ms"), rounded(s.median) }, { QStringLiteral("p95_ms"), rounded(s.p95) } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        line.insert(it.key(), it.value());
    printLine(line);
}

void BenchRunner::report(const QString &scenario, QJsonObject fields)
{
    if (!selected(scenario))
        return;
    QJsonObject line { { QStringLiteral("scenario"), scenario }, { QStringLiteral("backend"), m_backend },
        { QStringLiteral("scale"), m_scale } };
    for (auto it = fields.begin(); it != fields.end(); ++it)
        line.insert(it.key(), it.value());
    printLine(line);
}

} // namespace dpm::bench
