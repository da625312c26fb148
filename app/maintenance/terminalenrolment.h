#pragma once

#include <QObject>
#include <QString>

class PlatformClient;

// Enrols this terminal with the platform from the provisioning screen: sends the hall's one-time
// token with the machine's serial, model and site, saves the credentials the platform returns
// into the credentials file and hands them to the client, which then signs as this terminal.
// finished() comes once, with the terminal id, the platform's summary or the save error.
class TerminalEnrolment : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Enrolled, Refused, NotSaved };
    Q_ENUM(Outcome)

    TerminalEnrolment(PlatformClient *platform, const QString &credentialsFile, QObject *parent = nullptr);

    void start(const QString &token, const QString &site);

signals:
    void finished(TerminalEnrolment::Outcome outcome, const QString &detail);

private:
    PlatformClient *m_platform;
    QString m_credentialsFile;
};
