#include "apiendpoints.h"

namespace dpm::serve {

const QList<Endpoint> &consoleEndpoints()
{
    static const QList<Endpoint> endpoints;
    return endpoints;
}

} // namespace dpm::serve
