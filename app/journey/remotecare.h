#pragma once

#include "hallnotice.h"

#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class PlatformClient;
class SessionMachine;

// The heartbeat commands of contract 1.1 through which a province looks after a terminal from
// afar: `restart` (once the current resident has finished), `notice` (a hall notice on the
// attract screen), `screenshot` (of the attract screen only, never with a resident present,
// uploaded to POST /screenshots); `update` is SystemUpdate's. Each command's outcome is announced
// once through acknowledged().
class RemoteCare : public QObject
{
    Q_OBJECT
public:
    // Takes a picture of what the kiosk's window shows; the UI supplies it.
    using ScreenGrabber = std::function<QImage()>;

    RemoteCare(SessionMachine *session, PlatformClient *platform, QObject *parent = nullptr);

    [[nodiscard]] static bool handles(const QString &name);
    // `command` is the heartbeat's command object, with its arguments.
    void carryOut(const QString &id, const QString &name, const QJsonObject &command);
    void setScreenGrabber(ScreenGrabber grab) { m_grab = std::move(grab); }
    [[nodiscard]] HallNotice *notice() { return &m_notice; }
    // A restart was asked for and waits for the current resident to finish.
    [[nodiscard]] bool restartWaiting() const { return !m_restartId.isEmpty(); }

signals:
    void acknowledged(const QString &id, bool ok, const QString &detail);
    // No resident is present and the restart was acknowledged: the kiosk may exit now.
    void restartDue();

private:
    void restart(const QString &id);
    void restartNow();
    void showNotice(const QString &id, const QJsonObject &command);
    void screenshot(const QString &id);

    SessionMachine *m_session;
    PlatformClient *m_platform;
    HallNotice m_notice;
    ScreenGrabber m_grab;
    QString m_restartId; // the restart command waiting for the resident to finish
};
