#pragma once

// Waiting in a widget test for a worker's result while the event loop runs, as the UI would
// (continuations on the UI thread go on meanwhile).

#include <QFuture>
#include <QtTest>

namespace dpm::test {

template <typename T> T await(QFuture<T> future, int timeoutMs = 60000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        qFatal("a store call did not finish within %d s", timeoutMs / 1000);
    return future.result();
}

} // namespace dpm::test
