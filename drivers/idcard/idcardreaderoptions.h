#pragma once

#include "device/devicespec.h"

#include <QString>

// How an IdCardReader talks to its reader. `spec` is serial:… or usb:… (the registry turns
// `simulated` into the simulator's pty path before building the reader).
struct IdCardReaderOptions {
    DeviceSpec spec;
    // Find-card polling. 100 ms finds a card within a tenth of a second of being laid down; each
    // poll is a 10-byte command and an 11-byte reply, no measurable CPU (kioskctl bench idcard).
    int pollIntervalMs = 100;
    int commandTimeoutMs = 1000;  // every command, reply included
    int reopenIntervalMs = 1000;  // how often a vanished reader is looked for again
    bool readFingerprint = false; // 30 10 instead of 30 01
    int interactiveCheckTimeoutMs = 30000; // how long an interactive check waits for a card
    QString photoDecoderPlugin;   // empty: no photo decoding
};
