#include "device/driverslog.h"

Q_LOGGING_CATEGORY(lcDrivers, "kiosk.drivers", QtInfoMsg)
