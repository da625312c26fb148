#include "outboxlog.h"

Q_LOGGING_CATEGORY(lcOutbox, "kiosk.offline", QtInfoMsg)
