#pragma once

#include "domain/error.h"

#include <QtTest>

#include <exception>

// A call that must throw dpm::Error with this code (and a sentence).
#define EXPECT_ERROR(expr, expectedCode)                                                                               \
    do {                                                                                                               \
        bool thrown_ = false;                                                                                          \
        try {                                                                                                          \
            expr;                                                                                                      \
        } catch (const ::dpm::Error &error_) {                                                                         \
            thrown_ = true;                                                                                            \
            QCOMPARE(error_.code(), QStringLiteral(expectedCode));                                                     \
            QVERIFY2(!error_.message().isEmpty(), "the error has no sentence");                                        \
        }                                                                                                              \
        QVERIFY2(thrown_, "expected dpm::Error " expectedCode " from: " #expr);                                        \
    } while (false)

namespace dpm {

// Runs a test body; an exception escaping it is a failure of that test, not of the whole run.
template <typename Body> void guarded(Body body)
{
    try {
        body();
    } catch (const Error &error) {
        QFAIL(qPrintable(QStringLiteral("unexpected dpm::Error ") + error.toString()));
    } catch (const std::exception &error) {
        QFAIL(qPrintable(QStringLiteral("unexpected exception: ") + QString::fromLocal8Bit(error.what())));
    }
}

} // namespace dpm
