#pragma once

#include "localizedtext.h"

#include <QDateTime>
#include <QString>

// What a queue ticket (取号, or an appointment's check-in) says: the hall, the counter group, the
// number, the people ahead and the time. It holds nothing of the resident: a ticket is the same
// whoever takes it.
struct TicketContent {
    QString language = QStringLiteral("zh"); // the resident's language: "zh" or "en"
    LocalizedText hallName;
    QString terminalId;
    LocalizedText groupName;
    QString ticketNumber;
    int peopleAhead = 0;
    int estimatedWaitMin = 0;
    bool priority = false;       // the elder priority queue
    bool appointment = false;    // an appointment checked in, not a ticket taken
    QDateTime issuedAt;
};
