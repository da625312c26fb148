#include "journeykiosk.h"

#include "device/deviceregistry.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "kioskconfig.h"
#include "outboxkey.h"
#include "terminalcredentials.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

QByteArray JourneyKiosk::demoCatalogueWith(const std::function<void(QJsonObject &)> &change)
{
    QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    change(root);
    return QJsonDocument(root).toJson();
}

JourneyKiosk::JourneyKiosk(Platform platform, const QString &devices, const QByteArray &catalogue)
{
    const QString state = stateDir();
    if (!QDir().mkpath(state) || !OutboxKey::create(state + QStringLiteral("/outbox.key")).ok()) {
        m_error = QStringLiteral("no state directory or outbox key");
        return;
    }
    QString text = QStringLiteral("[kiosk]\nstate_dir=%1\n[offline]\nkey_file=%1/outbox.key\n").arg(state);
    // Nothing listens on the discard port of loopback.
    text += QStringLiteral("[platform]\nurl=http://127.0.0.1:9\ncredentials_file=%1/terminal.json\ntimeout_s=2\n").arg(state);
    text += QStringLiteral("[monitoring]\ntextfile=%1/kiosk.prom\n").arg(state);
    const QString credentials = state + QStringLiteral("/terminal.json");
    if (platform == Platform::None) {
        QFile damaged(credentials);
        if (!damaged.open(QIODevice::WriteOnly) || damaged.write("{}") != 2
            || !damaged.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            m_error = QStringLiteral("cannot write %1").arg(credentials);
            return;
        }
    } else if (platform == Platform::Away) {
        const TerminalCredentials enrolled{QStringLiteral("T340100000001"), QByteArray(32, 'k'), QStringLiteral("340100"),
                                           QStringLiteral("http://127.0.0.1:9")};
        if (!enrolled.save(credentials, &m_error))
            return;
    }
    if (!catalogue.isEmpty()) {
        QFile offered(m_dir.filePath(QStringLiteral("catalogue.json")));
        if (!offered.open(QIODevice::WriteOnly) || offered.write(catalogue) != catalogue.size()) {
            m_error = QStringLiteral("cannot write the catalogue");
            return;
        }
        text.replace(QStringLiteral("[kiosk]\n"), QStringLiteral("[kiosk]\ncatalogue_file=%1\n").arg(offered.fileName()));
    }
    if (!devices.isEmpty())
        text += QStringLiteral("[devices]\n") + devices;
    const QString path = m_dir.filePath(QStringLiteral("kiosk.ini"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write %1").arg(path);
        return;
    }
    file.close();
    QList<ConfigError> errors;
    const std::optional<KioskConfig> config = KioskConfig::load(path, &errors);
    if (!config) {
        m_error = QStringLiteral("the configuration does not load");
        return;
    }
    m_runtime = KioskRuntime::create(*config, &m_error);
}

bool JourneyKiosk::identify(const QString &card)
{
    SessionMachine *session = m_runtime->session();
    if (session->state() == SessionState::Attract && !session->advance(SessionState::ChooseService))
        return false;
    if (!session->advance(SessionState::Identify))
        return false;
    IdCardSimulatorHost *simulator = m_runtime->devices()->idCardSimulator();
    const IdCardReader *reader = m_runtime->devices()->idCardReader();
    if (!simulator || !reader || !QTest::qWaitFor([reader] { return reader->health().isUsable(); }, 20000))
        return false;
    if (!simulator->execute(QStringLiteral("card present ") + card).startsWith(QLatin1String("ok")))
        return false;
    return QTest::qWaitFor([this] { return m_runtime->identity()->isIdentified(); }, 20000);
}
