#pragma once

#include <QByteArray>

// Bytes a simulated device sends after a pause: how it paces its replies on the pty link, and how
// the SAM emulator describes a reply that arrives torn, slow or late.
struct ReplySegment {
    int delayMs = 0; // pause before these bytes
    QByteArray bytes;
};
