#pragma once

#include "ctlcommand.h"

// `kioskctl bench idcard`: SAM codec frames per second, and card-present → holder-available
// latency through the simulator on a pty paced at 115200 baud, next to the wire time.
int runIdCardBench(CtlContext &context, const QStringList &args);
