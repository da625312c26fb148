#pragma once

#include "ctlcommand.h"

// `kioskctl bench vision [--frames N] [--face FILE]`: ms per frame, side by side, for the
// camera's QR pipeline, raw ZXing ReadBarcode and OpenCV's QRCodeDetector (locate only: Debian's
// OpenCV has no decoder) at 640×480 and 1280×720 with and without a code; face detection frames
// per second at 640×480; document capture ms per page. Prints figures, asserts nothing.
int runVisionBench(CtlContext &context, const QStringList &args);
