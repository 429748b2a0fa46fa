#include "admin/cutovertab.h"

#include "admin/actionstatuswidget.h"
#include "admin/findingsmodel.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "session/requesttracker.h"
#include "store/storelocation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

namespace {

QString markdownCell(QString text)
{
    return text.replace(u'|', QStringLiteral("\\|")).replace(u'\n', u' ');
}

} // namespace

QString cutoverReportMarkdown(const CutoverReport &report, const QString &store)
{
    QString md = QStringLiteral("# Production cutover check\n\n");
    md += QStringLiteral("- Store: `%1`\n").arg(redactSecrets(store));
    md += QStringLiteral("- Profile: %1\n").arg(toWire(report.profile));
    md += QStringLiteral("- Migration checks: %1\n")
              .arg(report.checkedMigrations ? QStringLiteral("yes") : QStringLiteral("no"));
    md += QStringLiteral("- Result: **%1**\n")
              .arg(report.passed() ? QStringLiteral("passed") : QStringLiteral("failed"));
    md += QStringLiteral("- The service stops at: %1\n\n")
              .arg(report.serviceOutcome().value_or(QStringLiteral("nothing")));
    md += QStringLiteral("| Code | Severity | What to do |\n|---|---|---|\n");
    for (const CheckFinding &f : report.findings) {
        md += QStringLiteral("| `%1` | %2 | %3 |\n")
                  .arg(markdownCell(f.code), f.severity, markdownCell(redactSecrets(f.message)));
    }
    return md;
}

CutoverTab::CutoverTab(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
    , m_profile(new QComboBox(this))
    , m_checkMigrations(new QCheckBox(tr("Check &migrations (connects to each PostgreSQL database)"), this))
    , m_run(new QPushButton(tr("&Run check"), this))
    , m_exportJson(new QPushButton(tr("Export &JSON…"), this))
    , m_exportMarkdown(new QPushButton(tr("Export Mar&kdown…"), this))
    , m_actionStatus(new ActionStatusWidget(this))
    , m_findings(new FindingsModel(this))
    , m_view(new QTableView(this))
{
    m_profile->addItem(QStringLiteral("PRODUCTION"), QStringLiteral("PRODUCTION"));
    m_profile->addItem(QStringLiteral("LOCAL"), QStringLiteral("LOCAL"));
    m_profile->setAccessibleName(tr("Persistence profile"));
    m_checkMigrations->setAccessibleName(tr("Check migrations"));
    m_run->setAccessibleName(tr("Run cutover check"));
    m_exportJson->setAccessibleName(tr("Export report as JSON"));
    m_exportMarkdown->setAccessibleName(tr("Export report as Markdown"));
    m_exportJson->setEnabled(false);
    m_exportMarkdown->setEnabled(false);
    m_actionStatus->setAccessibleNames(tr("Cutover check progress"), tr("Cutover check progress text"),
        tr("Cancel the cutover check"), tr("Cutover result"));
    m_actionStatus->setCancelToolTip(tr("Stops the check before its next namespace's migrations."));
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_view->setModel(m_findings);
    m_view->setAccessibleName(tr("Cutover findings"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto *intro = new QLabel(tr("Reads the service's variables (APP_PERSISTENCE_PROFILE, the stores' backends and "
                                "DSNs) and, with migration checks, each PostgreSQL database. Changes nothing."),
        this);
    intro->setWordWrap(true);

    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profile);
    auto *controls = new QHBoxLayout;
    controls->addWidget(profileLabel);
    controls->addWidget(m_profile);
    controls->addWidget(m_checkMigrations);
    controls->addWidget(m_run);
    controls->addStretch(1);
    controls->addWidget(m_exportJson);
    controls->addWidget(m_exportMarkdown);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(controls);
    layout->addWidget(m_actionStatus);
    layout->addWidget(m_view, 1);

    connect(m_run, &QPushButton::clicked, this, &CutoverTab::run);
    connect(m_exportJson, &QPushButton::clicked, this, &CutoverTab::exportJson);
    connect(m_exportMarkdown, &QPushButton::clicked, this, &CutoverTab::exportMarkdown);
    connect(m_actionStatus, &ActionStatusWidget::cancelRequested, this, &CutoverTab::cancel);
}

void CutoverTab::setSession(StoreSession *session)
{
    m_session = session;
    m_request->forget();
    m_cancel.reset();
    m_report.reset();
    m_findings->clear();
    m_actionStatus->stop();
    m_actionStatus->hideResult();
    m_run->setEnabled(session != nullptr);
    m_exportJson->setEnabled(false);
    m_exportMarkdown->setEnabled(false);
}

void CutoverTab::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
    const QString profile = toWire(persistenceProfileFrom(environment));
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(profile)));
}

QString CutoverTab::resultText() const
{
    return m_actionStatus->resultText();
}

void CutoverTab::run()
{
    if (!m_session || m_request->isBusy())
        return;
    CutoverCheckOptions options;
    options.environment = m_environment;
    options.environment.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), m_profile->currentData().toString());
    options.checkMigrations = m_checkMigrations->isChecked();
    m_run->setEnabled(false);
    m_cancel = std::make_shared<CancelToken>();
    m_actionStatus->start(
        options.checkMigrations ? tr("Checking, including each database's migrations…") : tr("Checking…"));
    m_request->start(
        *m_session,
        [options, cancel = m_cancel, progress = m_actionStatus->progressFunction()](SupportStore &store) {
            return checkCutover(store, options, progress, cancel.get());
        },
        [this](const CutoverCheckResult &result) {
            m_cancel.reset();
            m_actionStatus->stop();
            m_run->setEnabled(true);
            showReport(result);
            Q_EMIT actionRecorded();
        },
        [this](const Error &error) {
            m_cancel.reset();
            m_actionStatus->stop();
            m_run->setEnabled(true);
            if (isActionCancelled(error)) {
                m_actionStatus->showResult(tr("The check was cancelled."), false);
                Q_EMIT actionRecorded();
                return;
            }
            m_actionStatus->showResult(
                tr("The check could not run: %1: %2").arg(error.code(), error.message()), true);
        });
}

void CutoverTab::cancel()
{
    if (!m_cancel)
        return;
    m_cancel->cancel();
    m_actionStatus->setSentence(tr("Cancelling before the next namespace…"));
}

void CutoverTab::showReport(const CutoverCheckResult &result)
{
    const CutoverReport &report = result.report;
    m_report = report;
    m_findings->setFindings(report.findings);
    m_view->resizeColumnsToContents();
    m_exportJson->setEnabled(true);
    m_exportMarkdown->setEnabled(true);
    QString text = report.passed() ? tr("Passed. Findings: %1, none an error.").arg(report.findings.size())
                                   : tr("Failed: the service stops at %1. Findings listed below: %2.")
                                         .arg(report.serviceOutcome().value_or(tr("an error of the console's own checks")))
                                         .arg(report.findings.size());
    if (result.auditError) {
        text += u' '
            + tr("Not recorded in the audit log: %1: %2").arg(result.auditError->code(), result.auditError->message());
    }
    m_actionStatus->showResult(text, !report.passed());
}

void CutoverTab::exportJson()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export cutover report"), QStringLiteral("cutover-report.json"), tr("JSON (*.json)"));
    if (!path.isEmpty())
        exportJsonTo(path);
}

void CutoverTab::exportMarkdown()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export cutover report"), QStringLiteral("cutover-report.md"), tr("Markdown (*.md)"));
    if (!path.isEmpty())
        exportMarkdownTo(path);
}

bool CutoverTab::exportJsonTo(const QString &path)
{
    if (!m_report)
        return false;
    QJsonObject json = m_report->toJson();
    json.insert(QStringLiteral("store"), m_session ? m_session->redactedLocation() : QString());
    json.insert(QStringLiteral("generated_at"), nowTimestamp());
    const QString text = redactSecrets(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    return writeFile(path, text.toUtf8());
}

bool CutoverTab::exportMarkdownTo(const QString &path)
{
    if (!m_report)
        return false;
    return writeFile(
        path, cutoverReportMarkdown(*m_report, m_session ? m_session->redactedLocation() : QString()).toUtf8());
}

bool CutoverTab::writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        m_actionStatus->showResult(
            tr("EXPORT_WRITE_FAILED: could not write %1 (%2); choose another place.").arg(path, file.errorString()),
            true);
        return false;
    }
    m_actionStatus->showResult(tr("Exported to %1.").arg(path), false);
    return true;
}

} // namespace dpm
