#pragma once

#include "outboxkey.h"
#include "outboxstore.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <memory>

// What the offline tests share: a key file, options with a controllable clock, and a case that
// carries recognisable personal data, so a test can prove it never reaches the disk in clear.
namespace OutboxFixture {

inline const QString residentName = QStringLiteral("张三丰");
inline const QString residentIdNumber = QStringLiteral("340104199001011234");
inline const QString itemCode = QStringLiteral("340100-000-ZZ-0001-01");

struct ManualClock {
    qint64 nowMs = 1'795'000'000'000;
    OutboxClock function()
    {
        return [this] { return nowMs; };
    }
};

inline QString createKeyFile(const QString &dir, const QString &name = QStringLiteral("outbox.key"))
{
    const QString path = QDir(dir).filePath(name);
    const OutboxResult<OutboxKey> key = OutboxKey::create(path);
    Q_ASSERT(key.ok());
    return path;
}

inline OutboxOptions options(const QString &stateDir, const QString &keyFile, ManualClock *clock = nullptr)
{
    OutboxOptions result;
    result.stateDir = stateDir;
    result.keyFile = keyFile;
    result.terminalId = QStringLiteral("T340103000017");
    if (clock)
        result.clock = clock->function();
    return result;
}

inline QByteArray caseBody()
{
    QJsonObject applicant{{QStringLiteral("name"), residentName},
                          {QStringLiteral("id_number"), residentIdNumber},
                          {QStringLiteral("verified_by"), QStringLiteral("idcard")}};
    QJsonObject body{{QStringLiteral("applicant"), applicant},
                     {QStringLiteral("form"), QJsonObject{{QStringLiteral("phone"), QStringLiteral("13912345678")}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline MaterialDraft material(const QString &id, int bytes, char fill)
{
    // The document "shows" the resident's ID number, as a scanned household register would.
    QByteArray content(bytes, fill);
    content.replace(0, residentIdNumber.size(), residentIdNumber.toLatin1());
    return {id, QStringLiteral("image/jpeg"), content};
}

inline CaseDraft caseDraft(int materials = 2, int materialBytes = 4096)
{
    CaseDraft draft{itemCode, caseBody(), {}};
    for (int i = 0; i < materials; ++i)
        draft.materials.append(material(QStringLiteral("household_book_%1").arg(i + 1), materialBytes, char('a' + i)));
    return draft;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace OutboxFixture
