#pragma once

namespace dpm {

// The organisation and application names, in one place, so that QStandardPaths::AppDataLocation
// (the embedded default store) and QSettings resolve to the same folder for dpmctl and the GUI:
// ~/.local/share/dpm/dpm-support-console on Linux.
inline constexpr char kOrganizationName[] = "dpm";
inline constexpr char kApplicationName[] = "dpm-support-console";

// Sets QCoreApplication's organisation and application names and the version. Call once, right after the
// application object is created and before anything resolves a standard path or opens settings.
void setApplicationIdentity();

} // namespace dpm
