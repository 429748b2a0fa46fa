#include "domain/buildinfo.h"

#include "dpmbuildinfo.h" // generated at build time by cmake/DpmBuildInfo.cmake

namespace dpm {

QString buildVersion()
{
    return QStringLiteral(DPM_BUILD_VERSION);
}

QString buildRevision()
{
    return QStringLiteral(DPM_BUILD_REVISION);
}

} // namespace dpm
