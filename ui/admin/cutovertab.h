#pragma once

#include "services/cutoveraction.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QPushButton;
class QTableView;

namespace dpm {

class ActionStatusWidget;
class FindingsModel;
class RequestTracker;
class StoreSession;

// The Cutover check tab of the admin page: the production cutover check (Part B §7.4) for a
// chosen profile, with or without the migration checks, every finding listed, exportable as
// JSON and Markdown. Read-only, so it needs no unlock, but each run is recorded in the audit log
// (when the store has one: a check is never refused for lack of it).
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
    // Stops the check before its next namespace's migrations.
    void cancel();
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
    void showReport(const CutoverCheckResult &result);

    QPointer<StoreSession> m_session;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    std::optional<CutoverReport> m_report;
    RequestTracker *m_request;
    std::shared_ptr<CancelToken> m_cancel; // of the check in flight

    QComboBox *m_profile;
    QCheckBox *m_checkMigrations;
    QPushButton *m_run;
    QPushButton *m_exportJson;
    QPushButton *m_exportMarkdown;
    ActionStatusWidget *m_actionStatus;
    FindingsModel *m_findings;
    QTableView *m_view;
};

// The report as Markdown: a heading, the outcome, then one table row per finding.
QString cutoverReportMarkdown(const CutoverReport &report, const QString &store);

} // namespace dpm
