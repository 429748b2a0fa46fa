#pragma once

#include "services/cutovercheck.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace dpm {

class Error;
class FindingsModel;
class StoreSession;

// The Cutover check tab of the admin page: the production cutover check (Part B §7.4) for a
// chosen profile, with or without the migration checks, every finding listed, exportable as
// JSON and Markdown. Read-only, so it needs no unlock, but each run is recorded in the audit log.
class CutoverTab : public QWidget
{
    Q_OBJECT

public:
    explicit CutoverTab(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    // The service's variables the check reads (default: this process's environment); the
    // profile field overrides APP_PERSISTENCE_PROFILE.
    void setEnvironment(const QProcessEnvironment &environment);

    QComboBox *profileField() const { return m_profile; }
    QCheckBox *checkMigrationsField() const { return m_checkMigrations; }
    FindingsModel *findingsModel() const { return m_findings; }
    const std::optional<CutoverReport> &report() const { return m_report; }
    QString resultText() const;

public Q_SLOTS:
    void run();
    // Ask for a file, then write.
    void exportJson();
    void exportMarkdown();
    // Write the last report to a file (QSaveFile); false with the error shown when it failed.
    bool exportJsonTo(const QString &path);
    bool exportMarkdownTo(const QString &path);

Q_SIGNALS:
    void actionRecorded();

private:
    bool writeFile(const QString &path, const QByteArray &content);
    void showResult(const QString &text, bool failed);

    QPointer<StoreSession> m_session;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    std::optional<CutoverReport> m_report;
    quint64 m_generation = 0;

    QComboBox *m_profile;
    QCheckBox *m_checkMigrations;
    QPushButton *m_run;
    QPushButton *m_exportJson;
    QPushButton *m_exportMarkdown;
    QProgressBar *m_progress;
    FindingsModel *m_findings;
    QTableView *m_view;
    QLabel *m_result;
};

// The report as Markdown: a heading, the outcome, then one table row per finding.
QString cutoverReportMarkdown(const CutoverReport &report, const QString &store);

} // namespace dpm
