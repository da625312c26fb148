#include "auditlog.h"
#include "diagnosticsbundle.h"
#include "kioskconfig.h"
#include "recentlog.h"
#include "statusreport.h"

#include "common/personaldata.h"
#include "idcard/sim/simcards.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
Q_LOGGING_CATEGORY(lcJourney, "kiosk.app.session")
}

// A resident's traces around the state directory (what the kiosk logs, a careless log line, a
// photo left in a folder) and a bundle built from it: none of them may travel in the bundle.
class TestDiagnosticsBundle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_state;
    std::optional<KioskConfig> m_config;
    IdCardHolder m_resident;
    const QString m_phone = QStringLiteral("13955123456");

    [[nodiscard]] QDir extract(const QString &bundle, const QString &into)
    {
        QDir().mkpath(into);
        if (QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xzf"), bundle, QStringLiteral("-C"), into}) != 0)
            return QDir();
        const QStringList tops = QDir(into).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        return tops.size() == 1 ? QDir(QDir(into).filePath(tops.first())) : QDir();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_state = m_dir.filePath(QStringLiteral("state"));
        m_config = KioskConfig::defaults();
        m_config->set(QStringLiteral("kiosk/state_dir"), m_state);
        m_config->set(QStringLiteral("platform/url"), QStringLiteral("http://127.0.0.1:1/terminal/v1"));
        m_config->set(QStringLiteral("platform/credentials_file"), m_state + QStringLiteral("/terminal.json"));
        m_config->set(QStringLiteral("offline/key_file"), m_state + QStringLiteral("/outbox.key"));
        m_config->set(QStringLiteral("admin/pin_hash"), QStringLiteral("pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA=="));
        const std::optional<IdCardHolder> card = SimCards::card(QStringLiteral("resident"));
        QVERIFY(card);
        m_resident = *card;

        // The kiosk's own log, the way the kiosk writes it: masked by the code, and one careless
        // line that only the safety net catches.
        QVERIFY(RecentLog::installForKiosk(m_state));
        qCInfo(lcJourney) << "card read:" << PersonalData::maskIdNumber(m_resident.idNumber) << PersonalData::maskName(m_resident.name);
        qCWarning(lcJourney).noquote() << "validation detail: id" << m_resident.idNumber << "phone" << m_phone;
        qCInfo(lcJourney) << "receipt printed";
        RecentLog::uninstall();
        QVERIFY(AuditLog(AuditLog::pathIn(m_state)).record(QStringLiteral("maintenance-ui"), QStringLiteral("device.self-test"),
                                                           QStringLiteral("ok"), QStringLiteral("card ") + m_resident.idNumber));
        // A picture left behind somewhere in the state directory is never picked up.
        QDir().mkpath(m_state + QStringLiteral("/sim"));
        QFile photo(m_state + QStringLiteral("/sim/face.jpg"));
        QVERIFY(photo.open(QIODevice::WriteOnly));
        photo.write(QByteArray("\xFF\xD8\xFF\xE0", 4) + m_resident.name.toUtf8());
    }

    void bundleHoldsNoneOfTheResidentsData()
    {
        StatusReport::Options options;
        options.checkPlatform = false;
        const QJsonObject status = StatusReport::collect(*m_config, options);
        QString error;
        const QString bundle = DiagnosticsBundle::collectInto(*m_config, status, {}, &error);
        QVERIFY2(!bundle.isEmpty(), qPrintable(error));
        const QDir top = extract(bundle, m_dir.filePath(QStringLiteral("out")));
        QVERIFY(top.exists());

        int files = 0;
        QDirIterator it(top.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            QVERIFY2(!bytes.contains(m_resident.idNumber.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(m_resident.name.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(m_phone.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(QByteArray("\xFF\xD8\xFF", 3)), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(QByteArray("\x89PNG", 4)), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains("pbkdf2-sha256"), qPrintable(file.fileName()));
        }
        QVERIFY(files >= 10);

        // What it must hold, so the test above can fail: the devices, the outbox counts, the log.
        QFile devices(top.filePath(QStringLiteral("devices.json")));
        QVERIFY(devices.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(devices.readAll()).array().size(), 6);
        QFile outbox(top.filePath(QStringLiteral("outbox.json")));
        QVERIFY(outbox.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(outbox.readAll()).object().contains(QStringLiteral("available")));
        QFile log(top.filePath(QStringLiteral("logs/kiosk.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logText = log.readAll();
        QVERIFY(logText.contains("receipt printed"));
        QVERIFY(logText.contains(PersonalData::maskIdNumber(m_resident.idNumber).toUtf8()));
        QFile audit(top.filePath(QStringLiteral("audit.log")));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        QVERIFY(audit.readAll().contains("device.self-test"));
        QFile config(top.filePath(QStringLiteral("config.ini")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(config.readAll().contains("pin_hash=(redacted)"));
    }

    void collectKeepsTheNewestThree()
    {
        StatusReport::Options options;
        options.checkPlatform = false;
        options.devices = QJsonArray();
        const QJsonObject status = StatusReport::collect(*m_config, options);
        QString error;
        QStringList made;
        for (int i = 0; i < 5; ++i) {
            made << DiagnosticsBundle::collectInto(*m_config, status, {}, &error);
            QVERIFY2(!made.last().isEmpty(), qPrintable(error));
        }
        const QStringList kept = QDir(m_state + QStringLiteral("/diagnostics")).entryList({QStringLiteral("diag-*.tar.gz")}, QDir::Files, QDir::Name);
        QCOMPARE(kept.size(), 3);
        QCOMPARE(QDir(m_state + QStringLiteral("/diagnostics")).filePath(kept.last()), made.last());
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticsBundle)
#include "test_diagnosticsbundle.moc"
