#pragma once

#include "localizedtext.h"

#include <QDateTime>
#include <QString>

// What the slip of a complaint (投诉建议) says: the hall, its category, its 12345 number or, while
// it waits in the outbox, its local reference, when it was made. It
// holds neither the text the resident typed nor their phone.
struct ComplaintSlipContent {
    QString language = QStringLiteral("zh"); // "zh" or "en"
    LocalizedText hallName;
    QString terminalId;
    QString category;     // cannot_get_done, service, kiosk_fault, suggestion
    QString complaintNo;  // the platform's number, once it has it
    QString localRef;     // otherwise the outbox's reference
    QDateTime filedAt;
};
