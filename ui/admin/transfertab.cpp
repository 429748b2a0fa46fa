#include "admin/transfertab.h"

#include "admin/actionstatuswidget.h"
#include "admin/adminconfirmation.h"
#include "common/statuscolors.h"
#include "domain/error.h"
#include "services/snapshotimport.h"
#include "services/storeopening.h"
#include "store/storelocation.h"
#include "store/supportstore.h"
#include "session/storesession.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

namespace {

constexpr int kProgressSteps = 1000;

QStandardItem *numberItem(qint64 value)
{
    auto *item = new QStandardItem(QLocale().toString(value));
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

// On the worker: what the UI thread shows (through `state` and the promise's progress), and
// whether to go on.
template <typename T>
TransferProgressFn TransferTab::reportProgress(Progress &state, QPromise<T> &promise, const ProgressHook &hook)
{
    return [&state, &promise, hook](qint64 done, qint64 total, const QString &table) {
        if (hook)
            hook(done, total);
        state.done = done;
        state.total = total;
        if (!table.isEmpty()) {
            std::lock_guard lock(state.mutex);
            state.table = table;
        }
        promise.setProgressValue(total > 0 ? int(done * kProgressSteps / total) : 0);
        return !state.cancel && !promise.isCanceled();
    };
}

TransferTab::TransferTab(QWidget *parent)
    : QWidget(parent)
    , m_target(new QLineEdit(this))
    , m_targetProposals(new QLineEdit(this))
    , m_batchRows(new QSpinBox(this))
    , m_resume(new QCheckBox(tr("&Resume an interrupted backfill from this store"), this))
    , m_backfillButton(new QPushButton(tr("&Backfill…"), this))
    , m_verifyButton(new QPushButton(tr("&Verify parity"), this))
    , m_openTargetButton(new QPushButton(tr("&Open the target"), this))
    , m_exportButton(new QPushButton(tr("E&xport snapshot…"), this))
    , m_restoreButton(new QPushButton(tr("Re&store from snapshot…"), this))
    , m_actionStatus(new ActionStatusWidget(this))
    , m_model(new QStandardItemModel(this))
    , m_view(new QTableView(this))
{
    m_target->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/database"));
    m_target->setAccessibleName(tr("Target store"));
    m_target->setToolTip(tr("The database to copy into: migrated first (Admin › Migrations on it, or dpmctl "
                            "migrate apply). The password comes from ~/.pgpass, PGPASSWORD or a service file."));
    m_target->setClearButtonEnabled(true);
    m_target->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 72);
    m_targetProposals->setPlaceholderText(tr("the target itself"));
    m_targetProposals->setAccessibleName(tr("Target proposal store"));
    m_targetProposals->setToolTip(tr("Where the target keeps the advisory proposals, when that is a database of "
                                     "their own (the service's PROPOSAL_POSTGRES_DSN); migrated first as well. "
                                     "Empty: the target holds them."));
    m_targetProposals->setClearButtonEnabled(true);
    m_targetProposals->setMinimumWidth(m_target->minimumWidth());
    m_batchRows->setRange(1, 1000000);
    m_batchRows->setValue(TransferOptions {}.batchRows);
    m_batchRows->setGroupSeparatorShown(true);
    m_batchRows->setAccessibleName(tr("Rows per batch"));
    m_batchRows->setToolTip(tr("Rows per transaction, at most (a batch also ends at about 16 MB)."));
    m_resume->setToolTip(tr("Continue a backfill that stopped (cancelled, failed, or the console closed): the rows "
                            "already in the target stay, and the copy goes on after them."));
    m_backfillButton->setAccessibleName(tr("Backfill"));
    m_verifyButton->setAccessibleName(tr("Verify parity"));
    m_verifyButton->setToolTip(tr("Compare this store and the target row by row; changes nothing."));
    m_actionStatus->setAccessibleNames(tr("Transfer progress"), tr("Transfer progress text"),
        tr("Cancel the backfill or parity check"), tr("Transfer result"));
    m_actionStatus->setCancelToolTip(tr("Stops after the batch in progress; what was committed stays."));
    m_openTargetButton->setAccessibleName(tr("Open the target"));
    m_openTargetButton->setToolTip(
        tr("Switch the console to the target once the parity check found both stores equal."));
    m_exportButton->setAccessibleName(tr("Export snapshot"));
    m_exportButton->setToolTip(tr("Write every table of this store to one compressed file (a snapshot to roll back "
                                  "to); only reads this store."));
    m_restoreButton->setAccessibleName(tr("Restore from snapshot"));
    m_chooseFile = [this](bool save) {
        const QString filter = tr("DPM snapshots (*.gz);;All files (*)");
        return save ? QFileDialog::getSaveFileName(this, tr("Export snapshot"),
                   QDir::home().filePath(QStringLiteral("dpm.snapshot.gz")), filter)
                    : QFileDialog::getOpenFileName(this, tr("Restore from snapshot"), QDir::homePath(), filter);
    };
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Rows per table"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *form = new QFormLayout;
    auto *targetLabel = new QLabel(tr("&Target:"), this);
    targetLabel->setBuddy(m_target);
    auto *batchLabel = new QLabel(tr("Rows per &batch:"), this);
    batchLabel->setBuddy(m_batchRows);
    form->addRow(targetLabel, m_target);
    auto *targetProposalsLabel = new QLabel(tr("Target's &proposal store (optional):"), this);
    targetProposalsLabel->setBuddy(m_targetProposals);
    form->addRow(targetProposalsLabel, m_targetProposals);
    form->addRow(batchLabel, m_batchRows);
    form->addRow(QString(), m_resume);

    auto *intro = new QLabel(tr("Copy this store into another database — usually from the local SQLite store into "
                                "PostgreSQL — then check that both hold the same rows before pointing the service at "
                                "the new one. The backfill only reads this store and writes to the target."),
        this);
    intro->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_backfillButton);
    buttons->addWidget(m_verifyButton);
    buttons->addWidget(m_openTargetButton);
    buttons->addStretch(1);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_restoreButton);
    auto *formRow = new QHBoxLayout;
    formRow->addLayout(form);
    formRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(formRow);
    layout->addLayout(buttons);
    layout->addWidget(m_actionStatus);
    layout->addWidget(m_view, 1);

    connect(m_backfillButton, &QPushButton::clicked, this, &TransferTab::backfill);
    connect(m_verifyButton, &QPushButton::clicked, this, &TransferTab::verify);
    connect(m_exportButton, &QPushButton::clicked, this, &TransferTab::exportSnapshot);
    connect(m_restoreButton, &QPushButton::clicked, this, &TransferTab::restoreSnapshot);
    connect(m_actionStatus, &ActionStatusWidget::cancelRequested, this, &TransferTab::cancel);
    connect(m_openTargetButton, &QPushButton::clicked, this, [this] {
        if (m_verifiedTarget && !m_busy)
            Q_EMIT openTargetRequested(*m_verifiedTarget);
    });
    connect(m_target, &QLineEdit::textChanged, this, [this] { m_verifiedTarget.reset(); });
    connect(m_targetProposals, &QLineEdit::textChanged, this, [this] { m_verifiedTarget.reset(); });
    connect(m_target, &QLineEdit::textChanged, this, &TransferTab::updateButtons);
    for (QFutureWatcherBase *watcher :
        std::initializer_list<QFutureWatcherBase *> { &m_backfillWatcher, &m_verifyWatcher, &m_snapshotWatcher })
        connect(watcher, &QFutureWatcherBase::progressValueChanged, this, &TransferTab::updateProgress);
    connect(&m_backfillWatcher, &QFutureWatcherBase::finished, this, [this] {
        setBusy(false);
        try {
            showBackfill(m_backfillWatcher.result());
        } catch (const Error &error) {
            showError(tr("The backfill stopped"), error);
        }
        Q_EMIT actionRecorded();
    });
    connect(&m_verifyWatcher, &QFutureWatcherBase::finished, this, [this] {
        setBusy(false);
        try {
            showParity(m_verifyWatcher.result());
        } catch (const Error &error) {
            showError(tr("The parity check failed"), error);
        }
    });
    connect(&m_snapshotWatcher, &QFutureWatcherBase::finished, this, [this] {
        setBusy(false);
        bool restored = false;
        try {
            const SnapshotReport report = m_snapshotWatcher.result();
            showSnapshot(report);
            restored = m_restoring && !report.cancelled;
        } catch (const Error &error) {
            showError(m_restoring ? tr("The restore stopped") : tr("The export stopped"), error);
        }
        Q_EMIT actionRecorded();
        if (restored)
            Q_EMIT storeChanged();
    });
    updateButtons();
}

TransferTab::~TransferTab()
{
    // A backfill in flight stops after its batch; the session waits for its worker.
    if (m_progressState)
        m_progressState->cancel = true;
}

void TransferTab::setSession(StoreSession *session)
{
    m_session = session;
    m_verifiedTarget.reset();
    if (!m_busy) {
        m_model->clear();
        m_actionStatus->hideResult();
    }
    updateButtons();
}

void TransferTab::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    updateButtons();
}

QString TransferTab::resultText() const
{
    return m_actionStatus->resultText();
}

void TransferTab::updateButtons()
{
    const bool ready = m_session && !m_busy && !m_target->text().trimmed().isEmpty();
    m_backfillButton->setEnabled(ready && m_unlocked);
    m_verifyButton->setEnabled(ready);
    m_openTargetButton->setEnabled(!m_busy && m_verifiedTarget.has_value());
    m_exportButton->setEnabled(m_session && !m_busy);
    m_restoreButton->setEnabled(m_session && !m_busy && m_unlocked);
    m_restoreButton->setToolTip(m_unlocked
            ? tr("Load a snapshot file into this store, which must be empty and migrated as the snapshot's source was.")
            : tr("Read-only: unlock the admin page to restore a snapshot into this store."));
    m_backfillButton->setToolTip(m_unlocked
            ? tr("Shows source and target, asks for confirmation, then copies every row in batches.")
            : tr("Read-only: unlock the admin page to copy into another database."));
    m_target->setEnabled(!m_busy);
    m_batchRows->setEnabled(!m_busy);
    m_resume->setEnabled(!m_busy);
}

void TransferTab::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    if (busy)
        m_actionStatus->start(text);
    else
        m_actionStatus->stop();
    updateButtons();
}

void TransferTab::showError(const QString &what, const Error &error)
{
    m_actionStatus->showResult(tr("%1: %2: %3").arg(what, error.code(), error.message()), true);
}

bool TransferTab::targetFromField(StoreLocation &location)
{
    try {
        location = StoreLocation::parse(m_target->text().trimmed());
        if (const QString proposals = m_targetProposals->text().trimmed(); !proposals.isEmpty())
            location = location.withProposalStore(StoreLocation::parse(proposals));
    } catch (const Error &error) {
        showError(tr("The target is not a store location"), error);
        return false;
    }
    return true;
}

void TransferTab::updateProgress()
{
    if (!m_busy || !m_progressState)
        return;
    QFutureWatcherBase *watcher = m_backfillWatcher.isRunning() ? static_cast<QFutureWatcherBase *>(&m_backfillWatcher)
        : m_snapshotWatcher.isRunning()                         ? static_cast<QFutureWatcherBase *>(&m_snapshotWatcher)
                                                                : &m_verifyWatcher;
    QString table;
    {
        std::lock_guard lock(m_progressState->mutex);
        table = m_progressState->table;
    }
    const QString rows = tr("%1 of %2 rows").arg(QLocale().toString(qint64(m_progressState->done)),
        QLocale().toString(qint64(m_progressState->total)));
    // After Cancel the widget keeps saying "Cancelling…".
    const QString sentence = watcher == &m_backfillWatcher ? tr("Copying %1: %2").arg(table, rows)
        : watcher == &m_verifyWatcher                      ? tr("Comparing %1: %2").arg(table, rows)
        : m_restoring                                      ? tr("Restoring %1: %2").arg(table, rows)
                                                           : tr("Exporting %1: %2").arg(table, rows);
    m_actionStatus->setProgress(watcher->progressValue(), kProgressSteps, sentence);
}

void TransferTab::backfill()
{
    if (!m_unlocked || !m_session || m_busy) {
        m_actionStatus->showResult(tr("Read-only: unlock the admin page before copying into another database."), true);
        return;
    }
    StoreLocation target = StoreLocation::memory();
    if (!targetFromField(target))
        return;
    TransferOptions options;
    options.batchRows = m_batchRows->value();
    options.resume = m_resume->isChecked();
    const QString source = m_session->redactedLocation();
    const QString question = options.resume
        ? tr("Resume copying %1 into %2?").arg(source, target.redacted())
        : tr("Copy every row of %1 into %2?").arg(source, target.redacted());
    const QString details = tr("The target must be migrated and empty%1. Rows are committed a batch at a time: "
                               "Cancel stops after the batch in progress, and Resume goes on from there. Both the "
                               "start and the end are recorded in the target's audit log.")
                                .arg(options.resume ? tr(", or hold a backfill from this store that stopped") : QString());
    if (!confirmAdminAction(this, tr("Backfill"), question, details)) {
        m_actionStatus->showResult(tr("Nothing was copied."), false);
        return;
    }
    const std::shared_ptr<Progress> state = startWork(target);
    m_backfillWatcher.setFuture(m_session->runWithPromise<TransferReport>(
        [state, target, options, hook = m_hook](QPromise<TransferReport> &promise, SupportStore &store) {
            promise.setProgressRange(0, kProgressSteps);
            const std::unique_ptr<SupportStore> targetStore = openTransferTarget(target);
            promise.addResult(backfillStore(store, *targetStore, options, reportProgress(*state, promise, hook)));
        }));
}

void TransferTab::verify()
{
    if (!m_session || m_busy)
        return;
    StoreLocation target = StoreLocation::memory();
    if (!targetFromField(target))
        return;
    const int batchRows = m_batchRows->value();
    const std::shared_ptr<Progress> state = startWork(target);
    m_verifyWatcher.setFuture(m_session->runWithPromise<ParityReport>(
        [state, target, batchRows](QPromise<ParityReport> &promise, SupportStore &store) {
            promise.setProgressRange(0, kProgressSteps);
            const std::unique_ptr<SupportStore> targetStore = openTransferTarget(target);
            promise.addResult(verifyParity(store, *targetStore, batchRows, reportProgress(*state, promise, {})));
        }));
}

void TransferTab::exportSnapshot()
{
    if (!m_session || m_busy)
        return;
    const QString path = m_chooseFile(true);
    if (path.isEmpty())
        return;
    startSnapshot(path, false);
}

void TransferTab::restoreSnapshot()
{
    if (!m_unlocked || !m_session || m_busy) {
        m_actionStatus->showResult(tr("Read-only: unlock the admin page before restoring a snapshot."), true);
        return;
    }
    const QString path = m_chooseFile(false);
    if (path.isEmpty())
        return;
    const QString question = tr("Restore the snapshot %1 into %2?").arg(QDir::toNativeSeparators(path), m_session->redactedLocation());
    const QString details = tr("The store must be empty and migrated as the snapshot's source was. Everything is loaded "
                               "in one transaction and checked against the file's checksum before it commits: Cancel "
                               "or a damaged file leaves the store empty. Recorded in the store's audit log.");
    if (!confirmAdminAction(this, tr("Restore from snapshot"), question, details)) {
        m_actionStatus->showResult(tr("Nothing was restored."), false);
        return;
    }
    startSnapshot(path, true);
}

void TransferTab::startSnapshot(const QString &path, bool restore)
{
    m_restoring = restore;
    m_verifiedTarget.reset();
    m_model->clear();
    m_progressState = std::make_shared<Progress>();
    setBusy(true, restore ? tr("Restoring %1…").arg(QDir::toNativeSeparators(path))
                          : tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_snapshotWatcher.setFuture(m_session->runWithPromise<SnapshotReport>(
        [state = m_progressState, path, restore, hook = m_hook](QPromise<SnapshotReport> &promise, SupportStore &store) {
            promise.setProgressRange(0, kProgressSteps);
            const TransferProgressFn progress = reportProgress(*state, promise, hook);
            promise.addResult(restore ? importSnapshot(store, path, AuditMode::Required, progress)
                                      : dpm::exportSnapshot(store, path, progress));
        }));
}

void TransferTab::showSnapshot(const SnapshotReport &report)
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels({ tr("Table"), tr("Rows") });
    for (const SnapshotTableReport &table : report.tables)
        m_model->appendRow({ new QStandardItem(table.table), numberItem(table.rows) });
    m_view->resizeColumnsToContents();
    const QString file = QDir::toNativeSeparators(report.file);
    const QString seconds = QLocale().toString(report.totalSeconds, 'f', 1);
    if (report.cancelled) {
        m_actionStatus->showResult(m_restoring ? tr("Restore cancelled; the store is as empty as it was.")
                                               : tr("Export cancelled; no file was written."),
            false);
        return;
    }
    m_actionStatus->showResult(m_restoring
            ? tr("Restored %1 rows from %2 in %3 s; recorded in the audit log. Verify parity against the snapshot's source "
                 "next.")
                  .arg(QLocale().toString(report.rows()), file, seconds)
            : tr("Exported %1 rows to %2 (%3 MB) in %4 s; checksum %5.")
                  .arg(QLocale().toString(report.rows()), file, QLocale().toString(report.fileBytes / 1e6, 'f', 1), seconds,
                      report.sha256.left(12)),
        false);
}

std::shared_ptr<TransferTab::Progress> TransferTab::startWork(const StoreLocation &target)
{
    m_verifiedTarget.reset();
    m_model->clear();
    m_progressState = std::make_shared<Progress>();
    setBusy(true, tr("Opening %1…").arg(target.redacted()));
    return m_progressState;
}

void TransferTab::cancel()
{
    if (!m_busy || !m_progressState)
        return;
    m_progressState->cancel = true;
    m_actionStatus->setSentence(tr("Cancelling after the batch in progress…"));
}

void TransferTab::showBackfill(const TransferReport &report)
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels({ tr("Table"), tr("Source rows"), tr("Kept"), tr("Copied"), tr("Seconds") });
    for (const TransferTableReport &table : report.tables) {
        auto *seconds = new QStandardItem(QLocale().toString(table.seconds, 'f', 2));
        seconds->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow({ new QStandardItem(table.table), numberItem(table.sourceRows), numberItem(table.keptRows),
            numberItem(table.copiedRows), seconds });
    }
    m_view->resizeColumnsToContents();
    const QString copied = QLocale().toString(report.copiedRows());
    const QString seconds = QLocale().toString(report.totalSeconds, 'f', 1);
    QString text = report.cancelled
        ? tr("Cancelled after copying %1 rows in %2 s; what was copied stays. Tick Resume and Backfill again to go "
             "on.")
              .arg(copied, seconds)
        : tr("Copied %1 rows in %2 s into %3. Recorded in the target's audit log; Verify parity next.")
              .arg(copied, seconds, report.target);
    if (!report.notes.isEmpty())
        text += u'\n' + report.notes.join(u'\n');
    m_actionStatus->showResult(text, false);
}

void TransferTab::showParity(const ParityReport &report)
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        { tr("Table"), tr("Source rows"), tr("Target rows"), tr("Missing in target"), tr("Extra in target"),
            tr("Differing"), tr("Parity") });
    for (const ParityTableReport &table : report.tables) {
        auto *parity = new QStandardItem(table.matches() ? tr("matches") : tr("differs"));
        parity->setForeground(table.matches() ? goodColor(palette()) : badColor(palette()));
        m_model->appendRow({ new QStandardItem(table.table), numberItem(table.sourceRows),
            numberItem(table.targetRows), numberItem(table.missing), numberItem(table.extra),
            numberItem(table.differing), parity });
    }
    m_view->resizeColumnsToContents();
    if (report.cancelled) {
        m_actionStatus->showResult(tr("Parity check cancelled; the tables above were compared."), false);
        return;
    }
    if (report.matches()) {
        StoreLocation verified = StoreLocation::memory();
        if (targetFromField(verified))
            m_verifiedTarget = verified;
        updateButtons();
        m_actionStatus->showResult(tr("Both stores hold the same rows, table by table (%1 s). Open the target to read from it "
                      "from now on.")
                       .arg(QLocale().toString(report.totalSeconds, 'f', 1)),
            false);
        return;
    }
    QStringList lines { tr("TRANSFER_PARITY_MISMATCH: the stores differ. First differences:") };
    for (const ParityMismatch &sample : report.samples)
        lines << QStringLiteral("%1 %2: %3").arg(sample.table, sample.kind, sample.key);
    lines << tr("Resume the backfill, or look at the rows named above, then verify again.");
    m_actionStatus->showResult(lines.join(u'\n'), true);
}

} // namespace dpm
