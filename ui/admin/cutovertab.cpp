#include "admin/cutovertab.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "admin/findingsmodel.h"
#include "common/statuscolors.h"
#include "store/auditlog.h"
#include "store/supportstore.h"
#include "session/storesession.h"
#include "session/whenfinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
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
    , m_profile(new QComboBox(this))
    , m_checkMigrations(new QCheckBox(tr("Check &migrations (connects to each PostgreSQL database)"), this))
    , m_run(new QPushButton(tr("&Run check"), this))
    , m_exportJson(new QPushButton(tr("Export &JSON…"), this))
    , m_exportMarkdown(new QPushButton(tr("Export Mar&kdown…"), this))
    , m_progress(new QProgressBar(this))
    , m_findings(new FindingsModel(this))
    , m_view(new QTableView(this))
    , m_result(new QLabel(this))
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
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Cutover check progress"));
    m_progress->hide();
    m_view->setModel(m_findings);
    m_view->setAccessibleName(tr("Cutover findings"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_result->setAccessibleName(tr("Cutover result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setText(tr("Reads the service's variables (APP_PERSISTENCE_PROFILE, the stores' backends and DSNs) "
                         "and, with migration checks, each PostgreSQL database. Changes nothing."));

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
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_view, 1);

    connect(m_run, &QPushButton::clicked, this, &CutoverTab::run);
    connect(m_exportJson, &QPushButton::clicked, this, &CutoverTab::exportJson);
    connect(m_exportMarkdown, &QPushButton::clicked, this, &CutoverTab::exportMarkdown);
}

void CutoverTab::setSession(StoreSession *session)
{
    m_session = session;
    ++m_generation;
    m_report.reset();
    m_findings->clear();
    m_progress->hide();
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
    return m_result->text();
}

void CutoverTab::showResult(const QString &text, bool failed)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, failed ? badColor(palette) : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
}

void CutoverTab::run()
{
    if (!m_session)
        return;
    const quint64 generation = ++m_generation;
    QProcessEnvironment env = m_environment;
    env.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), m_profile->currentData().toString());
    const bool checkMigrations = m_checkMigrations->isChecked();
    const QString target = m_session->redactedLocation();
    m_run->setEnabled(false);
    m_progress->show();
    showResult(checkMigrations ? tr("Checking, including each database's migrations…") : tr("Checking…"), false);
    whenFinished(
        m_session->run([env, checkMigrations, target](SupportStore &store) {
            AuditLog &log = store.auditLog();
            log.requireAvailable();
            const CutoverReport report = checkProductionCutover(env, checkMigrations);
            QJsonObject details { { QStringLiteral("profile"), toWire(report.profile) },
                { QStringLiteral("check_migrations"), checkMigrations }, { QStringLiteral("passed"), report.passed() },
                { QStringLiteral("service_outcome"),
                    report.serviceOutcome() ? QJsonValue(*report.serviceOutcome()) : QJsonValue() },
                { QStringLiteral("findings"), qint64(report.findings.size()) } };
            log.record(QStringLiteral("cutover.check"), target, details,
                report.passed() ? QStringLiteral("succeeded")
                                : QStringLiteral("failed: ")
                        + report.serviceOutcome().value_or(
                            report.findings.isEmpty() ? QString() : report.findings.constFirst().code));
            return report;
        }),
        this,
        [this, generation](const CutoverReport &report) {
            if (generation != m_generation)
                return;
            m_progress->hide();
            m_run->setEnabled(true);
            m_report = report;
            m_findings->setFindings(report.findings);
            m_view->resizeColumnsToContents();
            m_exportJson->setEnabled(true);
            m_exportMarkdown->setEnabled(true);
            showResult(report.passed()
                    ? tr("Passed. Findings: %1, none an error.").arg(report.findings.size())
                    : tr("Failed: the service stops at %1. Findings listed below: %2.")
                          .arg(report.serviceOutcome().value_or(tr("an error of the console's own checks")))
                          .arg(report.findings.size()),
                !report.passed());
            Q_EMIT actionRecorded();
        },
        [this, generation](const Error &error) {
            if (generation != m_generation)
                return;
            m_progress->hide();
            m_run->setEnabled(true);
            showResult(tr("The check could not run: %1: %2").arg(error.code(), error.message()), true);
        });
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
        showResult(
            tr("EXPORT_WRITE_FAILED: could not write %1 (%2); choose another place.").arg(path, file.errorString()),
            true);
        return false;
    }
    showResult(tr("Exported to %1.").arg(path), false);
    return true;
}

} // namespace dpm
