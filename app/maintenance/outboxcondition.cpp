#include "outboxcondition.h"

#include "outboxstore.h"

#include <QFileInfo>
#include <QJsonArray>

namespace {

QString detailOf(OutboxErrorCode code)
{
    switch (code) {
    case OutboxErrorCode::KeyMissing: return QStringLiteral("key_missing");
    case OutboxErrorCode::KeyPermissions: return QStringLiteral("key_permissions");
    case OutboxErrorCode::KeyInvalid: return QStringLiteral("key_invalid");
    case OutboxErrorCode::KeyMismatch: return QStringLiteral("key_mismatch");
    case OutboxErrorCode::Corrupt: return QStringLiteral("corrupt");
    case OutboxErrorCode::NewerSchema: return QStringLiteral("newer_schema");
    case OutboxErrorCode::StorageFull:
    case OutboxErrorCode::BudgetExceeded: return QStringLiteral("full");
    default: return QStringLiteral("unavailable");
    }
}

} // namespace

OutboxCondition OutboxCondition::assess(const QString &stateDir, const std::optional<OutboxError> &problem)
{
    OutboxCondition condition;
    condition.setAside = OutboxStore::damagedFilesSetAside(stateDir);
    QStringList sentences;
    if (problem) {
        condition.health = QStringLiteral("error");
        condition.detail = detailOf(problem->code);
        sentences.append(QStringLiteral("No application can be queued: %1").arg(problem->message));
    }
    if (!condition.setAside.isEmpty()) {
        if (!problem) {
            condition.health = QStringLiteral("warning");
            condition.detail = QStringLiteral("corrupt_file_set_aside");
        }
        QStringList names;
        for (const QString &path : std::as_const(condition.setAside))
            names.append(QFileInfo(path).fileName());
        // The entries in a damaged file were never confirmed by the platform: a person must find
        // out which reached it before the file is removed, which is what ends this alert.
        sentences.append(QStringLiteral("A damaged outbox was set aside as %1 in %2 and a fresh one started; cases queued in "
                                        "it may not have reached the platform. Check them with the platform, then remove "
                                        "the file.")
                             .arg(names.join(QStringLiteral(", ")), stateDir));
    }
    condition.message = sentences.join(QLatin1Char(' '));
    return condition;
}

QJsonObject OutboxCondition::toJson() const
{
    return {{QStringLiteral("health"), health},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("message"), message},
            {QStringLiteral("set_aside"), QJsonArray::fromStringList(setAside)}};
}

QJsonObject OutboxCondition::heartbeatDevice() const
{
    return {{QStringLiteral("class"), QStringLiteral("outbox")},
            {QStringLiteral("id"), QStringLiteral("outbox")},
            {QStringLiteral("health"), health},
            {QStringLiteral("detail"), detail}};
}
