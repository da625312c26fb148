#pragma once

#include "documentdelivery.h"
#include "hallnotice.h"
#include "agentfiling.h"
#include "queueticketing.h"
#include "complaintfiling.h"
#include "residentchoice.h"
#include "staffpresence.h"

#include <QQmlEngine>

// Makes the resident-side classes of the app layer known to QML by name, so screens compare
// their states with enum values (DocumentDelivery.Stage.Done) without QML macros in the app
// layer. QML reaches the objects themselves through Kiosk and Services.

struct DocumentDeliveryForeign {
    Q_GADGET
    QML_FOREIGN(DocumentDelivery)
    QML_NAMED_ELEMENT(DocumentDelivery)
    QML_UNCREATABLE("Services shows the one delivery")
};

struct AgentFilingForeign {
    Q_GADGET
    QML_FOREIGN(AgentFiling)
    QML_ANONYMOUS
};

struct StaffPresenceForeign {
    Q_GADGET
    QML_FOREIGN(StaffPresence)
    QML_ANONYMOUS
};

struct ResidentChoiceForeign {
    Q_GADGET
    QML_FOREIGN(ResidentChoice)
    QML_NAMED_ELEMENT(ResidentChoice)
    QML_UNCREATABLE("Kiosk shows the resident's choice")
};

struct HallNoticeForeign {
    Q_GADGET
    QML_FOREIGN(HallNotice)
    QML_NAMED_ELEMENT(HallNotice)
    QML_UNCREATABLE("Kiosk shows the platform's one notice")
};

struct QueueTicketingForeign {
    Q_GADGET
    QML_FOREIGN(QueueTicketing)
    QML_NAMED_ELEMENT(QueueTicketing)
    QML_UNCREATABLE("Hall shows the hall's counters")
};

struct FeePaymentForeign {
    Q_GADGET
    QML_FOREIGN(FeePayment)
    QML_NAMED_ELEMENT(FeePayment)
    QML_UNCREATABLE("Payment shows the fee's payment")
};

struct ComplaintFilingForeign {
    Q_GADGET
    QML_FOREIGN(ComplaintFiling)
    QML_NAMED_ELEMENT(ComplaintFiling)
    QML_UNCREATABLE("Complaint shows the complaint")
};
