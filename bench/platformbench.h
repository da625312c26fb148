#pragma once

#include "ctlcommand.h"

// `kioskctl bench platform`: signed case submissions against a reference platform server the
// benchmark starts itself on loopback; prints requests per second and latency percentiles.
int runPlatformBench(CtlContext &context, const QStringList &args);
