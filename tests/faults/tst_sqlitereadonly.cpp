// A SQLite store this user cannot write: in a read-only folder (where WAL's -shm file cannot be
// created) and as a read-only file in a writable folder. It opens read-only with a notice, reads
// work, writes fail with STORE_READ_ONLY. Root ignores file permissions, so as root (CI) dpmctl
// runs as "nobody" through runuser; each case first checks that the store really is unwritable.

#include "clisupport.h"
#include "demo/demogenerator.h"
#include "domain/error.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "services/storeopening.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace dpm;
using namespace dpm::test;

namespace {

constexpr auto kUnprivilegedUser = "nobody";

bool isRoot()
{
    return ::geteuid() == 0;
}

// Runs a program as the unprivileged user (or as this user when not root).
CliResult runUnprivileged(const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (isRoot()) {
        process.start(QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), QLatin1String(kUnprivilegedUser), QStringLiteral("--"), program }
                + arguments);
    } else {
        process.start(program, arguments);
    }
    CliResult result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool setMode(const QString &path, QFile::Permissions permissions)
{
    return QFile::setPermissions(path, permissions);
}

const QFile::Permissions kReadOnlyDir = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
    | QFile::ReadOther | QFile::ExeOther;
const QFile::Permissions kOpenDir = kReadOnlyDir | QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
const QFile::Permissions kReadOnlyFile = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;

} // namespace

class SqliteReadOnly : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_folder;
    QString m_file;

    CliResult dpmctl(QStringList args) const
    {
        args.prepend(QStringLiteral("sqlite:") + m_file);
        args.prepend(QStringLiteral("--store"));
        return runUnprivileged(QStringLiteral(DPMCTL_PATH), args, sandboxEnvironment(QStringLiteral("/nonexistent")));
    }

    // The store really is unwritable for the user dpmctl runs as: no new file in the folder
    // (when folderToo) and no write to the file.
    void verifyUnwritable(bool folderToo)
    {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const CliResult file = runUnprivileged(QStringLiteral("sh"),
            { QStringLiteral("-c"), QStringLiteral("test -r \"$0\" && ! test -w \"$0\""), m_file }, env);
        QVERIFY2(file.exitCode == 0, "the store file is writable by the test user: the test would prove nothing");
        const CliResult probe = runUnprivileged(
            QStringLiteral("touch"), { QDir(m_folder).filePath(QStringLiteral("probe")) }, env);
        QVERIFY2((probe.exitCode != 0) == folderToo, qPrintable(probe.describe()));
    }

    // Reads work; the notice is on stderr; a purge is refused with STORE_READ_ONLY.
    void verifyReadOnlyStore(const QString &noticeNames)
    {
        const CliResult list = dpmctl({ QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json") });
        CLI_OK(list);
        QVERIFY2(!list.json().value(QStringLiteral("items")).toArray().isEmpty(), qPrintable(list.describe()));

        const CliResult summary = dpmctl({ QStringLiteral("summary") });
        CLI_OK(summary);
        QVERIFY2(summary.err.contains("Read-only:") && summary.err.contains(noticeNames.toUtf8()),
            qPrintable(summary.describe()));

        const CliResult purge = dpmctl({ QStringLiteral("purge"), QStringLiteral("runs"),
            QStringLiteral("--retention-days"), QStringLiteral("1"), QStringLiteral("--now"),
            QStringLiteral("2030-01-01T00:00:00Z"), QStringLiteral("--json") });
        CLI_FAILS(purge, 9, "STORE_READ_ONLY");
    }

private Q_SLOTS:
    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        QVERIFY(setMode(m_root->path(), kReadOnlyDir | QFile::WriteOwner)); // others may enter
        m_folder = m_root->filePath(QStringLiteral("store"));
        QVERIFY(QDir().mkpath(m_folder));
        m_file = QDir(m_folder).filePath(QStringLiteral("dpm.db"));
        {
            auto store = openStore(StoreLocation::sqlite(m_file), OpenOptions { .applyMigrations = true });
            DemoOptions options;
            options.runCount = 300;
            generateDemoData(*store, options);
        } // the last connection closes: the WAL is checkpointed and removed
        QVERIFY(!QFile::exists(m_file + QStringLiteral("-wal")));
        QVERIFY(setMode(m_file, kReadOnlyFile));
    }

    void cleanup()
    {
        setMode(m_folder, kOpenDir);
        m_root.reset();
    }

    void readOnlyFolder_opensImmutable_readsWorkAndWritesAreRefused()
    {
        QVERIFY(setMode(m_folder, kReadOnlyDir));
        verifyUnwritable(true);
        if (QTest::currentTestFailed())
            return;
        verifyReadOnlyStore(QStringLiteral("folder"));
    }

    void readOnlyFileInWritableFolder_opensReadOnly_readsWorkAndWritesAreRefused()
    {
        QVERIFY(setMode(m_folder, kOpenDir));
        verifyUnwritable(false);
        if (QTest::currentTestFailed())
            return;
        verifyReadOnlyStore(QStringLiteral("file"));
    }

    void writableStore_hasNoNotice()
    {
        SqlDatabase database(StoreLocation::sqlite(m_root->filePath(QStringLiteral("new.db"))));
        QVERIFY(database.readOnlyNotice().isEmpty());
    }

    void unreadableFile_isOpenFailedWithASentence()
    {
        QVERIFY(setMode(m_file, {}));
        const CliResult list = dpmctl({ QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json") });
        CLI_FAILS(list, 7, "DPM_SUPPORTABILITY_SQLITE_OPEN_FAILED");
        QVERIFY2(list.errorJson().value(QStringLiteral("message")).toString().contains(QStringLiteral("may not read")),
            qPrintable(list.describe()));
    }
};

QTEST_GUILESS_MAIN(SqliteReadOnly)
#include "tst_sqlitereadonly.moc"
