#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace dpm::bench {

// Times our code against its reference, interleaved in one process (A B A B …) so that the
// noise of a shared machine hits both alike, and prints one JSON line per scenario
// (../shared/benchmarks.md): medians, p95 and the ratio ours / reference.
class BenchRunner
{
public:
    BenchRunner(QString backend, QString scale);

    // Runs `ours(i)` and `reference(i)` alternately for i in [0, runs) after one untimed warm-up
    // of each. `better` is "lower" for times, "higher" for throughput scenarios.
    void compare(const QString &scenario, int runs, const std::function<void(int)> &ours, const QString &referenceName,
        const std::function<void(int)> &reference, const QJsonObject &extra = {});
    // A scenario without a reference (goals stated as absolute times).
    void measure(
        const QString &scenario, int runs, const std::function<void(int)> &ours, const QJsonObject &extra = {});
    // A scenario measured elsewhere (throughput, one-shot work): prints the given fields.
    void report(const QString &scenario, QJsonObject fields);

    // Only scenarios whose name starts with this prefix run (empty: all).
    void setFilter(const QString &prefix) { m_filter = prefix; }
    bool selected(const QString &scenario) const;

private:
    QString m_backend;
    QString m_scale;
    QString m_filter;
};

} // namespace dpm::bench
