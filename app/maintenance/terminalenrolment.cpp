#include "terminalenrolment.h"

#include "platformcall.h"
#include "platformclient.h"
#include "terminalcredentials.h"

#include <QSysInfo>

TerminalEnrolment::TerminalEnrolment(PlatformClient *platform, const QString &credentialsFile, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
    , m_credentialsFile(credentialsFile)
{
}

void TerminalEnrolment::start(const QString &token, const QString &site)
{
    const QString serial = QString::fromLatin1(QSysInfo::machineUniqueId());
    const QString model = QStringLiteral("kiosk-") + QSysInfo::currentCpuArchitecture();
    PlatformCall *call = m_platform->enroll(token, serial, model, site);
    connect(call, &PlatformCall::finished, this, [this](const PlatformResult &result) {
        if (!result.isOk()) {
            emit finished(Outcome::Refused, result.summary());
            return;
        }
        TerminalCredentials credentials = TerminalCredentials::fromEnrolment(result.body, m_platform->settings().baseUrl.toString());
        QString error;
        if (!credentials.save(m_credentialsFile, &error)) {
            emit finished(Outcome::NotSaved, error);
            return;
        }
        m_platform->setCredentials(credentials);
        emit finished(Outcome::Enrolled, credentials.terminalId);
    });
}
