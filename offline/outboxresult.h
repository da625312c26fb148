#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// Errors the outbox reports as values. Each carries a sentence for staff or the technician that
// names the file or the entry concerned and never any personal data.
enum class OutboxErrorCode {
    KeyMissing,      // the key file does not exist or cannot be read
    KeyPermissions,  // the key file is readable by group or others
    KeyInvalid,      // the key file is not 32 raw bytes or 64 hex digits
    KeyMismatch,     // the outbox was created with another key
    StorageFull,     // the disk or the file's hard limit is full (SQLITE_FULL); nothing stored was lost
    BudgetExceeded,  // the outbox's size budget would be exceeded
    Corrupt,         // the database file is damaged
    NewerSchema,     // the file was written by a newer kiosk
    NotFound,        // no such file or entry
    InvalidState,    // the entry is not in a state that allows the operation
    InvalidInput,    // a draft was malformed (e.g. a body that is not a JSON object)
    InspectOnly,     // the store was opened without a key, for inspection only
    Io,              // a file operation failed
    Database,        // any other SQLite failure
};

struct OutboxError {
    OutboxErrorCode code = OutboxErrorCode::Database;
    QString message;
};

[[nodiscard]] QString outboxErrorCodeName(OutboxErrorCode code);

// A value or an OutboxError; OutboxOk stands in for "no value" when only success matters.
using OutboxOk = std::monostate;

template <typename T>
class [[nodiscard]] OutboxResult
{
public:
    OutboxResult(T value) : m_value(std::move(value)) {}
    OutboxResult(OutboxError error) : m_error(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return *m_value; }
    [[nodiscard]] T &value() & { return *m_value; }
    // By value, so that `for (x : f().value())` never walks a destroyed temporary.
    [[nodiscard]] T value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    [[nodiscard]] const OutboxError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    OutboxError m_error;
};
