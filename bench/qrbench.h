#pragma once

#include "ctlcommand.h"

// `kioskctl bench qr [--manifest FILE] [--limit N] [--write DIR] [--new-manifest FILE --count N
// --seed S]`: the hard QR set (qrhardset.h) decoded by raw ZXing-C++ (try harder, rotate,
// downscale) and by the kiosk's CodeReader, frame by frame in the same run: decode rate, misreads,
// false positives on frames without a code, and time per frame as a ratio to raw ZXing's.
int runQrBench(CtlContext &context, const QStringList &args);
