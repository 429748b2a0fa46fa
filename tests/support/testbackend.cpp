#include "testbackend.h"

#include <QList>
#include <QMetaMethod>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dpm::test {

namespace {

constexpr TestBackend kBackends[]
    = { TestBackend::Memory, TestBackend::Sqlite, TestBackend::Postgres, TestBackend::Remote, TestBackend::Dual };

[[noreturn]] void failRun(const QString &sentence)
{
    std::fprintf(stderr, "%s\n", qPrintable(sentence));
    std::fflush(stderr);
    std::exit(EXIT_FAILURE);
}

// A test function as QTest::qExec finds one (qtestcase.cpp's isValidSlot): a private slot without
// arguments, not one of the fixture's own nor a _data function.
bool isTestFunction(const QMetaMethod &method)
{
    if (method.access() != QMetaMethod::Private || method.parameterCount() != 0
        || method.returnType() != QMetaType::Void || method.methodType() != QMetaMethod::Slot)
        return false;
    const QByteArray name = method.name();
    return !(name.isEmpty() || name.endsWith("_data") || name == "initTestCase" || name == "cleanupTestCase"
        || name == "init" || name == "cleanup");
}

} // namespace

QString testBackendName(TestBackend backend)
{
    switch (backend) {
    case TestBackend::Memory:
        return QStringLiteral("memory");
    case TestBackend::Sqlite:
        return QStringLiteral("sqlite");
    case TestBackend::Postgres:
        return QStringLiteral("postgres");
    case TestBackend::Remote:
        return QStringLiteral("remote");
    case TestBackend::Dual:
        return QStringLiteral("dual");
    }
    return {};
}

TestBackend testBackend()
{
    static const TestBackend backend = [] {
        const QString name = qEnvironmentVariable("DPM_TEST_BACKEND");
        for (const TestBackend candidate : kBackends) {
            if (name == testBackendName(candidate))
                return candidate;
        }
        failRun(name.isEmpty()
                ? QStringLiteral("TEST_BACKEND_MISSING: set DPM_TEST_BACKEND to memory, sqlite, postgres, remote or "
                                 "dual (ctest does) to run this per-backend suite.")
                : QStringLiteral("TEST_BACKEND_UNKNOWN: DPM_TEST_BACKEND=%1 is not a backend; set it to memory, "
                                 "sqlite, postgres, remote or dual.")
                      .arg(name));
    }();
    return backend;
}

BackendTestArguments::BackendTestArguments(
    int argc, char **argv, const QMetaObject &testClass, std::initializer_list<BackendSpecificFunction> specific)
{
    const TestBackend backend = testBackend();
    QList<QByteArray> functions;
    for (int i = 0; i < testClass.methodCount(); ++i) {
        const QMetaMethod method = testClass.method(i);
        if (isTestFunction(method))
            functions << method.name();
    }
    QSet<QByteArray> excluded;
    for (const BackendSpecificFunction &function : specific) {
        if (!functions.contains(function.name)) {
            failRun(QStringLiteral("TEST_FUNCTION_UNKNOWN: %1 declares %2 backend-specific but has no such test "
                                   "function; correct its DPM_BACKEND_TEST_MAIN.")
                        .arg(QLatin1String(testClass.className()), QLatin1String(function.name)));
        }
        if (!function.backends.testFlag(backend))
            excluded.insert(function.name);
    }

    m_storage.reserve(std::size_t(argc) + std::size_t(functions.size()));
    for (int i = 0; i < argc; ++i)
        m_storage.emplace_back(argv[i]);
    const auto isArgument = [&](const char *option) {
        return std::find(m_storage.begin() + 1, m_storage.end(), QByteArray(option)) != m_storage.end();
    };
    if (isArgument("-functions")) {
        for (const QByteArray &function : std::as_const(functions)) {
            if (!excluded.contains(function))
                std::printf("%s()\n", function.constData());
        }
        m_finished = true;
        return;
    }
    if (!excluded.isEmpty()) {
        // Functions named on the command line (name or name:tag) are run as asked, unless not for
        // this backend; without any, QTest is given this backend's functions in declaration order.
        bool named = false;
        for (std::size_t i = 1; i < m_storage.size(); ++i) {
            const QByteArray function = m_storage[i].split(':').constFirst();
            if (m_storage[i].startsWith('-') || !functions.contains(function))
                continue;
            if (excluded.contains(function)) {
                failRun(QStringLiteral("TEST_FUNCTION_NOT_FOR_BACKEND: %1 does not run on the %2 backend; run it "
                                       "with DPM_TEST_BACKEND set to one of its backends.")
                            .arg(QLatin1String(function), testBackendName(backend)));
            }
            named = true;
        }
        if (!named) {
            for (const QByteArray &function : std::as_const(functions)) {
                if (!excluded.contains(function))
                    m_storage.push_back(function);
            }
        }
    }
    for (QByteArray &argument : m_storage)
        m_argv.push_back(argument.data());
    m_argv.push_back(nullptr);
}

} // namespace dpm::test
