#include "outboxresult.h"

QString outboxErrorCodeName(OutboxErrorCode code)
{
    switch (code) {
    case OutboxErrorCode::KeyMissing:
        return QStringLiteral("key_missing");
    case OutboxErrorCode::KeyPermissions:
        return QStringLiteral("key_permissions");
    case OutboxErrorCode::KeyInvalid:
        return QStringLiteral("key_invalid");
    case OutboxErrorCode::KeyMismatch:
        return QStringLiteral("key_mismatch");
    case OutboxErrorCode::StorageFull:
        return QStringLiteral("storage_full");
    case OutboxErrorCode::BudgetExceeded:
        return QStringLiteral("budget_exceeded");
    case OutboxErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case OutboxErrorCode::NewerSchema:
        return QStringLiteral("newer_schema");
    case OutboxErrorCode::NotFound:
        return QStringLiteral("not_found");
    case OutboxErrorCode::InvalidState:
        return QStringLiteral("invalid_state");
    case OutboxErrorCode::InvalidInput:
        return QStringLiteral("invalid_input");
    case OutboxErrorCode::InspectOnly:
        return QStringLiteral("inspect_only");
    case OutboxErrorCode::Io:
        return QStringLiteral("io");
    case OutboxErrorCode::Database:
        return QStringLiteral("database");
    }
    return QStringLiteral("unknown");
}
