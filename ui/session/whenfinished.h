#pragma once

#include "domain/error.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <exception>

namespace dpm {

// The error a continuation sees when a worker threw something other than dpm::Error (a bug).
Error unexpectedWorkerError();

// Delivers a worker's result to a receiver on the UI thread: onValue(T) when it succeeded,
// onError(const Error &) when it threw, nothing when it was cancelled. Nothing at all happens
// once the receiver is gone. (QFuture::then(context, …) asserts on a destroyed context in
// Qt 6.4, and pages are destroyed with requests in flight.)
template <typename T, typename OnValue, typename OnError>
QFutureWatcher<T> *whenFinished(const QFuture<T> &future, QObject *receiver, OnValue onValue, OnError onError)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, onValue, onError]() mutable {
        watcher->deleteLater();
        QFuture<T> done = watcher->future();
        try {
            if constexpr (std::is_void_v<T>) {
                done.waitForFinished(); // rethrows the worker's exception
                if (!done.isCanceled())
                    onValue();
            } else {
                if (done.isCanceled() && done.resultCount() == 0) {
                    done.waitForFinished(); // a cancelled task may still have thrown
                    return;
                }
                onValue(done.result());
            }
        } catch (const Error &error) {
            onError(error);
        } catch (...) {
            onError(unexpectedWorkerError());
        }
    });
    watcher->setFuture(future);
    return watcher;
}

} // namespace dpm
