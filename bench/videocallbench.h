#pragma once

#include "ctlcommand.h"

// `kioskctl bench videocall [--calls N] [--window SECONDS]`: video help (远程视频帮办) against a
// real agent on loopback. The kiosk (its runtime, shell and real QML on an offscreen window, in
// this process) and the reference platform, with headless chromium on the platform's desk page as
// the agent. Reports the time from the resident's tap on "视频帮办" through the consent to the
// first frame of the agent's video shown on the kiosk's window (median of N calls), and the
// kiosk's CPU and its window's frame rate during a call against the same kiosk on its home screen
// with no call, measured in the same run.
int runVideoCallBench(CtlContext &context, const QStringList &args);
