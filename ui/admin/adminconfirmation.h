#pragma once

#include <QString>

class QWidget;

namespace dpm {

// Asks before an admin action changes a store: a modal question whose text names the database
// (redacted) and what will happen; No is the default button. True when the person said Yes.
bool confirmAdminAction(QWidget *parent, const QString &title, const QString &question, const QString &details = {});

} // namespace dpm
