#pragma once

#include "ctlcommand.h"

// `kioskctl bench outbox`: enqueue latency of a case with two 500 KiB materials (encrypted,
// committed with synchronous=FULL) and drain throughput against an in-process receiver.
int runOutboxBench(CtlContext &context, const QStringList &args);
