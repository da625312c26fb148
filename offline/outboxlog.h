#pragma once

#include <QLoggingCategory>

// The outbox logs under "kiosk.offline": local references and keys only, never a field's value.
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
