#pragma once

#include <QLoggingCategory>

// The UI layer logs under "kiosk.ui": screens and languages, never what a resident typed.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
