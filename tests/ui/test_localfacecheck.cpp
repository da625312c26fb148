#include "applicationjourney.h"
#include "camera/camera.h"
#include "vision/facematcherloader.h"
#include "device/deviceregistry.h"
#include "identityverification.h"
#include "idcard/idcardholder.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "applicationdesk.h"
#include "outboxkey.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "residentidentification.h"
#include "servicedesk.h"
#include "terminalcredentials.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray greyPicture(int grey, const char *format)
{
    QImage picture(120, 150, QImage::Format_RGB32);
    picture.fill(QColor(grey, grey, grey));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, format);
    return bytes;
}

IdCardHolder holderWithPhoto(int grey)
{
    IdCardHolder holder;
    holder.type = IdCardHolder::CardType::Resident;
    holder.decodedPhoto = greyPicture(grey, "BMP");
    return holder;
}

} // namespace

// While the platform is away, a vendor's local 1:1 matcher (a plugin; the project's fake one
// compares grey levels) checks the live face against the card's decoded photo, so an item that
// needs a face and may be queued is still served; without the plugins the kiosk says the
// platform is needed, as before.
class TestLocalFaceCheck : public QObject
{
    Q_OBJECT

private:
    const QString m_retirement = QStringLiteral("340100-000-ZZ-0009-01"); // apply, face required, may be queued
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<KioskRuntime> m_runtime;
    std::unique_ptr<KioskShell> m_shell;

    // An enrolled terminal whose platform does not answer (nothing listens on the discard port).
    void startKiosk(bool withMatcher)
    {
        m_state = std::make_unique<QTemporaryDir>();
        const QString platformUrl = QStringLiteral("http://127.0.0.1:9/terminal/v1");
        TerminalCredentials credentials{QStringLiteral("T340103000099"), QByteArray(32, '\x5a'), QStringLiteral("340103"), platformUrl};
        QString why;
        QVERIFY2(credentials.save(m_state->filePath(QStringLiteral("terminal.json")), &why), qPrintable(why));
        KioskConfig config = KioskConfig::defaults();
        config.set(QStringLiteral("kiosk/state_dir"), m_state->path());
        config.set(QStringLiteral("offline/key_file"), m_state->filePath(QStringLiteral("outbox.key")));
        config.set(QStringLiteral("platform/url"), platformUrl);
        config.set(QStringLiteral("platform/credentials_file"), m_state->filePath(QStringLiteral("terminal.json")));
        config.set(QStringLiteral("devices/id_card_photo_decoder"), QStringLiteral(FAKE_PHOTO_DECODER));
        if (withMatcher)
            config.set(QStringLiteral("devices/face_matcher"), QStringLiteral(FAKE_FACE_MATCHER));
        QVERIFY(OutboxKey::create(m_state->filePath(QStringLiteral("outbox.key"))).ok());
        QString error;
        m_runtime = KioskRuntime::create(config, &error);
        QVERIFY2(m_runtime, qPrintable(error));
        m_shell = std::make_unique<KioskShell>(m_runtime.get());
        // The first heartbeat that finds nobody there tells the kiosk the platform is away.
        QVERIFY(m_runtime->heartbeat());
        m_runtime->heartbeat()->beatNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Offline, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->identification()->faceCameraUsable(), 30000);
    }

    // Home → the retirement application → the card → consent given; the simulated resident then
    // turns their head before the face camera.
    void identifyAndAgreeToAFaceCheck()
    {
        m_shell->start();
        QVERIFY(m_shell->openItem(m_retirement));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(m_shell->startSelectedItem());
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        QVERIFY(!m_runtime->identity()->holder()->decodedPhoto.isEmpty());
        QVERIFY(m_shell->continueToForm());
        QCOMPARE(m_shell->screen(), KioskShell::Screen::Verify);
        QVERIFY(m_shell->serviceDesk()->agreeToFaceCheck());
    }

private slots:
    void cleanup()
    {
        m_shell.reset();
        m_runtime.reset();
        m_state.reset();
        qunsetenv("FAKE_FACE_MATCHER_THRESHOLD");
    }

    void aFaceLikeTheCardPhotoIsVerifiedAtTheKioskWithoutAToken()
    {
        FaceMatcherLoader loader(QStringLiteral(FAKE_FACE_MATCHER));
        QVERIFY2(loader.matcher(), qPrintable(loader.errorString()));
        IdentityVerification verification;
        QSignalSpy finished(&verification, &IdentityVerification::finished);
        QVERIFY(verification.verifyLocally(loader.matcher(), holderWithPhoto(128), greyPicture(130, "JPEG")));
        QCOMPARE(verification.state(), IdentityVerification::State::Verifying);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(verification.faceChecked());
        QCOMPARE(verification.verifiedBy(), QStringLiteral("idcard+face"));
        QVERIFY(verification.holderToken().isEmpty());
    }

    void aDifferentFaceIsRefusedAsAMismatch()
    {
        FaceMatcherLoader loader(QStringLiteral(FAKE_FACE_MATCHER));
        QVERIFY2(loader.matcher(), qPrintable(loader.errorString()));
        IdentityVerification verification;
        QSignalSpy finished(&verification, &IdentityVerification::finished);
        QVERIFY(verification.verifyLocally(loader.matcher(), holderWithPhoto(200), greyPicture(30, "JPEG")));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(verification.state(), IdentityVerification::State::Refused);
        QCOMPARE(verification.problem(), QStringLiteral("face_mismatch"));
        QVERIFY(!verification.faceChecked());
        QVERIFY(verification.verifiedBy().isEmpty());
    }

    void aCardWhosePhotoWasNotDecodedCannotBeComparedHere()
    {
        FaceMatcherLoader loader(QStringLiteral(FAKE_FACE_MATCHER));
        QVERIFY2(loader.matcher(), qPrintable(loader.errorString()));
        IdentityVerification verification;
        QSignalSpy finished(&verification, &IdentityVerification::finished);
        IdCardHolder withoutPhoto = holderWithPhoto(128);
        withoutPhoto.decodedPhoto.clear();
        QVERIFY(verification.verifyLocally(loader.matcher(), withoutPhoto, greyPicture(128, "JPEG")));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(verification.state(), IdentityVerification::State::Failed);
        QCOMPARE(verification.problem(), QStringLiteral("face_match_error"));
        QVERIFY(!verification.verifyLocally(nullptr, holderWithPhoto(128), greyPicture(128, "JPEG")));
    }

    void theWipeDropsAComparisonStillUnderWay()
    {
        FaceMatcherLoader loader(QStringLiteral(FAKE_FACE_MATCHER));
        QVERIFY2(loader.matcher(), qPrintable(loader.errorString()));
        IdentityVerification verification;
        QSignalSpy finished(&verification, &IdentityVerification::finished);
        QVERIFY(verification.verifyLocally(loader.matcher(), holderWithPhoto(128), greyPicture(128, "JPEG")));
        verification.wipeSessionData();
        QTest::qWait(1000);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(verification.state(), IdentityVerification::State::None);
        QVERIFY(!verification.isVerified());
    }

    void aFaceItemIsOfferedOfflineOnlyWithALocalMatcher()
    {
        startKiosk(false);
        QVERIFY(!m_runtime->identification()->localFaceCheckAvailable());
        QVERIFY(m_shell->openItem(m_retirement));
        QCOMPARE(m_shell->selectedItemUnavailable(), QStringLiteral("platform_offline"));
        cleanup();

        startKiosk(true);
        QVERIFY(m_runtime->identification()->localFaceCheckAvailable());
        QVERIFY(m_shell->openItem(m_retirement));
        QCOMPARE(m_shell->selectedItemUnavailable(), QString());
        // Printing a document still needs the platform there and then, face or no face.
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0013-01")));
        QCOMPARE(m_shell->selectedItemUnavailable(), QStringLiteral("platform_offline"));
    }

    void aResidentWhoseFaceMatchesTheirCardAppliesAndTheCaseIsQueued()
    {
        qputenv("FAKE_FACE_MATCHER_THRESHOLD", "0");
        startKiosk(true);
        identifyAndAgreeToAFaceCheck();
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->verification()->isVerified(), 60000);
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("idcard+face"));
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        QTRY_COMPARE(m_shell->serviceDesk()->verifyStage(), ServiceDesk::VerifyStage::Verified);
        // The face matched: the form follows, as after the platform's check.
        QTRY_COMPARE(m_shell->screen(), KioskShell::Screen::Form);
        QVERIFY(m_shell->applicationDesk()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13912345678")));
        QVERIFY(m_shell->applicationDesk()->review());
        QVERIFY(m_shell->submitApplication());
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->outcome(), KioskShell::Outcome::Queued, 30000);
        const OutboxResult<QList<OutboxEntry>> cases = m_runtime->outbox()->entries();
        QVERIFY(cases.ok());
        QCOMPARE(cases.value().size(), 1);
    }

    void aDifferentFaceIsRefusedAndTheOtherWaysAreOffered()
    {
        qputenv("FAKE_FACE_MATCHER_THRESHOLD", "1.01");
        startKiosk(true);
        identifyAndAgreeToAFaceCheck();
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->serviceDesk()->verifyStage(), ServiceDesk::VerifyStage::Refused, 60000);
        QCOMPARE(m_shell->serviceDesk()->verifyProblem(), QStringLiteral("face_mismatch"));
        QVERIFY(!m_runtime->verification()->isVerified());
        // No form without a face that matched.
        QVERIFY(!m_runtime->journey()->beginApplication(m_retirement));
        QCOMPARE(m_runtime->session()->state(), SessionState::Verify);
    }
};

QTEST_MAIN(TestLocalFaceCheck)
#include "test_localfacecheck.moc"
