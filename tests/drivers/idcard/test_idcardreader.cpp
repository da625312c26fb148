#include "device/deviceregistry.h"
#include "idcard/citizennumber.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "sim/simcontrolclient.h"

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

        std::unique_ptr<IdCardReader> makeReader(int pollMs, int interactiveCheckMs = 30000)
        {
            IdCardReaderOptions options;
            options.spec = *DeviceSpec::parse(QStringLiteral("serial:%1@115200").arg(stateDir.filePath(QStringLiteral("sim/idcard-tty"))));
            options.pollIntervalMs = pollMs;
            options.commandTimeoutMs = 1000;
            options.reopenIntervalMs = 200;
            options.interactiveCheckTimeoutMs = interactiveCheckMs;
            auto created = std::make_unique<IdCardReader>(QStringLiteral("id_card_reader"), options);
            created->setStateDirectory(stateDir.path());
            return created;
        }

        QString sim(const QString &command) { return simulator.execute(command); }

        // The reset frames (10 FF) the simulated reader has received, from its `status` reply.
        int samResetsReceived()
        {
            const QString status = sim(QStringLiteral("status"));
            const qsizetype at = status.indexOf(QStringLiteral("sam_resets="));
            return at < 0 ? -1 : status.mid(at + 11).section(QLatin1Char(' '), 0, 0).toInt();
        }
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
        // The statistic in which the driver records what it survived: it stays at zero on a
        // clean line, so each row proves its fault really reached the driver.
        QTest::addColumn<QString>("survived");
        QTest::newRow("noise before the preamble") << QStringLiteral("noise") << QStringLiteral("noise_bytes");
        QTest::newRow("torn frames") << QStringLiteral("torn_frames") << QStringLiteral("torn_replies");
        QTest::newRow("slow replies") << QStringLiteral("slow") << QStringLiteral("slow_replies");
        QTest::newRow("one bad checksum") << QStringLiteral("bad_checksum") << QStringLiteral("bad_frames");
    }

    void readsThroughLineTrouble()
    {
        QFETCH(QString, fault);
        QFETCH(QString, survived);
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
        QVERIFY2(rig.reader->statistics().value(survived) >= 1, qPrintable(survived));
        if (fault == QLatin1String("noise")) {
            // Every reply since the fault came after 11 bytes of noise: at least find, select, read.
            QVERIFY(rig.reader->statistics().value(survived) >= 3 * 11);
        }
    }

    void resetsTheSamAfterASamFaultAndRecoversWithoutHelp_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("beforeOpen");
        QTest::newRow("self-test failure when the reader opens") << QStringLiteral("sam_failure_until_reset") << true;
        QTest::newRow("self-test failure while polling") << QStringLiteral("sam_failure_until_reset") << false;
        QTest::newRow("24 during a read") << QStringLiteral("sam_read_error 24") << false;
        QTest::newRow("31 during a read") << QStringLiteral("sam_read_error 31") << false;
        QTest::newRow("47 during a read") << QStringLiteral("sam_read_error 47") << false;
        QTest::newRow("66 during a read") << QStringLiteral("sam_read_error 66") << false;
    }

    void resetsTheSamAfterASamFaultAndRecoversWithoutHelp()
    {
        QFETCH(QString, fault);
        QFETCH(bool, beforeOpen);
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        QSignalSpy health(rig.reader.get(), &Device::healthChanged);
        if (beforeOpen)
            QVERIFY(rig.sim(QStringLiteral("fault ") + fault).startsWith(QStringLiteral("ok")));
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        if (!beforeOpen) {
            QCOMPARE(rig.samResetsReceived(), 0);
            QVERIFY(rig.sim(QStringLiteral("fault ") + fault).startsWith(QStringLiteral("ok")));
        }
        rig.sim(QStringLiteral("card present resident"));
        // The fault clears only when a real 10 FF frame reaches the reader; nobody says `fault none`.
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QVERIFY(rig.samResetsReceived() >= 1);
        QVERIFY(rig.sim(QStringLiteral("status")).contains(QStringLiteral("faults= ")));
        QVERIFY(rig.reader->statistics().value(QStringLiteral("sam_resets")) >= 1);
        QCOMPARE(rig.reader->health().level, HealthLevel::Ok);
        // Reset at once, the fault never showed as an error that would have hidden services.
        for (const QList<QVariant> &change : std::as_const(health))
            QVERIFY(change.at(0).value<DeviceHealth>().level != HealthLevel::Error);
    }

    void rejectsASamReadErrorThatIsNotASamFault()
    {
        Rig rig;
        QVERIFY(rig.start());
        const QString reply = rig.sim(QStringLiteral("fault sam_read_error 41"));
        QVERIFY2(reply.startsWith(QStringLiteral("error:")), qPrintable(reply));
        QVERIFY2(reply.contains(QStringLiteral("24, 31, 47, 60, 66")), qPrintable(reply));
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

    void interactiveCheckReadsAPresentedCardAndReportsItMasked()
    {
        Rig rig;
        QVERIFY(rig.start());
        // Opened and claimed but not enabled: only the interactive check looks for cards.
        QVERIFY(rig.reader->open());
        QVERIFY(rig.reader->claim());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        QSignalSpy checked(rig.reader.get(), &Device::healthChecked);
        QSignalSpy cardShown(rig.reader.get(), &IdCardReader::interactiveCheckRead);
        QSignalSpy read(rig.reader.get(), &IdCardReader::cardRead);
        rig.reader->checkHealth(HealthCheckLevel::Interactive);
        rig.sim(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Patience);
        QCOMPARE(checked.at(0).at(0).value<HealthCheckLevel>(), HealthCheckLevel::Interactive);
        QCOMPARE(checked.at(0).at(1).value<DeviceHealth>(), DeviceHealth::ok());
        QCOMPARE(cardShown.size(), 1);
        const QString shown = cardShown.at(0).at(0).toString();
        QCOMPARE(shown, QStringLiteral("resident 李** 3401**********2521"));
        QVERIFY(!shown.contains(QStringLiteral("340104198806122521")));
        QCOMPARE(read.size(), 1);
    }

    void interactiveCheckSaysNobodyPresentedACardAndKeepsTheHealth()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.reader = rig.makeReader(100, 1500);
        QVERIFY(rig.reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(rig.reader->health().level, HealthLevel::Ok, Patience);
        QSignalSpy checked(rig.reader.get(), &Device::healthChecked);
        QSignalSpy cardShown(rig.reader.get(), &IdCardReader::interactiveCheckRead);
        rig.reader->checkHealth(HealthCheckLevel::Interactive);
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Patience);
        const auto outcome = checked.at(0).at(1).value<DeviceHealth>();
        QCOMPARE(outcome.level, HealthLevel::Warning);
        QCOMPARE(outcome.detail, QStringLiteral("no_card_presented"));
        QCOMPARE(outcome.hint, StaffHint::Retry);
        QCOMPARE(cardShown.size(), 0);
        // Nobody taking part says nothing about the reader: its standing health is unchanged.
        QCOMPARE(rig.reader->health(), DeviceHealth::ok());
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
#include "test_idcardreader.moc"
