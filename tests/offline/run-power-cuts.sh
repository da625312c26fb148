#!/bin/sh
# The power-cut test for long: CUTS cuts (a thousand unless told otherwise) of the outbox's disk
# at random points of enqueue and send, then the kill test's promises checked once. ctest runs
# the same test with 60 cuts as test_outboxpowercut. OUTBOX_POWER_SEED repeats a run.
#   tests/offline/run-power-cuts.sh BUILD_DIR [CUTS]
# Build first: cmake --build BUILD_DIR --target test_outboxpowercut outboxcrashchild
set -eu
build=${1:?usage: run-power-cuts.sh BUILD_DIR [CUTS]}
cuts=${2:-1000}
# A thousand cuts take longer than QtTest's five minutes a test function: the script allows a day.
OUTBOX_CRASH_CHILD=$build/tests/offline/outboxcrashchild OUTBOX_POWER_CUTS=$cuts QT_QPA_PLATFORM=offscreen \
  QTEST_FUNCTION_TIMEOUT=86400000 \
  QT_LOGGING_RULES='kiosk.*=false' \
  exec nice -n 19 "$build/tests/offline/test_outboxpowercut" acknowledgedEnqueuesSurviveRandomPowerCuts
