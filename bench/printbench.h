#pragma once

#include "ctlcommand.h"

// `kioskctl bench print [--runs N] [--printer URI]`: render + submit time of a receipt, median of
// N runs, against an ippeveprinter on loopback unless a printer is named.
int runPrintBench(CtlContext &context, const QStringList &args);
