#include "session/whenfinished.h"

namespace dpm {

Error unexpectedWorkerError()
{
    return Error(ErrorKind::Internal, QStringLiteral("CONSOLE_UNEXPECTED_ERROR"),
        QCoreApplication::translate(
            "dpm::whenFinished", "The request failed unexpectedly; retry, and report it if it happens again."));
}

} // namespace dpm
