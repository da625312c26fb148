#pragma once

#include <QLoggingCategory>

// The app layer logs under "kiosk.app" (wiring, configuration) and "kiosk.app.session" (the
// resident session: states and reasons only, never what the resident entered).
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
