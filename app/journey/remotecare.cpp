#include "remotecare.h"

#include "applog.h"
#include "platformcall.h"
#include "platformclient.h"
#include "sessionmachine.h"

#include <QBuffer>

#include <utility>

RemoteCare::RemoteCare(SessionMachine *session, PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_platform(platform)
{
    connect(m_session, &SessionMachine::sessionEnded, this, [this] {
        if (!m_restartId.isEmpty())
            restartNow();
    });
}

bool RemoteCare::handles(const QString &name)
{
    static const QStringList names = {QStringLiteral("restart"), QStringLiteral("notice"), QStringLiteral("screenshot")};
    return names.contains(name);
}

void RemoteCare::carryOut(const QString &id, const QString &name, const QJsonObject &command)
{
    if (name == QLatin1String("restart")) {
        restart(id);
    } else if (name == QLatin1String("notice")) {
        showNotice(id, command);
    } else if (name == QLatin1String("screenshot")) {
        screenshot(id);
    }
}

void RemoteCare::restart(const QString &id)
{
    if (!m_restartId.isEmpty()) {
        // One restart covers both; the earlier command is answered when it happens.
        emit acknowledged(id, true, QStringLiteral("a restart is already waiting for the resident to finish"));
        return;
    }
    m_restartId = id;
    if (m_session->state() == SessionState::Attract)
        restartNow();
    else
        qCInfo(lcApp) << "restart asked for: after the current resident";
}

void RemoteCare::restartNow()
{
    const QString id = std::exchange(m_restartId, QString());
    emit acknowledged(id, true, QStringLiteral("restarting"));
    emit restartDue();
}

void RemoteCare::showNotice(const QString &id, const QJsonObject &command)
{
    const QJsonValue text = command.value(QLatin1String("text"));
    const QJsonObject texts = text.toObject();
    if (!text.isObject() || !texts.value(QLatin1String("zh")).isString()
        || (texts.contains(QLatin1String("en")) && !texts.value(QLatin1String("en")).isString())) {
        emit acknowledged(id, false, QStringLiteral("text must be {\"zh\": \"...\", \"en\": \"...\"}"));
        return;
    }
    QDateTime until;
    const QJsonValue untilValue = command.value(QLatin1String("until"));
    if (!untilValue.isUndefined() && !untilValue.isNull()) {
        until = QDateTime::fromString(untilValue.toString(), Qt::ISODateWithMs);
        if (!until.isValid()) {
            emit acknowledged(id, false, QStringLiteral("until is not an RFC 3339 time"));
            return;
        }
    }
    QString problem;
    if (!m_notice.show(texts.value(QLatin1String("zh")).toString(), texts.value(QLatin1String("en")).toString(), until, &problem)) {
        emit acknowledged(id, false, problem);
        return;
    }
    emit acknowledged(id, true, m_notice.isShown() ? QStringLiteral("shown") : QStringLiteral("cleared"));
}

void RemoteCare::screenshot(const QString &id)
{
    // Only the attract screen is ever taken: whatever a resident's screens show stays theirs.
    if (m_session->state() != SessionState::Attract) {
        emit acknowledged(id, false, QStringLiteral("a resident is using the kiosk: no screenshot taken"));
        return;
    }
    if (!m_grab || !m_platform) {
        emit acknowledged(id, false, QStringLiteral("this kiosk has no screen or platform to take one for"));
        return;
    }
    const QImage image = m_grab();
    QByteArray png;
    QBuffer buffer(&png);
    if (image.isNull() || !buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG")) {
        emit acknowledged(id, false, QStringLiteral("the screen could not be taken"));
        return;
    }
    PlatformCall *call = m_platform->uploadScreenshot(png, id);
    connect(call, &PlatformCall::finished, this, [this, id](const PlatformResult &result) {
        if (result.isOk())
            emit acknowledged(id, true, QStringLiteral("uploaded as %1").arg(result.body.value(QLatin1String("screenshot_id")).toString()));
        else
            emit acknowledged(id, false, QStringLiteral("upload failed: %1").arg(result.summary()));
    });
}
