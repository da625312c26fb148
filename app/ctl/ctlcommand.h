#pragma once

#include "kioskconfig.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

// kioskctl is a table of command groups; each group lives in its own *command.cpp and parses its
// own arguments. `-h`/`--help` after any command, and `kioskctl help COMMAND`, print the
// command's usage from the table (main.cpp), so no command parses them itself.
//
// Exit codes, the same for every command (kioskctl help and docs/technician.md list them), so a
// script can tell "no" from "wrong question" from "nobody answered".
namespace CtlExit {
constexpr int Ok = 0;          // done, and the answer is yes
constexpr int Negative = 1;    // the answer is no: a device in error, a check failed, no card read
constexpr int Error = 2;       // the command could not run as given: a usage error, or a file, value
                               // or device it names that cannot be used
constexpr int Unreachable = 3; // the platform did not answer (no connection, timeout, TLS)
}

struct CtlContext {
    QString configPath; // from --config, or KioskConfig::defaultPath()
    bool configGiven = false;
    QTextStream &out;
    QTextStream &err;
    // Sealed secrets are decrypted into memory for the commands that read them; the commands that
    // write them (enroll, credentials) see the plain files' paths.
    bool unsealSecrets = true;

    // Loads the configuration for commands that need it. Without --config and with no file at the
    // default path, the defaults (the demo configuration) are used; a file that exists but fails
    // validation prints every error and yields nothing.
    std::optional<KioskConfig> loadConfig();
};

using CtlRun = int (*)(CtlContext &context, const QStringList &args);

struct CtlCommand {
    const char *name;    // the first word: `kioskctl NAME …`
    const char *usage;   // the lines `kioskctl help` prints for it
    CtlRun run;
};

// Every command group, in the order `kioskctl help` lists them.
const QList<CtlCommand> &ctlCommands();
// The command named `name`, or none.
const CtlCommand *ctlCommand(const QString &name);
// A command's usage lines, each starting "kioskctl ".
void printCommandUsage(QTextStream &out, const CtlCommand &command);
