#pragma once

// What kioskctl's stderr carries of the libraries' logging: warnings and worse, so a command's
// own answer is not lost among the drivers' information lines; with --verbose, everything. The
// log file (RecentLog, installed once the configuration is read) still gets every line.
namespace ConsoleLog {

// Before the application object, so that nothing logged while it starts escapes the rule.
void install();
void setVerbose(bool verbose);

} // namespace ConsoleLog
