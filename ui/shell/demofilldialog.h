#pragma once

#include "demo/demogenerator.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace dpm {

class Error;
class StoreSession;

// Fills an empty store with the demo generator (first start of the embedded default) on the
// session's worker thread, with the phase, a progress bar and Cancel. A cancelled fill keeps the
// runs committed before it (whole runs, so the store is consistent) and the dialog says so.
class DemoFillDialog : public QDialog
{
    Q_OBJECT

public:
    // The session must be open and outlive the fill.
    explicit DemoFillDialog(StoreSession *session, QWidget *parent = nullptr);
    // Asks a running fill to stop (it stops at its next progress report and rolls back the
    // transaction in progress).
    ~DemoFillDialog() override;

    // Scale S, anchored now, unless set (tests use a small runCount).
    void setOptions(const DemoOptions &options) { m_options = options; }
    const DemoOptions &options() const { return m_options; }

    // Shows the dialog (window-modal) and starts the fill. Ends with fillFinished().
    void start();
    bool isRunning() const { return m_running; }
    // The generator's report once the fill ended without an error (cancelled or not).
    const std::optional<DemoReport> &report() const { return m_report; }

    // Called on the worker thread at each progress report, before the cancel check (tests use
    // it to hold the fill at a known point).
    using ProgressHook = std::function<void(qint64 rowsDone, qint64 rowsTotal)>;
    void setProgressHookForTesting(ProgressHook hook) { m_hook = std::move(hook); }

public Q_SLOTS:
    // Cancel while running; Close afterwards. Escape and the window's close button do the same.
    void reject() override;

Q_SIGNALS:
    // filled: every demo row is in the store. false after a cancel or an error (see report()).
    void fillFinished(bool filled);

private:
    struct Shared; // progress and the cancel request, shared with the worker
    void updateProgress();
    void collectResult();
    void finishWith(const DemoReport &report);
    void failWith(const Error &error);
    void showEnded(const QString &html);

    QPointer<StoreSession> m_session;
    DemoOptions m_options;
    ProgressHook m_hook;
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<DemoReport> m_watcher;
    bool m_running = false;
    std::optional<DemoReport> m_report;

    QLabel *m_phase = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_rows = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace dpm
