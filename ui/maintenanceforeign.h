#pragma once

#include "admincodeentry.h"
#include "auditentrymodel.h"
#include "checklistmodel.h"
#include "devicehealthmodel.h"
#include "deviceselftests.h"
#include "paperrollmodel.h"
#include "parkedentrymodel.h"

#include <QQmlEngine>

// Makes the maintenance classes of the app layer known to QML by name, so screens compare their
// states with enum values (DeviceSelfTests.Waiting, DeviceHealthModel.Act, ChecklistModel.Enrolled,
// AdminCodeEntry.Expired)
// without QML macros in the app layer. QML reaches the objects themselves through Maintenance.

struct DeviceHealthModelForeign {
    Q_GADGET
    QML_FOREIGN(DeviceHealthModel)
    QML_NAMED_ELEMENT(DeviceHealthModel)
    QML_UNCREATABLE("Maintenance.devices is the one list")
};

struct DeviceSelfTestsForeign {
    Q_GADGET
    QML_FOREIGN(DeviceSelfTests)
    QML_NAMED_ELEMENT(DeviceSelfTests)
    QML_UNCREATABLE("Maintenance.selfTests runs the tests")
};

struct ChecklistModelForeign {
    Q_GADGET
    QML_FOREIGN(ChecklistModel)
    QML_NAMED_ELEMENT(ChecklistModel)
    QML_UNCREATABLE("Maintenance.checklist is the one checklist")
};

struct PaperRollModelForeign {
    Q_GADGET
    QML_FOREIGN(PaperRollModel)
    QML_ANONYMOUS
};

struct ParkedEntryModelForeign {
    Q_GADGET
    QML_FOREIGN(ParkedEntryModel)
    QML_ANONYMOUS
};

struct AuditEntryModelForeign {
    Q_GADGET
    QML_FOREIGN(AuditEntryModel)
    QML_ANONYMOUS
};

namespace AdminCodeEntryForeign {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(AdminCodeEntry)
QML_NAMED_ELEMENT(AdminCodeEntry)
} // namespace AdminCodeEntryForeign
