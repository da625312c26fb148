#pragma once

#include "ctlcommand.h"

// `kioskctl bench catalogue [--items N] [--runs R]`: a county hall's catalogue against the demo's.
// Writes the demo catalogue copied out to N items (2 000 by default) beside the demo's own 19,
// then, in turns, starts the kiosk on each straight onto the home screen (first frame, peak RSS)
// and times searches over each in this process. The figures that matter are the ratios.
int runCatalogueBench(CtlContext &context, const QStringList &args);
