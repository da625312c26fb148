#include "admincodeentry.h"

#include "admincode.h"
#include "admincodereplaylist.h"

#include <QFile>
#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcAdminCode, "kiosk.maintenance.admincode", QtInfoMsg)

AdminCodeEntry::Problem problemOf(AdminCodeError error)
{
    using Problem = AdminCodeEntry::Problem;
    switch (error) {
    case AdminCodeError::None:
        return Problem::None;
    case AdminCodeError::Expired:
        return Problem::Expired;
    case AdminCodeError::Replayed:
        return Problem::Replayed;
    case AdminCodeError::NotYetValid:
        return Problem::NotYetValid;
    case AdminCodeError::WrongTerminal:
        return Problem::WrongTerminal;
    case AdminCodeError::UnknownKey:
        return Problem::UnknownKey;
    case AdminCodeError::BadSignature:
        return Problem::BadSignature;
    case AdminCodeError::TooLongValidity:
        return Problem::TooLongValidity;
    case AdminCodeError::WildcardRefused:
        return Problem::WildcardRefused;
    case AdminCodeError::NotAdminCode:
    case AdminCodeError::Malformed:
        break;
    }
    return Problem::Unreadable;
}

AdminCodeEntry::Outcome refusal(AdminCodeError error, const QString &who)
{
    return {problemOf(error), AdminCode::errorName(error), who, {}};
}

} // namespace

AdminCodeEntry::AdminCodeEntry(const QString &keysPath, const QString &stateDir)
    : m_keysPath(keysPath)
    , m_stateDir(stateDir)
{
}

AdminCodeEntry::Outcome AdminCodeEntry::admit(const QString &text, const QString &terminalId, const QDateTime &at,
                                              bool enrolled) const
{
    QList<QByteArray> keys;
    if (!m_keysPath.isEmpty()) {
        QFile file(m_keysPath);
        if (file.open(QIODevice::ReadOnly))
            keys = AdminCode::publicKeysIn(file.readAll());
        else
            qCWarning(lcAdminCode) << "the admin code keys cannot be read:" << m_keysPath << file.errorString();
    }
    if (keys.isEmpty()) {
        return {Problem::Disabled, QStringLiteral("disabled"),
                m_keysPath.isEmpty() ? QStringLiteral("admin/code_keys is empty") : QStringLiteral("no Ed25519 public key in ") + m_keysPath,
                {}};
    }
    const AdminCodeVerdict verdict = AdminCode::verify(text, keys, terminalId, at, enrolled);
    const QString who = verdict.claims.keyId.isEmpty()
        ? QString()
        : QStringLiteral("key %1 role %2 nonce %3").arg(verdict.claims.keyId, verdict.claims.role, verdict.claims.nonce);
    if (!verdict.ok())
        return refusal(verdict.error, who);
    switch (AdminCodeReplayList(AdminCodeReplayList::pathIn(m_stateDir)).admit(verdict.claims.nonce, verdict.claims.expires, at)) {
    case AdminCodeReplayList::Outcome::Replayed:
        return refusal(AdminCodeError::Replayed, who);
    case AdminCodeReplayList::Outcome::NotStored:
        return {Problem::NotStored, QStringLiteral("not_stored"), who, {}};
    case AdminCodeReplayList::Outcome::Fresh:
        break;
    }
    return {Problem::None, {}, who, verdict.claims.role};
}
