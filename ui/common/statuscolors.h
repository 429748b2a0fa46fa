#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace dpm {

// Text colours for status words, shared by the bundle pane and the listing pages. Mid-saturation
// hues, lighter on a dark palette and darker on a light one, so they read on both; unknown
// statuses get the palette's own text colour. The status word is always shown too: the colour
// only helps, it never carries the meaning alone.

// READY green, PENDING_REVIEW amber, BLOCKED red.
QColor runStatusColor(const QString &status, const QPalette &palette);

// SUCCEEDED green, PENDING amber, RUNNING blue, FAILED red.
QColor operationStatusColor(const QString &status, const QPalette &palette);

// Advisory proposal states (Part B §4.2): DRAFT violet, RISK_REVIEW orange, COMPLIANCE_REVIEW
// teal, AWAITING_CLIENT_CONSENT pink, EXECUTION_READY blue, EXECUTED green, REJECTED red, CANCELLED and EXPIRED a muted grey.
QColor proposalStateColor(const QString &state, const QPalette &palette);
// Outbox deliveries: DELIVERED green, PENDING amber, FAILED red, DEAD magenta (gave up).
QColor outboxStatusColor(const QString &status, const QPalette &palette);

// The tone for "good", "warning" and "bad" outcomes that are not statuses (hash verified,
// mismatch, …), with the same light/dark adjustment.
QColor goodColor(const QPalette &palette);
QColor warningColor(const QPalette &palette);
QColor badColor(const QPalette &palette);

} // namespace dpm
