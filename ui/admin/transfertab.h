#pragma once

#include "services/snapshotexport.h"
#include "services/transfer.h"
#include "store/storelocation.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace dpm {

class ActionStatusWidget;
class Error;
class StoreSession;

// The Transfer tab of the admin page: copies the open store (the source, usually the SQLite
// default) into another database (the target, usually a migrated PostgreSQL database) with the
// resumable backfill of core/services/transfer.h, and compares the two row by row. The backfill
// changes the target, so it needs the page unlocked and a confirmation naming the target; the
// parity check only reads and works while locked. Both report progress and can be cancelled.
// The same tab exports the open store to a snapshot file and restores one into it (an empty
// store), the rollback point of the move.
class TransferTab : public QWidget
{
    Q_OBJECT

public:
    explicit TransferTab(QWidget *parent = nullptr);
    ~TransferTab() override;

    void setSession(StoreSession *session);
    void setUnlocked(bool unlocked);

    QLineEdit *targetField() const { return m_target; }
    // Optional: where the target keeps its proposals, when in a database of their own.
    QLineEdit *targetProposalStoreField() const { return m_targetProposals; }
    QSpinBox *batchRowsField() const { return m_batchRows; }
    QCheckBox *resumeBox() const { return m_resume; }
    QStandardItemModel *resultModel() const { return m_model; }
    QString resultText() const;
    bool isBusy() const { return m_busy; }
    // For tests: called on the worker thread before each batch, before the cancel is looked at.
    using ProgressHook = std::function<void(qint64 done, qint64 total)>;
    void setProgressHook(ProgressHook hook) { m_hook = std::move(hook); }
    // Asks for the snapshot file (`save`: to write); empty when the person cancelled. A file
    // dialog unless a test sets another.
    using FileChooser = std::function<QString(bool save)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

public Q_SLOTS:
    // Confirms with the source and the target, then copies. Refused while locked.
    void backfill();
    // Compares source and target; changes nothing.
    void verify();
    // Stops after the batch in progress; what was committed stays, and a resumed backfill goes on
    // from there.
    void cancel();
    // Writes a snapshot of the open store to a file (dpmctl snapshot export); only reads, so it
    // works while locked. Recorded in the store's audit log.
    void exportSnapshot();
    // Loads a snapshot file into the open store, which must be empty and migrated as the
    // snapshot's source was (dpmctl snapshot import): unlocked, confirmed, audited, in one
    // transaction, so Cancel leaves it empty.
    void restoreSnapshot();

Q_SIGNALS:
    void actionRecorded();
    // A snapshot was restored into this store: views of it should reload.
    void storeChanged();
    // "Open the target": after a parity check that matched, the console switches to the target
    // (the read switchover, for the console's own reads).
    void openTargetRequested(const dpm::StoreLocation &target);

private:
    // What the worker shares with the UI thread while it runs.
    struct Progress
    {
        std::atomic<qint64> done = 0;
        std::atomic<qint64> total = 0;
        std::atomic<bool> cancel = false;
        std::mutex mutex;
        QString table;
    };

    template <typename T>
    static TransferProgressFn reportProgress(Progress &state, QPromise<T> &promise, const ProgressHook &hook);
    // Clears the last result and shows the progress of new work on `target`.
    std::shared_ptr<Progress> startWork(const StoreLocation &target);
    void setBusy(bool busy, const QString &text = {});
    void showBackfill(const TransferReport &report);
    void showParity(const ParityReport &report);
    void showSnapshot(const SnapshotReport &report);
    void startSnapshot(const QString &path, bool restore);
    void showError(const QString &what, const Error &error);
    void updateButtons();
    void updateProgress();
    bool targetFromField(StoreLocation &location);

    QPointer<StoreSession> m_session;
    bool m_unlocked = false;
    bool m_busy = false;
    ProgressHook m_hook;
    std::shared_ptr<Progress> m_progressState;
    QFutureWatcher<TransferReport> m_backfillWatcher;
    QFutureWatcher<ParityReport> m_verifyWatcher;
    QFutureWatcher<SnapshotReport> m_snapshotWatcher;
    bool m_restoring = false; // what m_snapshotWatcher runs: a restore, else an export
    FileChooser m_chooseFile;

    QLineEdit *m_target;
    QLineEdit *m_targetProposals;
    QSpinBox *m_batchRows;
    QCheckBox *m_resume;
    QPushButton *m_backfillButton;
    QPushButton *m_verifyButton;
    QPushButton *m_openTargetButton;
    QPushButton *m_exportButton;
    QPushButton *m_restoreButton;
    std::optional<StoreLocation> m_verifiedTarget; // the target of the last parity check that matched
    ActionStatusWidget *m_actionStatus;
    QStandardItemModel *m_model;
    QTableView *m_view;
};

} // namespace dpm
