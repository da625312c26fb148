#pragma once

#include <QLoggingCategory>

// The device layer logs under "kiosk.drivers"; personal data goes through personaldata.h first.
Q_DECLARE_LOGGING_CATEGORY(lcDrivers)
