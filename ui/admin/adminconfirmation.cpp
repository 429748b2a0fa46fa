#include "admin/adminconfirmation.h"

#include <QMessageBox>

namespace dpm {

bool confirmAdminAction(QWidget *parent, const QString &title, const QString &question, const QString &details)
{
    QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(QStringLiteral("adminConfirmation"));
    box.setAccessibleName(title);
    box.setDefaultButton(QMessageBox::No);
    if (!details.isEmpty())
        box.setInformativeText(details);
    return box.exec() == QMessageBox::Yes;
}

} // namespace dpm
