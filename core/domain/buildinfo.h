#pragma once

#include <QString>

namespace dpm {

// What this binary is: the CMake project version, and the git revision it was built from
// (`git describe --always --dirty`, captured at build time; "unknown" when built outside git).
QString buildVersion();
QString buildRevision();

} // namespace dpm
