#include "enrolledterminal.h"

#include "outboxkey.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace EnrolledTerminal {

QString prepare(const QString &root, const QUrl &platformUrl, const QString &token, const QMap<QString, QString> &settings,
                QString *error)
{
    const QString state = QDir(root).filePath(QStringLiteral("state"));
    QMap<QString, QString> values{{QStringLiteral("kiosk/state_dir"), state},
                                  {QStringLiteral("platform/url"), platformUrl.toString()},
                                  {QStringLiteral("platform/credentials_file"), state + QStringLiteral("/terminal.json")},
                                  {QStringLiteral("platform/timeout_s"), QStringLiteral("3")},
                                  {QStringLiteral("offline/key_file"), state + QStringLiteral("/outbox.key")},
                                  {QStringLiteral("monitoring/textfile"), state + QStringLiteral("/kiosk.prom")}};
    values.insert(settings);

    // The INI groups keys by section; QMap keeps each section's keys together.
    QString ini;
    QString section;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString group = it.key().section(QLatin1Char('/'), 0, 0);
        if (group != section) {
            section = group;
            ini += QStringLiteral("[%1]\n").arg(section);
        }
        ini += QStringLiteral("%1=%2\n").arg(it.key().section(QLatin1Char('/'), 1), it.value());
    }
    const QString config = QDir(root).filePath(QStringLiteral("kiosk.ini"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) || file.write(ini.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(config);
        return {};
    }
    file.close();

    QDir().mkpath(state);
    if (!OutboxKey::create(QDir(state).filePath(QStringLiteral("outbox.key"))).ok()) {
        *error = QStringLiteral("cannot make the outbox key");
        return {};
    }
    QProcess enroll;
    enroll.start(qEnvironmentVariable("KIOSKCTL"),
                 {QStringLiteral("--config"), config, QStringLiteral("enroll"), QStringLiteral("--token"), token});
    if (!enroll.waitForFinished(60000) || enroll.exitCode() != 0) {
        *error = QStringLiteral("kioskctl enroll: ") + QString::fromUtf8(enroll.readAllStandardError());
        return {};
    }
    return config;
}

} // namespace EnrolledTerminal
