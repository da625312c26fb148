#pragma once

#include "ctlcommand.h"

// `kioskctl bench catalogue [--items N] [--runs R]`: a county hall's catalogue against the demo's.
// Writes the demo catalogue copied out to N items (2 000 by default) beside the demo's own 19,
// then, in turns, starts the kiosk on each straight onto the home screen (first frame, peak RSS)
// times searches over each in this process (the count and the first page, as the search screen
// asks), and times the real search screen (kiosk-bench-search-frame) from a query put into its
// field to the frame that shows the results. The figures that matter are the ratios.
int runCatalogueBench(CtlContext &context, const QStringList &args);
