#pragma once

#include "kioskconfig.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

// kioskctl is a table of command groups; each group lives in its own *command.cpp and parses its
// own arguments. Exit codes: 0 done, 1 the thing asked about is not so (no card, check failed),
// 2 the command could not run (bad usage, bad file, unreachable device).
namespace CtlExit {
constexpr int Ok = 0;
constexpr int Negative = 1;
constexpr int Error = 2;
}

struct CtlContext {
    QString configPath; // from --config, or KioskConfig::defaultPath()
    bool configGiven = false;
    QTextStream &out;
    QTextStream &err;

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
