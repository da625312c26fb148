#pragma once

#include <QLoggingCategory>

// The platform client's log category. Lines carry request ids and error codes, never a
// resident's data: bodies are not logged.
Q_DECLARE_LOGGING_CATEGORY(lcPlatform)
