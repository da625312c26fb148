#pragma once

#include "ctlcommand.h"

// `kioskctl bench startup [--runs N] [--kiosk PATH]`: starts the kiosk N times under the
// offscreen platform and reports the time from process start to the first rendered frame of the
// attract screen (the kiosk prints a marker line when that frame has been swapped).
int runStartupBench(CtlContext &context, const QStringList &args);
