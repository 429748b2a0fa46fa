#include "shell/demofilldialog.h"

#include "domain/error.h"
#include "domain/timestamp.h"
#include "session/storesession.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

namespace dpm {

namespace {

// Progress steps: 0 while the generator plans, 1..kSteps-1 while loading, kSteps while analyzing.
constexpr int kSteps = 1000;

QString errorHtml(const Error &error)
{
    return QStringLiteral("<b>%1</b><br>%2").arg(error.code().toHtmlEscaped(), error.message().toHtmlEscaped());
}

} // namespace

struct DemoFillDialog::Shared
{
    std::atomic<qint64> done { 0 };
    std::atomic<qint64> total { 0 };
    std::atomic_bool analyzing { false };
    std::atomic_bool cancel { false };
};

DemoFillDialog::DemoFillDialog(StoreSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    m_options.anchor = nowTimestamp();
    setWindowTitle(tr("Preparing the Demo Store"));
    setWindowModality(Qt::WindowModal);

    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setWordWrap(true);
    m_phase = new QLabel(tr("Planning the demo data…"), this);
    m_phase->setAccessibleName(tr("Phase"));
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Demo data progress"));
    m_progress->setRange(0, 0); // busy until the generator knows its total
    m_progress->setTextVisible(true);
    m_rows = new QLabel(this);
    m_rows->setAccessibleName(tr("Rows written"));
    m_result = new QLabel(this);
    m_result->setAccessibleName(tr("Result"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setVisible(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancelButton = m_buttons->button(QDialogButtonBox::Cancel);
    m_cancelButton->setAccessibleName(tr("Cancel the demo data"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DemoFillDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(m_phase);
    layout->addWidget(m_progress);
    layout->addWidget(m_rows);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(&m_watcher, &QFutureWatcher<DemoReport>::progressValueChanged, this, &DemoFillDialog::updateProgress);
    // The member watcher, not QFuture::then(this, …): Qt 6.4 asserts when a continuation's
    // context is destroyed before the future finishes, and the fill may outlive the dialog.
    connect(&m_watcher, &QFutureWatcher<DemoReport>::finished, this, &DemoFillDialog::collectResult);
    // Wide enough for the sentences to wrap into a few lines rather than a tall column.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
}

DemoFillDialog::~DemoFillDialog()
{
    if (m_shared)
        m_shared->cancel = true;
}

void DemoFillDialog::start()
{
    if (m_running)
        return;
    const qint64 runs = m_options.runCount.value_or(demoScaleRunCount(m_options.scale));
    if (auto *intro = findChild<QLabel *>(QStringLiteral("intro"))) {
        intro->setText(tr("The console's own store is empty. It is being filled with demo data — "
                          "%1 made-up runs with their operations, decisions and lineage over the last %2 "
                          "days — so that every page has something to show.")
                           .arg(QLocale().toString(runs), QLocale().toString(m_options.spanDays)));
        // A wrapped label reports one line until laid out: give it the height its text needs
        // at the dialog's width, so the window is sized for the whole sentence.
        const QMargins margins = layout()->contentsMargins();
        intro->setMinimumHeight(intro->heightForWidth(minimumWidth() - margins.left() - margins.right()));
        resize(minimumWidth(), sizeHint().height());
    }
    m_running = true;
    m_report.reset();
    m_shared = std::make_shared<Shared>();
    show();

    if (!m_session) {
        failWith(Error(ErrorKind::Internal, QStringLiteral("STORE_NOT_OPEN"),
            tr("There is no open store to fill; connect to a store and try again.")));
        return;
    }
    auto shared = m_shared;
    const DemoOptions options = m_options;
    const ProgressHook hook = m_hook;
    QFuture<DemoReport> future = m_session->runWithPromise<DemoReport>(
        [shared, options, hook](QPromise<DemoReport> &promise, SupportStore &store) {
            promise.setProgressRange(0, kSteps);
            const auto progress = [&](qint64 done, qint64 total, const QString &phase) {
                if (hook)
                    hook(done, total);
                shared->total = total;
                shared->done = done;
                if (phase == QLatin1String("analyzing")) {
                    shared->analyzing = true;
                    promise.setProgressValue(kSteps);
                } else {
                    const qint64 step = total > 0 ? 1 + done * (kSteps - 2) / total : 1;
                    promise.setProgressValue(int(std::clamp<qint64>(step, 1, kSteps - 1)));
                }
                return !shared->cancel && !promise.isCanceled();
            };
            promise.addResult(generateDemoData(store, options, progress));
        });
    m_watcher.setFuture(future);
}

void DemoFillDialog::collectResult()
{
    if (!m_running)
        return;
    try {
        finishWith(m_watcher.result());
    } catch (const Error &error) {
        failWith(error);
    } catch (...) {
        failWith(Error(ErrorKind::Internal, QStringLiteral("DEMO_FILL_FAILED"),
            tr("Filling the demo store failed unexpectedly; restart the console with --no-demo and report it.")));
    }
}

void DemoFillDialog::updateProgress()
{
    if (!m_running || !m_shared)
        return;
    const qint64 total = m_shared->total;
    const qint64 done = m_shared->done;
    if (m_progress->maximum() == 0 && total > 0) // busy until the rows are counted
        m_progress->setRange(0, kSteps);
    m_progress->setValue(m_watcher.progressValue());
    if (m_shared->cancel)
        return; // keep saying "Cancelling…"
    if (m_shared->analyzing) {
        m_phase->setText(tr("Updating the database's statistics…"));
    } else {
        m_phase->setText(tr("Writing demo rows…"));
    }
    m_rows->setText(total > 0 ? tr("%1 of %2 rows").arg(QLocale().toString(done), QLocale().toString(total))
                              : tr("%1 rows").arg(QLocale().toString(done)));
}

void DemoFillDialog::reject()
{
    if (!m_running) {
        QDialog::reject();
        return;
    }
    if (m_shared)
        m_shared->cancel = true;
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
    m_phase->setText(tr("Cancelling: undoing the rows not yet committed…"));
}

void DemoFillDialog::showEnded(const QString &html)
{
    m_running = false;
    m_result->setText(html);
    m_result->setVisible(true);
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_cancelButton = m_buttons->button(QDialogButtonBox::Close);
    m_cancelButton->setAccessibleName(tr("Close"));
    m_cancelButton->setDefault(true);
    m_cancelButton->setFocus();
    adjustSize(); // the result sentence needs its lines
}

void DemoFillDialog::finishWith(const DemoReport &report)
{
    m_report = report;
    const qint64 runs = report.rows.value(QStringLiteral("dpm_runs"));
    if (!report.cancelled) {
        m_progress->setRange(0, kSteps);
        m_progress->setValue(kSteps);
        m_phase->setText(tr("Done."));
        m_rows->setText(tr("%1 rows").arg(QLocale().toString(report.totalRows())));
        showEnded(tr("The demo store is ready: %Ln run(s).", nullptr, int(runs)));
        Q_EMIT fillFinished(true);
        accept();
        return;
    }

    m_phase->setText(tr("Cancelled."));
    // What the store holds now, not how far the writer got before it rolled back.
    m_progress->setRange(0, kSteps);
    m_progress->setValue(report.plannedRows > 0 ? int(report.totalRows() * kSteps / report.plannedRows) : 0);
    m_rows->setText(
        tr("%1 of %2 rows kept").arg(QLocale().toString(report.totalRows()), QLocale().toString(report.plannedRows)));
    if (runs == 0) {
        showEnded(tr("<b>No demo data was kept.</b><br>The store is still empty; the console fills it the next "
                     "time it starts (start it with --no-demo to keep it empty)."));
    } else {
        QString startOver = tr("use a new, empty store");
        if (m_session && m_session->location().backend() == StoreBackend::Sqlite) {
            startOver = tr("close the console and delete %1")
                            .arg(QDir::toNativeSeparators(m_session->location().sqlitePath()).toHtmlEscaped());
        }
        showEnded(tr("<b>The store keeps part of the demo data.</b><br>%1 complete runs were committed before "
                     "you cancelled, each with all its rows, so the store is consistent; the rest was not "
                     "written. The store is no longer empty, so the console will not fill it again. To start "
                     "over, %2.")
                      .arg(QLocale().toString(runs), startOver));
    }
    Q_EMIT fillFinished(false);
}

void DemoFillDialog::failWith(const Error &error)
{
    m_phase->setText(tr("The demo data could not be written."));
    m_progress->setRange(0, kSteps);
    showEnded(errorHtml(error));
    Q_EMIT fillFinished(false);
}

} // namespace dpm
