#pragma once

#include "outboxresult.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// What staff must know of the outbox beyond its figures, in the devices' health words
// (reference/devices.md §5): whether it can take applications at all (a missing or wrong key,
// a file that cannot be opened) and damaged files start-up set aside, whose queued entries never
// reached the platform. The heartbeat carries it as the device "outbox"; `kioskctl status` and
// the maintenance screen show its message. It never holds personal data.
struct OutboxCondition {
    QString health = QStringLiteral("ok"); // ok, warning (usable, staff must look) or error (queues nothing)
    QString detail;                        // key_missing, key_mismatch, corrupt_file_set_aside, …; empty when ok
    QString message;                       // a sentence for staff, naming the files concerned
    QStringList setAside;                  // damaged outbox files still in the state directory

    // `problem` is why the outbox could not be opened (or its sender not started), if it could not.
    [[nodiscard]] static OutboxCondition assess(const QString &stateDir, const std::optional<OutboxError> &problem);

    [[nodiscard]] bool isOk() const { return health == QLatin1String("ok"); }
    // health, detail, message and set_aside, for status reports.
    [[nodiscard]] QJsonObject toJson() const;
    // The heartbeat's device entry: class and id "outbox", health and detail.
    [[nodiscard]] QJsonObject heartbeatDevice() const;
};
