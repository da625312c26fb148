#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

// The door to maintenance mode: checks PINs against the stored hash and locks out after
// repeated failures. The count and the lock live in a small JSON state file, so restarting the
// kiosk (or pulling the plug) neither clears a lock nor grants fresh attempts.
class MaintenanceGate
{
public:
    enum class Result { Accepted, Refused, LockedOut, NoPinSet };

    static constexpr int AttemptsPerLock = 5;
    static constexpr int FirstLockSeconds = 5 * 60;

    // `stateFile` is e.g. <state_dir>/maintenance-gate.json; `now` lets tests move the clock.
    // A stored hash that is empty or not well-formed means no PIN is set.
    MaintenanceGate(QString storedHash, QString stateFile, std::function<QDateTime()> now = {});
    // The stored hash asked for at every check (MaintenancePin::storedIn), so a PIN set with
    // kioskctl while the kiosk runs opens the gate at once.
    MaintenanceGate(std::function<QString()> storedHash, QString stateFile, std::function<QDateTime()> now = {});

    // Where a PIN accepted against a hash with too few rounds (MaintenancePin::needsRehash) is
    // stored again, hashed afresh; false from `store` leaves the old hash working.
    void setRehash(std::function<bool(const QString &hash)> store) { m_rehash = std::move(store); }

    // Five failures lock the gate for five minutes, each further lock lasts twice the one before,
    // and an accepted PIN clears both. While locked no PIN is even checked.
    [[nodiscard]] Result tryPin(const QString &pin);
    [[nodiscard]] int failuresLeft() const;
    [[nodiscard]] QDateTime lockedUntil() const; // invalid when not locked

private:
    struct State {
        int failures = 0;
        int locks = 0;
        QDateTime lockedUntil;
    };

    [[nodiscard]] State current() const;
    void store(const State &state);

    std::function<QString()> m_storedHash;
    QString m_stateFile;
    std::function<QDateTime()> m_now;
    std::function<bool(const QString &)> m_rehash;
    // What this gate last knew, used when the state file cannot be read, so a broken disk never
    // resets the count.
    State m_state;
};
