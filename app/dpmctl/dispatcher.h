#pragma once

#include "command.h"

#include <QStringList>

namespace dpm::cli {

// The whole command table, in the order --help lists it.
const QList<CommandSpec> &commandTable();

// Texts of --help: everything, or one command.
QString generalHelp();
QString commandHelp(const CommandSpec &spec);
// "dpmctl runs get RUN_ID [--json]"-style synopsis of one command.
QString usageLine(const CommandSpec &spec);

// Runs dpmctl with its arguments (without the program name): parses global options anywhere
// (--store URL, --json, --help), finds the command in the table, parses its options, runs it,
// prints the output on stdout or the error on stderr, and returns the exit code.
int runDpmctl(const QStringList &arguments, const QProcessEnvironment &environment);

} // namespace dpm::cli
