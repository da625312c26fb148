#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class RefPlatformProcess;
class RunningKiosk;

// How most UI suites start each test: a fresh directory, the reference platform with an
// enrolment token, a terminal enrolled there as a technician leaves it (EnrolledTerminal), and the
// kiosk running on it (RunningKiosk). The directory exists from construction, so a suite can write
// the catalogue its platform serves there first. Destroyed in reverse order, the kiosk first.
class EnrolledKiosk
{
public:
    EnrolledKiosk();
    ~EnrolledKiosk();
    EnrolledKiosk(const EnrolledKiosk &) = delete;
    EnrolledKiosk &operator=(const EnrolledKiosk &) = delete;

    // Starts the platform with `token` and `platformArguments`, enrols with `settings`
    // ("section/key" → value, as EnrolledTerminal::prepare takes them) and starts the kiosk.
    // False with errorText() when any step fails.
    [[nodiscard]] bool start(const QString &token, const QStringList &platformArguments = {},
                             const QMap<QString, QString> &settings = {});
    [[nodiscard]] QString errorText() const { return m_error; }

    [[nodiscard]] QTemporaryDir *directory() { return &m_directory; }
    [[nodiscard]] RefPlatformProcess *platform() const { return m_platform.get(); }
    [[nodiscard]] RunningKiosk *kiosk() const { return m_kiosk.get(); }
    [[nodiscard]] QString configPath() const { return m_configPath; }

private:
    QTemporaryDir m_directory;
    std::unique_ptr<RefPlatformProcess> m_platform;
    std::unique_ptr<RunningKiosk> m_kiosk;
    QString m_configPath;
    QString m_error;
};
