#include "uilog.h"

Q_LOGGING_CATEGORY(lcUi, "kiosk.ui", QtInfoMsg)
