#pragma once

#include "ctlcommand.h"

// `kioskctl bench outbox`: enqueue latency of a case with two 500 KiB materials (encrypted,
// committed with synchronous=FULL) and drain throughput against an in-process receiver, and with
// --to-platform the same cases drained, materials and all, to the configured platform.
int runOutboxBench(CtlContext &context, const QStringList &args);
