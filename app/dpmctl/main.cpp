// dpmctl: the console's command line. Everything but the application object lives in the
// command table (dispatcher.cpp, help.cpp) and one file per command group.

#include "dispatcher.h"
#include "domain/appidentity.h"
#include "domain/heapretention.h"
#include "registerremotestore.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    dpm::retainFreedHeap();
    QCoreApplication app(argc, argv);
    dpm::setApplicationIdentity();
    dpm::registerRemoteStore(); // --store http(s)://…: reads over a server, read-only
    return dpm::cli::runDpmctl(app.arguments().mid(1), QProcessEnvironment::systemEnvironment());
}
