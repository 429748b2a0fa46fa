#pragma once

// The backend a per-backend suite runs on, chosen at run time: each such suite is one executable,
// registered with ctest once per backend with DPM_TEST_BACKEND=memory|sqlite|postgres|remote|dual
// in its environment (tests/CMakeLists.txt, dpm_add_test BACKENDS). Unset or unknown is a failed
// run with a sentence, never a default.

#include <QFlags>
#include <QMetaObject>
#include <QString>
#include <QtTest>

#include <initializer_list>
#include <vector>

namespace dpm::test {

enum class TestBackend {
    Memory = 0x1,
    Sqlite = 0x2,
    Postgres = 0x4,
    // A SQLite store seeded locally and read over HTTP (tests/contract/seededremotestore.h).
    Remote = 0x8,
    // A DualWriteStore over a memory primary and PostgreSQL (DPM_CONTRACT_DUAL_READ_PERCENT).
    Dual = 0x10,
};
Q_DECLARE_FLAGS(TestBackends, TestBackend)
Q_DECLARE_OPERATORS_FOR_FLAGS(TestBackends)

// The run's backend, from DPM_TEST_BACKEND; prints why and exits with 1 when it is unset or unknown.
TestBackend testBackend();
// Its name as DPM_TEST_BACKEND spells it.
QString testBackendName(TestBackend backend);
inline bool testBackendIsOneOf(TestBackends backends)
{
    return backends.testFlag(testBackend());
}
// Every backend but these, for a test function that exists on all but a few.
inline TestBackends everyBackendBut(TestBackends excluded)
{
    const TestBackends all
        = TestBackend::Memory | TestBackend::Sqlite | TestBackend::Postgres | TestBackend::Remote | TestBackend::Dual;
    return all & ~excluded;
}

// A test function that exists only for some backends: on the others it is not run at all (neither
// skipped nor passed), as when it was compiled only into their executables.
struct BackendSpecificFunction
{
    const char *name;
    TestBackends backends;
};

// What a per-backend suite's main() gives QTest::qExec: its arguments, plus the names of the test
// functions of this backend when some of the class's functions are not for it; `-functions` lists
// only those. Exits with a sentence when the backend is unset or unknown, or a declared function
// does not exist.
class BackendTestArguments
{
public:
    BackendTestArguments(
        int argc, char **argv, const QMetaObject &testClass, std::initializer_list<BackendSpecificFunction> specific);

    // True when the arguments were answered here (`-functions`): main returns exitCode().
    bool finished() const { return m_finished; }
    int exitCode() const { return m_exitCode; }
    int argc() const { return int(m_argv.size()) - 1; }
    char **argv() { return m_argv.data(); }

private:
    bool m_finished = false;
    int m_exitCode = 0;
    std::vector<QByteArray> m_storage;
    // Null-terminated, as main()'s.
    std::vector<char *> m_argv;
};

} // namespace dpm::test

// QTEST_MAIN / QTEST_GUILESS_MAIN for a per-backend suite, with the suite's backend-specific
// functions: DPM_BACKEND_TEST_MAIN(Suite, { "fn", TestBackend::Postgres }, ...).
#define DPM_BACKEND_TEST_MAIN_WRAPPER(TestObject, setup, ...)                                                          \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        ::dpm::test::BackendTestArguments dpmArguments(argc, argv, TestObject::staticMetaObject, { __VA_ARGS__ });     \
        if (dpmArguments.finished())                                                                                   \
            return dpmArguments.exitCode();                                                                            \
        argc = dpmArguments.argc();                                                                                    \
        argv = dpmArguments.argv();                                                                                    \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                                             \
        setup TestObject tc;                                                                                           \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
#define DPM_BACKEND_TEST_MAIN(TestObject, ...)                                                                         \
    DPM_BACKEND_TEST_MAIN_WRAPPER(TestObject, QTEST_MAIN_SETUP(), __VA_ARGS__)
#define DPM_BACKEND_TEST_GUILESS_MAIN(TestObject, ...)                                                                 \
    DPM_BACKEND_TEST_MAIN_WRAPPER(TestObject, QTEST_QAPP_SETUP(QCoreApplication), __VA_ARGS__)
