#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The optional photo decoder plugin: loaded from a configured path it decodes every card's
// photo; missing or broken, every card still reads and only the decoded photo is absent.
class TestIdCardPhoto : public QObject
{
    Q_OBJECT

private:
    static std::optional<IdCardHolder> readWith(const QString &pluginPath)
    {
        QTemporaryDir stateDir;
        IdCardSimulatorHost simulator;
        IdCardSimulator::Options simulatorOptions;
        simulatorOptions.ttyLinkPath = stateDir.filePath(QStringLiteral("idcard-tty"));
        simulatorOptions.baud = 0;
        QString error;
        if (!simulator.start(simulatorOptions, &error))
            return std::nullopt;
        IdCardReaderOptions options;
        options.spec = *DeviceSpec::parse(QStringLiteral("serial:") + simulatorOptions.ttyLinkPath);
        options.pollIntervalMs = 100;
        options.photoDecoderPlugin = pluginPath;
        IdCardReader reader(QStringLiteral("id_card_reader"), options);
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        if (!reader.start())
            return std::nullopt;
        simulator.execute(QStringLiteral("card present resident"));
        if (!read.wait(15000) && read.isEmpty())
            return std::nullopt;
        return read.at(0).at(0).value<IdCardHolder>();
    }

private slots:
    void decodesThePhotoWithAPlugin()
    {
        const auto holder = readWith(QStringLiteral(FAKE_PHOTO_DECODER));
        QVERIFY(holder);
        QVERIFY(holder->decodedPhoto.startsWith("BM"));
        QCOMPARE(holder->decodedPhoto.size(), 54 + 308 * 126);
        QCOMPARE(holder->decodedPhoto.at(54), holder->photo.at(0));
        QVERIFY(holder->toJson(false).value(QLatin1String("photo_decoded")).toBool());
    }

    void readsWithoutDecodingWhenThePluginDoesNotLoad_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("no plugin configured") << QString();
        QTest::newRow("missing file") << QStringLiteral("/nonexistent/libwlt.so");
        QTest::newRow("not a plugin") << QStringLiteral(TEST_EXECUTABLE);
    }

    void readsWithoutDecodingWhenThePluginDoesNotLoad()
    {
        QFETCH(QString, path);
        const auto holder = readWith(path);
        QVERIFY(holder);
        QCOMPARE(holder->photo.size(), 1024);
        QVERIFY(holder->decodedPhoto.isEmpty());
        QCOMPARE(holder->idNumber, QStringLiteral("340104198806122521"));
    }
};

QTEST_GUILESS_MAIN(TestIdCardPhoto)
#include "test_idcardphoto.moc"
