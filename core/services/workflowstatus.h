#pragma once

#include "domain/entities.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>

#include <optional>

namespace dpm {

class SupportStore;

// The workflow gate of Part B §6.8 as the service configures it.
struct WorkflowSettings
{
    bool enabled = false; // DPM_WORKFLOW_ENABLED
    QSet<QString> requiresReviewForStatuses { QStringLiteral("PENDING_REVIEW") };
};

// DPM_WORKFLOW_ENABLED (on for 1/true/yes/on, trimmed, any case) and
// DPM_WORKFLOW_REQUIRES_REVIEW_FOR_STATUSES (CSV, blanks dropped, empty -> PENDING_REVIEW).
WorkflowSettings workflowSettingsFromEnvironment(const QProcessEnvironment &environment);

// A run's workflow state (`…/runs/{id}/workflow`).
struct WorkflowState
{
    QString runId;
    QString runStatus; // result_json.status, "" when absent
    QString workflowStatus; // NOT_REQUIRED | PENDING_REVIEW | APPROVED | REJECTED
    bool requiresReview = false;
    // The decision with the greatest decided_at (the first of equals in history order).
    std::optional<WorkflowDecision> latestDecision;
};

// The state of a stored run from its decisions (read from the store).
WorkflowState workflowStateOfRun(SupportStore &store, const RebalanceRun &run, const WorkflowSettings &settings);

// {run_id, run_status, workflow_status, requires_review, latest_decision}.
QJsonObject workflowStateJson(const WorkflowState &state);

} // namespace dpm
