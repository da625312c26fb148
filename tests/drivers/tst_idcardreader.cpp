#include "device/deviceregistry.h"
#include "idcard/citizennumber.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "idcard/sim/simcontrolclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The real reader driver over a pseudo-terminal against the simulator, for every fault the
// simulator injects. Waits are generous: these run on a loaded two-core machine.
class TestIdCardReader : public QObject
{
    Q_OBJECT

private:
    static constexpr int Patience = 15000;

    struct Rig {
        QTemporaryDir stateDir;
        IdCardSimulatorHost simulator;
        std::unique_ptr<IdCardReader> reader;

        bool start(int baud = 0, int pollMs = 100)
        {
            IdCardSimulator::Options simulatorOptions;
            simulatorOptions.ttyLinkPath = stateDir.filePath(QStringLiteral("sim/idcard-tty"));
            simulatorOptions.baud = baud;
            QString error;
            if (!simulator.start(simulatorOptions, &error)) {
                qWarning() << error;
                return false;
            }
            reader = makeReader(pollMs);
            return true;
        }

        std::unique_ptr<IdCardReader> makeReader(int pollMs)
        {
            IdCardReaderOptions options;
            options.spec = *DeviceSpec::parse(QStringLiteral("serial:%1@115200").arg(stateDir.filePath(QStringLiteral("sim/idcard-tty"))));
            options.pollIntervalMs = pollMs;
            options.commandTimeoutMs = 1000;
            options.reopenIntervalMs = 200;
            auto created = std::make_unique<IdCardReader>(QStringLiteral("id_card_reader"), options);
            created->setStateDirectory(stateDir.path());
            return created;
        }

        QString sim(const QString &command) { return simulator.execute(command); }
    };

    static IdCardHolder holderAt(const QSignalSpy &spy, int index) { return spy.at(index).at(0).value<IdCardHolder>(); }

private slots:
    void readsEveryCardTypeOncePerPresentation_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("type");
        QTest::newRow("resident") << QStringLiteral("resident") << QStringLiteral("resident");
        QTest::newRow("resident, long term") << QStringLiteral("resident_long_term") << QStringLiteral("resident");
        QTest::newRow("HK/Macao/Taiwan permit") << QStringLiteral("hk_mo_tw_permit") << QStringLiteral("hk_mo_tw_permit");
        QTest::newRow("foreign 2017") << QStringLiteral("foreign_permanent_2017") << QStringLiteral("foreign_permanent_2017");
        QTest::newRow("foreign 2023") << QStringLiteral("foreign_permanent_2023") << QStringLiteral("foreign_permanent_2023");
    }

    void readsEveryCardTypeOncePerPresentation()
    {
        QFETCH(QString, card);
        QFETCH(QString, type);
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QSignalSpy removed(rig.reader.get(), &IdCardReader::cardRemoved);
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);

        QVERIFY(rig.sim(QStringLiteral("card present ") + card).startsWith(QStringLiteral("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        const IdCardHolder holder = holderAt(read, 0);
        QCOMPARE(IdCardHolder::typeName(holder.type), type);
        QVERIFY2(holder.problems().isEmpty(), qPrintable(holder.problems().join(QStringLiteral("; "))));
        QCOMPARE(holder.photo.size(), 1024);
        QVERIFY(holder.decodedPhoto.isEmpty());
        // The SAM the simulator holds, as read with 12 FF when the reader opened.
        QCOMPARE(holder.samId, QStringLiteral("0500-0000-3401-0000-0000-0000-1234-5678"));

        // The card stays on the reader for many polls: still one read, no removal.
        QTest::qWait(1000);
        QCOMPARE(read.size(), 1);
        QCOMPARE(removed.size(), 0);

        rig.sim(QStringLiteral("card remove"));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Patience);
        QCOMPARE(read.size(), 1);
        QCOMPARE(rig.reader->statistics().value(QStringLiteral("cards_read")), 1);
    }

    void readsTheSameCardAgainAfterItWasTakenAway()
    {
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QSignalSpy removed(rig.reader.get(), &IdCardReader::cardRemoved);
        QVERIFY(rig.reader->start());
        rig.sim(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        rig.sim(QStringLiteral("card remove"));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Patience);
        rig.sim(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, Patience);
        QCOMPARE(holderAt(read, 1).idNumber, holderAt(read, 0).idNumber);
    }

    void reportsReadFailureAndReadsOnTheNextTry()
    {
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QSignalSpy failed(rig.reader.get(), &IdCardReader::cardReadFailed);
        QVERIFY(rig.reader->start());
        rig.sim(QStringLiteral("fault read_failure"));
        rig.sim(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Patience);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("read_failed"));
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("读证件失败")));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QCOMPARE(rig.reader->statistics().value(QStringLiteral("read_failures")), 1);
    }

    void readsThroughLineTrouble_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("noise before the preamble") << QStringLiteral("noise");
        QTest::newRow("torn frames") << QStringLiteral("torn_frames");
        QTest::newRow("slow replies") << QStringLiteral("slow");
        QTest::newRow("one bad checksum") << QStringLiteral("bad_checksum");
    }

    void readsThroughLineTrouble()
    {
        QFETCH(QString, fault);
        Rig rig;
        QVERIFY(rig.start(115200));
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        QVERIFY(rig.sim(QStringLiteral("fault ") + fault).startsWith(QStringLiteral("ok")));
        rig.sim(QStringLiteral("card present foreign_permanent_2023"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QCOMPARE(holderAt(read, 0).nameEn, QStringLiteral("WILLIAMS-BROWN, CHARLOTTE ELIZABETH VICTORIA"));
        QCOMPARE(rig.reader->health().level, HealthLevel::Ok);
        if (fault == QLatin1String("bad_checksum"))
            QVERIFY(rig.reader->statistics().value(QStringLiteral("bad_frames")) >= 1);
    }

    void readsTheRightCardAfterALateReply()
    {
        Rig rig;
        QVERIFY(rig.start(115200));
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QSignalSpy failed(rig.reader.get(), &IdCardReader::cardReadFailed);
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        rig.sim(QStringLiteral("card present hk_mo_tw_permit"));
        rig.sim(QStringLiteral("fault late"));
        // The late reply to a timed-out find must not be taken for the select's or the read's.
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QCOMPARE(holderAt(read, 0).passNumber, QStringLiteral("H12345678"));
        QCOMPARE(failed.size(), 0);
        QVERIFY(rig.reader->statistics().value(QStringLiteral("timeouts")) >= 1);
        QVERIFY(rig.reader->statistics().value(QStringLiteral("stale_replies")) >= 1);
        QCOMPARE(rig.reader->health().level, HealthLevel::Ok);
    }

    void reportsSamSelfTestFailureUntilTheSamRecovers()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.sim(QStringLiteral("fault sam_failure"));
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().detail, QStringLiteral("sam_self_test_failed"), Patience);
        QCOMPARE(rig.reader->health().level, HealthLevel::Error);
        QCOMPARE(rig.reader->health().hint, StaffHint::CallService);
        QCOMPARE(rig.reader->state(), Device::State::Error);
        QVERIFY(rig.reader->statistics().value(QStringLiteral("sam_resets")) >= 1);

        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        rig.sim(QStringLiteral("fault none"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        rig.sim(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
    }

    void findsNoCardWhileTheFieldIsEmpty()
    {
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy detected(rig.reader.get(), &IdCardReader::cardDetected);
        QVERIFY(rig.reader->start());
        rig.sim(QStringLiteral("fault no_card"));
        rig.sim(QStringLiteral("card present resident"));
        QTest::qWait(1500);
        QCOMPARE(detected.size(), 0);
        QCOMPARE(rig.reader->health().level, HealthLevel::Ok);
        rig.sim(QStringLiteral("fault none"));
        QTRY_COMPARE_WITH_TIMEOUT(detected.size(), 1, Patience);
    }

    void reportsNoResponseWhenTheReaderFallsSilent()
    {
        Rig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        rig.sim(QStringLiteral("fault mute"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().detail, QStringLiteral("no_response"), Patience);
        QVERIFY(rig.reader->statistics().value(QStringLiteral("timeouts")) >= 3);
        rig.sim(QStringLiteral("fault none"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
    }

    void reportsUnplugAndReopensOnReplug()
    {
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QSignalSpy removed(rig.reader.get(), &IdCardReader::cardRemoved);
        QVERIFY(rig.reader->start());
        QTRY_VERIFY_WITH_TIMEOUT(rig.reader->isPresent(), Patience);
        rig.sim(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);

        rig.sim(QStringLiteral("fault unplug"));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.reader->isPresent(), Patience);
        QCOMPARE(rig.reader->health().detail, QStringLiteral("no_device"));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Patience);

        rig.sim(QStringLiteral("fault none"));
        QTRY_VERIFY_WITH_TIMEOUT(rig.reader->isPresent(), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        // The card is still on the simulated reader: after the replug it is a new presentation.
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, Patience);
    }

    void reportsNoDeviceForAMissingPort()
    {
        QTemporaryDir dir;
        IdCardReaderOptions options;
        options.spec = *DeviceSpec::parse(QStringLiteral("serial:%1").arg(dir.filePath(QStringLiteral("ttyNothing"))));
        IdCardReader reader(QStringLiteral("id_card_reader"), options);
        QVERIFY(reader.start());
        QTRY_COMPARE_WITH_TIMEOUT(reader.health().detail, QStringLiteral("no_device"), Patience);
        QCOMPARE(reader.health().hint, StaffHint::CallService);
        QVERIFY(!reader.isPresent());
    }

    void reportsBusyWhileAnotherHolderHasThePort()
    {
        Rig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        const auto second = rig.makeReader(100);
        QVERIFY(second->start());
        QTRY_COMPARE_WITH_TIMEOUT(second->health().level, HealthLevel::Busy, Patience);
        QCOMPARE(second->health().detail, QStringLiteral("in_use"));
        QVERIFY(second->isPresent());
        // Once the first holder lets go, the second takes the reader over.
        rig.reader->close();
        QTRY_COMPARE_WITH_TIMEOUT(second->health().level, HealthLevel::Ok, Patience);
    }

    void checksHealthOnRequest_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("internal") << int(HealthCheckLevel::Internal);
        QTest::newRow("external") << int(HealthCheckLevel::External);
    }

    void checksHealthOnRequest()
    {
        QFETCH(int, level);
        Rig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        QSignalSpy checked(rig.reader.get(), &Device::healthChecked);
        rig.sim(QStringLiteral("fault sam_failure"));
        rig.reader->checkHealth(static_cast<HealthCheckLevel>(level));
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Patience);
        QCOMPARE(checked.at(0).at(1).value<DeviceHealth>().detail, QStringLiteral("sam_self_test_failed"));
    }

    void keepsStatisticsAcrossARestart()
    {
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QVERIFY(rig.reader->start());
        rig.sim(QStringLiteral("card present hk_mo_tw_permit"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        rig.reader->close();
        rig.reader.reset();

        const auto again = rig.makeReader(100);
        QCOMPARE(again->statistics().value(QStringLiteral("cards_read")), 1);
    }

    void registryRunsTheRealDriverAgainstTheSimulatorAndItsControlSocket()
    {
        QTemporaryDir stateDir;
        DeviceRegistryOptions options;
        options.stateDirectory = stateDir.path();
        options.specs.insert(QStringLiteral("id_card_reader"), QStringLiteral("simulated"));
        options.specs.insert(QStringLiteral("palm_vein_scanner"), QStringLiteral("simulated"));
        options.idCardPollIntervalMs = 100;
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(registry.idCardReader());
        QVERIFY(registry.idCardSimulator());
        QCOMPARE(registry.unsupported(), QStringList{QStringLiteral("palm_vein_scanner")});
        QVERIFY(registry.idCardReader()->spec().startsWith(QStringLiteral("serial:")));

        QSignalSpy read(registry.idCardReader(), &IdCardReader::cardRead);
        QVERIFY(registry.startAll(&errors));
        QString reply;
        QString error;
        QVERIFY2(SimControlClient::send(IdCardSimulator::defaultControlSocketPath(stateDir.path()),
                                        QStringLiteral("card present foreign_permanent_2017"), &reply, &error),
                 qPrintable(error));
        QVERIFY(reply.startsWith(QStringLiteral("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QCOMPARE(holderAt(read, 0).nationality, QStringLiteral("USA"));
    }
};

QTEST_GUILESS_MAIN(TestIdCardReader)
#include "tst_idcardreader.moc"
