#include "sessionmachine.h"
#include "slotconfirmation.h"
#include "systemupdate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace std::chrono_literals;

namespace {

// Serves one bundle over HTTP on loopback, as the platform's update server would over HTTPS; any
// other path is a 404.
class BundleServer : public QObject
{
public:
    explicit BundleServer(QByteArray bundle)
        : m_bundle(std::move(bundle))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    const bool found = request.startsWith("GET /bundle.raucb ");
                    const QByteArray body = found ? m_bundle : QByteArray("no such bundle");
                    socket->write((found ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") + QByteArray("Content-Length: ")
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] QString url(const QString &path = QStringLiteral("/bundle.raucb")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

private:
    QTcpServer m_server;
    QByteArray m_bundle;
};

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

// The heartbeat's `update` command on an A/B image: its checks (arguments, the bundle's SHA-256),
// the install deferred while a resident is present, root's answers played as
// packaging/rauc/kiosk-system-request gives them (installed into the other slot, or rauc's
// failure), and the outcome after the restart: installed once the new slot serves, or
// rolled_back when GRUB booted the old one.
class TestSystemUpdate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SessionMachine> m_session;
    const QByteArray m_bundle = QByteArray("rauc bundle ").repeated(5000);

    SystemUpdate::Places places(const QString &slot = QStringLiteral("A"), const QString &bootId = QStringLiteral("boot-1")) const
    {
        return {m_dir.filePath(QStringLiteral("state/update")), m_dir.filePath(QStringLiteral("run/requests")), slot, bootId};
    }
    QString request(const QString &name) const { return m_dir.filePath(QStringLiteral("run/requests/") + name); }
    QString updateFile(const QString &name) const { return m_dir.filePath(QStringLiteral("state/update/") + name); }
    // What root's kiosk-system-request writes once rauc install has run.
    void rootAnswers(const QByteArray &lines) const
    {
        QFile result(updateFile(QStringLiteral("result")));
        QVERIFY(result.open(QIODevice::WriteOnly));
        result.write(lines);
    }
    QJsonObject command(const QString &url, const QString &sha256, const QString &version = QStringLiteral("2.0.0")) const
    {
        return {{QStringLiteral("bundle_url"), url}, {QStringLiteral("sha256"), sha256}, {QStringLiteral("version"), version}};
    }
    static QString state(const SystemUpdate &update) { return update.heartbeatEntry().value(QLatin1String("state")).toString(); }
    static QString detail(const SystemUpdate &update) { return update.heartbeatEntry().value(QLatin1String("detail")).toString(); }

    // Downloads and verifies the bundle, asks root to install it and plays root's success: the
    // machine is ready to restart into slot B.
    void installIntoB(SystemUpdate &update, QSignalSpy &acks, const BundleServer &server)
    {
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(m_bundle)));
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Installing);
        rootAnswers("state=written\nfrom=A\nto=B\ndetail=installed into slot B\n");
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Restarting);
        QCOMPARE(acks.size(), 1);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir.path()));
        m_session = std::make_unique<SessionMachine>(SessionTimeouts{});
    }

    void aTerminalNotBootedFromAnABImageRefusesPlainly()
    {
        SystemUpdate update(m_session.get(), places(QString()));
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(m_bundle)));
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(1).toBool(), false);
        QVERIFY(acks.first().at(2).toString().startsWith(QLatin1String("unsupported")));
        QVERIFY(update.heartbeatEntry().isEmpty());
    }

    void malformedCommandsAreRefusedAndNothingIsFetched_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("why");
        const QString sha(64, QLatin1Char('a'));
        QTest::newRow("plain http elsewhere") << "http://updates.example.gov.cn/b.raucb" << sha << "2.0" << "bundle_url";
        QTest::newRow("no url") << "" << sha << "2.0" << "bundle_url";
        QTest::newRow("a file") << "file:///etc/shadow" << sha << "2.0" << "bundle_url";
        QTest::newRow("short hash") << "https://updates.example.gov.cn/b.raucb" << sha.left(63) << "2.0" << "sha256";
        QTest::newRow("not hex") << "https://updates.example.gov.cn/b.raucb" << QString(64, QLatin1Char('g')) << "2.0" << "sha256";
        QTest::newRow("no version") << "https://updates.example.gov.cn/b.raucb" << sha << "" << "version";
        QTest::newRow("spaces") << "https://updates.example.gov.cn/b.raucb" << sha << "2.0 beta" << "version";
    }

    void malformedCommandsAreRefusedAndNothingIsFetched()
    {
        QFETCH(QString, url);
        QFETCH(QString, sha256);
        QFETCH(QString, version);
        QFETCH(QString, why);
        SystemUpdate update(m_session.get(), places());
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        update.carryOut(QStringLiteral("C1"), command(url, sha256, version));
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(1).toBool(), false);
        QVERIFY2(acks.first().at(2).toString().startsWith(why), qPrintable(acks.first().at(2).toString()));
        QCOMPARE(update.stage(), SystemUpdate::Stage::Idle);
        QVERIFY(!QFile::exists(updateFile(QStringLiteral("bundle.raucb.part"))));
    }

    void aBundleWhoseHashDiffersIsDeletedAndReportedFailed()
    {
        SystemUpdate update(m_session.get(), places());
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of("another bundle")));
        QTRY_COMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(1).toBool(), false);
        QVERIFY(acks.first().at(2).toString().contains(sha256Of(m_bundle)));
        QCOMPARE(state(update), QStringLiteral("failed"));
        QCOMPARE(update.heartbeatEntry().value(QLatin1String("version")).toString(), QStringLiteral("2.0.0"));
        QVERIFY(!QFile::exists(updateFile(QStringLiteral("bundle.raucb"))));
        QVERIFY(!QFile::exists(updateFile(QStringLiteral("bundle.raucb.part"))));
        QVERIFY(!QFile::exists(request(QStringLiteral("install"))));
    }

    void aBundleThatCannotBeDownloadedIsReportedFailed()
    {
        SystemUpdate update(m_session.get(), places());
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(QStringLiteral("/gone.raucb")), sha256Of(m_bundle)));
        QTRY_COMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(1).toBool(), false);
        QVERIFY(acks.first().at(2).toString().startsWith(QLatin1String("download failed")));
        QCOMPARE(state(update), QStringLiteral("failed"));
        QVERIFY(!QFile::exists(request(QStringLiteral("install"))));
    }

    void aVerifiedBundleIsInstalledThroughRootAndTheMachineRestartsIntoIt()
    {
        SystemUpdate update(m_session.get(), places());
        update.setPollInterval(20ms);
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        QSignalSpy restart(&update, &SystemUpdate::restartDue);
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(m_bundle)));
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Installing);
        // Root is asked for this bundle, by its hash, and the bundle waits where root looks.
        QFile asked(request(QStringLiteral("install")));
        QVERIFY(asked.open(QIODevice::ReadOnly));
        QCOMPARE(asked.readAll().trimmed(), sha256Of(m_bundle).toLatin1());
        QFile bundle(updateFile(QStringLiteral("bundle.raucb")));
        QVERIFY(bundle.open(QIODevice::ReadOnly));
        QCOMPARE(bundle.readAll(), m_bundle);
        QCOMPARE(state(update), QStringLiteral("installing"));
        QVERIFY(acks.isEmpty());

        rootAnswers("state=installing\nfrom=A\ndetail=rauc install\n");
        QTest::qWait(100);
        QCOMPARE(update.stage(), SystemUpdate::Stage::Installing);
        rootAnswers("state=written\nfrom=A\nto=B\ndetail=installed into slot B\n");
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Restarting);
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(0).toString(), QStringLiteral("C1"));
        QCOMPARE(acks.first().at(1).toBool(), true);
        QCOMPARE(state(update), QStringLiteral("installing"));
        QCOMPARE(restart.size(), 1); // nobody is at the kiosk
        update.requestRestart();
        QVERIFY(QFile::exists(request(QStringLiteral("reboot"))));
    }

    // A bundle of tens of megabytes, taken through the sink (test_bundlesink holds the baseline
    // that shows the loop stops when the GUI thread hashes itself): verified and kept whole, with
    // the GUI thread's event loop turning all the while.
    void aLargeBundleIsDownloadedAndVerifiedWhileTheEventLoopKeepsTurning()
    {
        const QByteArray large = QByteArray("a large rauc bundle ").repeated(2 * 1024 * 1024);
        SystemUpdate update(m_session.get(), places());
        BundleServer server(large);
        int turns = 0;
        QTimer ticks;
        ticks.setTimerType(Qt::PreciseTimer);
        ticks.setInterval(1);
        connect(&ticks, &QTimer::timeout, this, [&turns] { ++turns; });
        ticks.start();
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(large)));
        QTRY_COMPARE_WITH_TIMEOUT(update.stage(), SystemUpdate::Stage::Installing, 120000);
        QVERIFY2(turns >= 10, qPrintable(QStringLiteral("the loop turned %1 times").arg(turns)));
        QFile bundle(updateFile(QStringLiteral("bundle.raucb")));
        QVERIFY(bundle.open(QIODevice::ReadOnly));
        QCOMPARE(bundle.size(), large.size());
        QVERIFY(bundle.readAll() == large);
        QVERIFY(!QFile::exists(updateFile(QStringLiteral("bundle.raucb.part"))));
    }

    void aResidentIsNeverInterruptedTheInstallWaitsForTheSessionToEnd()
    {
        SystemUpdate update(m_session.get(), places());
        update.setPollInterval(20ms);
        QSignalSpy restart(&update, &SystemUpdate::restartDue);
        QVERIFY(m_session->advance(SessionState::ChooseService));
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(m_bundle)));
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::WaitingForResident);
        QCOMPARE(state(update), QStringLiteral("installing"));
        QVERIFY(detail(update).contains(QLatin1String("resident")));
        QVERIFY(!QFile::exists(request(QStringLiteral("install"))));

        QVERIFY(m_session->end(SessionEnd::Cancelled));
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Installing);
        QVERIFY(QFile::exists(request(QStringLiteral("install"))));

        // Installed while the next resident is at the kiosk: the restart waits for them too.
        QVERIFY(m_session->advance(SessionState::ChooseService));
        rootAnswers("state=written\nfrom=A\nto=B\ndetail=installed into slot B\n");
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Restarting);
        QTest::qWait(50);
        QCOMPARE(restart.size(), 0);
        QVERIFY(m_session->end(SessionEnd::Cancelled));
        QTRY_COMPARE(restart.size(), 1);
    }

    void raucsFailureIsReportedWithItsReason()
    {
        SystemUpdate update(m_session.get(), places());
        update.setPollInterval(20ms);
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        QSignalSpy restart(&update, &SystemUpdate::restartDue);
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(m_bundle)));
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Installing);
        rootAnswers("state=failed\nfrom=A\ndetail=rauc install failed: Compatible mismatch: Expected 'kiosk-gov-amd64' but bundle manifest has 'other'\n");
        QTRY_COMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(1).toBool(), false);
        QVERIFY(acks.first().at(2).toString().contains(QLatin1String("Compatible mismatch")));
        QCOMPARE(state(update), QStringLiteral("failed"));
        QVERIFY(detail(update).startsWith(QLatin1String("rauc install failed")));
        QCOMPARE(update.stage(), SystemUpdate::Stage::Idle);
        QCOMPARE(restart.size(), 0);
    }

    void aSecondUpdateWhileOneIsUnderWayIsRefused()
    {
        SystemUpdate update(m_session.get(), places());
        QSignalSpy acks(&update, &SystemUpdate::acknowledged);
        BundleServer server(m_bundle);
        update.carryOut(QStringLiteral("C1"), command(server.url(), sha256Of(m_bundle)));
        update.carryOut(QStringLiteral("C2"), command(server.url(), sha256Of(m_bundle), QStringLiteral("3.0.0")));
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.first().at(0).toString(), QStringLiteral("C2"));
        QCOMPARE(acks.first().at(1).toBool(), false);
        QVERIFY(acks.first().at(2).toString().contains(QLatin1String("2.0.0")));
        QTRY_COMPARE(update.stage(), SystemUpdate::Stage::Installing);
    }

    void afterTheRestartTheNewSlotIsInstalledOnlyOnceItServes()
    {
        {
            SystemUpdate before(m_session.get(), places());
            before.setPollInterval(20ms);
            QSignalSpy acks(&before, &SystemUpdate::acknowledged);
            BundleServer server(m_bundle);
            installIntoB(before, acks, server);
        }
        SystemUpdate after(m_session.get(), places(QStringLiteral("B"), QStringLiteral("boot-2")));
        QSignalSpy acks(&after, &SystemUpdate::acknowledged);
        QCOMPARE(state(after), QStringLiteral("installing"));
        QCOMPARE(after.heartbeatEntry().value(QLatin1String("version")).toString(), QStringLiteral("2.0.0"));
        after.confirmSlot();
        QCOMPARE(state(after), QStringLiteral("installed"));
        QCOMPARE(detail(after), QStringLiteral("running in slot B"));
        QTest::qWait(20);
        QVERIFY(acks.isEmpty()); // acknowledged before the restart

        // The outcome is reported on later boots too, until another update is asked for.
        SystemUpdate later(m_session.get(), places(QStringLiteral("B"), QStringLiteral("boot-3")));
        QCOMPARE(state(later), QStringLiteral("installed"));
    }

    void whenGrubFallsBackToTheOldSlotTheUpdateIsReportedRolledBack()
    {
        {
            SystemUpdate before(m_session.get(), places());
            before.setPollInterval(20ms);
            QSignalSpy acks(&before, &SystemUpdate::acknowledged);
            BundleServer server(m_bundle);
            installIntoB(before, acks, server);
        }
        // Slot B never served; GRUB used up its tries and booted A again.
        SystemUpdate after(m_session.get(), places(QStringLiteral("A"), QStringLiteral("boot-5")));
        QCOMPARE(state(after), QStringLiteral("rolled_back"));
        QVERIFY(detail(after).contains(QLatin1String("slot B")));
        after.confirmSlot(); // the old slot serves: that does not make the update installed
        QCOMPARE(state(after), QStringLiteral("rolled_back"));
        QCOMPARE(after.stage(), SystemUpdate::Stage::Idle);
    }

    void aKioskRestartedBeforeTheMachineStillRestartsIntoTheNewSlot()
    {
        {
            SystemUpdate before(m_session.get(), places());
            before.setPollInterval(20ms);
            QSignalSpy acks(&before, &SystemUpdate::acknowledged);
            BundleServer server(m_bundle);
            installIntoB(before, acks, server);
        }
        SystemUpdate again(m_session.get(), places(QStringLiteral("A"), QStringLiteral("boot-1")));
        QSignalSpy restart(&again, &SystemUpdate::restartDue);
        QCOMPARE(again.stage(), SystemUpdate::Stage::Restarting);
        QCOMPARE(state(again), QStringLiteral("installing"));
        QTRY_COMPARE(restart.size(), 1);
    }

    void theSlotIsMarkedGoodOnlyAfterTheFirstFrameAndAnAnsweredHeartbeat()
    {
        SlotConfirmation confirmation(QStringLiteral("B"), m_dir.filePath(QStringLiteral("run/requests")));
        QSignalSpy confirmed(&confirmation, &SlotConfirmation::confirmed);
        confirmation.heartbeatAnswered();
        QVERIFY(!QFile::exists(request(QStringLiteral("mark-good"))));
        confirmation.firstFrameShown();
        QVERIFY(QFile::exists(request(QStringLiteral("mark-good"))));
        QCOMPARE(confirmed.size(), 1);
        QVERIFY(confirmation.isConfirmed());
        // Asked once per run of the kiosk.
        QVERIFY(QFile::remove(request(QStringLiteral("mark-good"))));
        confirmation.heartbeatAnswered();
        QVERIFY(!QFile::exists(request(QStringLiteral("mark-good"))));
        QCOMPARE(confirmed.size(), 1);
    }

    void outsideAnABImageNoSlotIsMarked()
    {
        SlotConfirmation confirmation(QString(), m_dir.filePath(QStringLiteral("run/requests")));
        confirmation.firstFrameShown();
        confirmation.heartbeatAnswered();
        QVERIFY(!confirmation.isConfirmed());
        QVERIFY(!QFile::exists(request(QStringLiteral("mark-good"))));
    }
};

QTEST_GUILESS_MAIN(TestSystemUpdate)
#include "test_systemupdate.moc"
