#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `kioskctl camera snapshot` as a technician aims a camera: a frame of an empty scene is saved for
// them alone (mode 0600); a frame with a person in it is never written.
class TestCameraSnapshot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    int snapshot(const QByteArray &devices, const QString &device, const QString &out, QString *err)
    {
        const QString config = m_dir.filePath(QStringLiteral("kiosk-%1.ini").arg(device));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return -1;
        file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n[devices]\n" + devices);
        file.close();
        QProcess kioskctl;
        kioskctl.start(qEnvironmentVariable("KIOSKCTL"),
                       {QStringLiteral("--config"), config, QStringLiteral("camera"), QStringLiteral("snapshot"), QStringLiteral("--device"),
                        device, QStringLiteral("--out"), out});
        if (!kioskctl.waitForFinished(60000))
            return -1;
        *err = QString::fromUtf8(kioskctl.readAllStandardError());
        return kioskctl.exitCode();
    }

private slots:
    void savesAFrameOfTheDocumentCameraForItsOwnerOnly()
    {
        const QString out = m_dir.filePath(QStringLiteral("document.jpg"));
        QString err;
        QCOMPARE(snapshot("document_camera=simulated\n", QStringLiteral("document_camera"), out, &err), 0);
        const QImage frame(out);
        QCOMPARE(frame.size(), QSize(1280, 960)); // the live picture, as the technician aims by it
        QCOMPARE(QFileInfo(out).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    }

    void refusesWhileAPersonIsInView()
    {
        const QString face = qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/tests/drivers/camera/data/astronaut-face.jpg");
        QVERIFY(QFile::exists(face));
        const QString out = m_dir.filePath(QStringLiteral("person.jpg"));
        QString err;
        QCOMPARE(snapshot("face_camera=file:" + face.toUtf8() + "\n", QStringLiteral("face_camera"), out, &err), 1);
        QVERIFY2(err.contains(QLatin1String("a person is in front of face_camera")), qPrintable(err));
        QVERIFY(!QFile::exists(out));
    }

    void needsAFileToWrite()
    {
        QString err;
        QCOMPARE(snapshot("", QStringLiteral("face_camera"), QString(), &err), 2);
    }
};

QTEST_GUILESS_MAIN(TestCameraSnapshot)
#include "test_camerasnapshot.moc"
