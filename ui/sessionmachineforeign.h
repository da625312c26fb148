#pragma once

#include "sessionmachine.h"

#include <QQmlEngine>

// Makes the app layer's SessionMachine known to QML (its countdown and state name) without
// putting QML macros into the app layer.
struct SessionMachineForeign {
    Q_GADGET
    QML_FOREIGN(SessionMachine)
    QML_ANONYMOUS
};
