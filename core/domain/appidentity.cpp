#include "appidentity.h"

#include "domain/buildinfo.h"

#include <QCoreApplication>

namespace dpm {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganizationName));
    QCoreApplication::setApplicationName(QString::fromLatin1(kApplicationName));
    QCoreApplication::setApplicationVersion(buildVersion());
}

} // namespace dpm
