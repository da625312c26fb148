#include "applog.h"

Q_LOGGING_CATEGORY(lcApp, "kiosk.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "kiosk.app.session", QtInfoMsg)
