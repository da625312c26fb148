#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// The reference platform server as a child process of a test, on free loopback ports, with
// helpers for its /_inspect endpoints. Stops the server when destroyed.
class RefPlatformProcess
{
public:
    RefPlatformProcess() = default;
    ~RefPlatformProcess();
    RefPlatformProcess(const RefPlatformProcess &) = delete;
    RefPlatformProcess &operator=(const RefPlatformProcess &) = delete;

    // Starts kiosk-refplatform (path from $KIOSK_REFPLATFORM) with `arguments` plus a plain and,
    // when `tlsDirectory` is given, a TLS listener with a CA made there. Waits for "ready".
    [[nodiscard]] bool start(const QStringList &arguments, const QString &tlsDirectory = {});
    void stop();
    void kill();

    [[nodiscard]] QUrl httpUrl() const { return m_http; }
    [[nodiscard]] QUrl httpsUrl() const { return m_https; }
    [[nodiscard]] QString errorText() const { return m_error; }

    // GET or POST on /_inspect/…; an empty object when the server does not answer.
    [[nodiscard]] QJsonObject inspect(const QString &what) const;
    [[nodiscard]] QJsonObject post(const QString &what, const QJsonObject &body) const;
    // Empties /_inspect/requests, so a test reads only the requests it caused.
    void forgetRequests() const;

private:
    QProcess m_process;
    QUrl m_http;
    QUrl m_https;
    QString m_error;
};
