#include "enrolledkiosk.h"

#include "enrolledterminal.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"

EnrolledKiosk::EnrolledKiosk()
    : m_platform(std::make_unique<RefPlatformProcess>())
{
}

EnrolledKiosk::~EnrolledKiosk()
{
    m_kiosk.reset();
    m_platform.reset();
}

bool EnrolledKiosk::start(const QString &token, const QStringList &platformArguments, const QMap<QString, QString> &settings)
{
    if (!m_directory.isValid()) {
        m_error = QStringLiteral("no temporary directory: ") + m_directory.errorString();
        return false;
    }
    if (!m_platform->start(QStringList{QStringLiteral("--enroll-token"), token} + platformArguments)) {
        m_error = QStringLiteral("the reference platform did not start: ") + m_platform->errorText();
        return false;
    }
    m_configPath = EnrolledTerminal::prepare(m_directory.path(), m_platform->httpUrl(), token, settings, &m_error);
    if (m_configPath.isEmpty())
        return false;
    m_kiosk = RunningKiosk::startFromFile(m_configPath, &m_error);
    return m_kiosk != nullptr;
}
