#include "audiochannel.h"
#include "enrolledkiosk.h"
#include "keypadnavigator.h"
#include "kioskshell.h"
#include "recordingplayer.h"
#include "runningkiosk.h"
#include "screenreader.h"
#include "speechsynthesis.h"
#include "uiprobe.h"
#include "voiceprompts.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The kiosk's one voice (AudioChannel): the recorded prompts and reading mode's speech play
// through one player, so a prompt and a reading never sound at once and a new screen cuts what
// was being said. What a resident would hear is recorded by the one player underneath, in order,
// each cut as "(stop)"; what reading mode hands to espeak-ng is recorded as it is handed over.
class TestAudioChannel : public QObject
{
    Q_OBJECT

private slots:
    // Two voices on one channel: the second cuts the first; the first's stop() then leaves the
    // second playing; only the voice whose sound played to its end hears of it.
    void aVoiceCutsWhateverPlaysAndHearsOnlyOfItsOwnEnd()
    {
        QStringList heard;
        auto player = std::make_unique<RecordingPlayer>(&heard);
        RecordingPlayer *underneath = player.get();
        AudioChannel channel(std::move(player));
        QVERIFY(channel.hasOutput());
        const auto prompts = channel.speaker();
        const auto reading = channel.speaker();
        int promptsEnded = 0;
        int readingEnded = 0;
        prompts->setFinishedHandler([&] { ++promptsEnded; });
        reading->setFinishedHandler([&] { ++readingEnded; });
        QSignalSpy started(&channel, &AudioChannel::started);

        prompts->play(QStringLiteral(":/voice/zh/home.wav"), 1.0);
        QCOMPARE(channel.playing(), QStringLiteral(":/voice/zh/home.wav"));
        reading->play(QStringLiteral("/run/kiosk/speech-1.wav"), 1.0);
        QCOMPARE(heard, QStringList({QStringLiteral(":/voice/zh/home.wav"), QStringLiteral("(stop)"), QStringLiteral("/run/kiosk/speech-1.wav")}));
        prompts->stop(); // its prompt was cut already: the reading goes on
        QCOMPARE(heard.size(), 3);
        QCOMPARE(channel.playing(), QStringLiteral("/run/kiosk/speech-1.wav"));
        underneath->finishPlaying();
        QCOMPARE(readingEnded, 1);
        QCOMPARE(promptsEnded, 0);
        QCOMPARE(channel.playing(), QString());
        QCOMPARE(started.size(), 2);

        // Its own sound a voice does stop; a voice gone stops its sound too.
        auto gone = channel.speaker();
        gone->play(QStringLiteral(":/voice/zh/guide.wav"), 1.0);
        gone.reset();
        QCOMPARE(heard.last(), QStringLiteral("(stop)"));
        QCOMPARE(channel.playing(), QString());
    }

    // Reading mode on a real kiosk, its prompts and reading on one channel: the home screen's
    // prompt is played once (the reader follows it rather than say it again), the screen's title
    // is handed to the engine and read once the prompt has ended, and the guide's prompt cuts the
    // home screen's reading before the guide's reading follows it.
    void aNewScreenCutsTheReadingAndAPromptIsNeverSaidTwice()
    {
        EnrolledKiosk enrolled;
        QVERIFY2(enrolled.start(QStringLiteral("audio-1"), {}, {{QStringLiteral("platform/timeout_s"), QStringLiteral("5")}}), qPrintable(enrolled.errorText()));
        KioskShell *shell = enrolled.kiosk()->shell();
        QQuickWindow *window = enrolled.kiosk()->window();
        auto *reader = window->findChild<ScreenReader *>();
        QVERIFY(reader);

        QStringList heard;
        auto player = std::make_unique<RecordingPlayer>(&heard);
        RecordingPlayer *underneath = player.get();
        AudioChannel channel(std::move(player));
        VoicePrompts voice(shell, channel.speaker(), 1.0);
        reader->setChannel(&channel);
        QStringList said;
        connect(reader->synthesis(), &SpeechSynthesis::requested, this, [&said](const QString &text) { said.append(text); });
        reader->setActive(true);
        // The attract screen read out (no prompt there) before the resident starts.
        QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty() && heard.last().endsWith(QLatin1String(".wav")) && !heard.last().startsWith(QLatin1Char(':')), 10000);

        QVERIFY(UiProbe::tap(window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(window, QStringLiteral("homeScreen")));
        QTRY_VERIFY2(!said.isEmpty() && said.last().contains(QStringLiteral("请选择您要办理的事项")), qPrintable(said.join(QLatin1Char('|'))));
        QCOMPARE(heard.count(QStringLiteral(":/voice/zh/home.wav")), 1);
        QCOMPARE(heard.last(), QStringLiteral(":/voice/zh/home.wav"));
        QTest::qWait(500); // the speech is made by now, and waits for the prompt
        QCOMPARE(heard.last(), QStringLiteral(":/voice/zh/home.wav"));
        underneath->finishPlaying();
        QTRY_VERIFY(heard.last().endsWith(QLatin1String(".wav")) && !heard.last().startsWith(QLatin1Char(':')));

        // The guide, while the home screen is still being read.
        const qsizetype before = heard.size();
        QVERIFY(shell->openItem(QStringLiteral("340100-000-ZZ-0002-01")));
        QTRY_VERIFY(UiProbe::find(window, QStringLiteral("guideScreen")));
        QTRY_VERIFY(heard.contains(QStringLiteral(":/voice/zh/guide.wav")));
        const QStringList afterwards = heard.mid(before);
        QCOMPARE(afterwards.first(), QStringLiteral("(stop)"));
        QCOMPARE(afterwards.at(1), QStringLiteral(":/voice/zh/guide.wav"));
        const QString title = ScreenReader::titleOf(UiProbe::find(window, QStringLiteral("guideScreen")));
        QVERIFY(!title.isEmpty());
        QTRY_VERIFY2(said.last().contains(title), qPrintable(said.join(QLatin1Char('|'))));
        QTest::qWait(500);
        QCOMPARE(heard.count(QStringLiteral(":/voice/zh/guide.wav")), 1);
        QCOMPARE(heard.last(), QStringLiteral(":/voice/zh/guide.wav"));
        underneath->finishPlaying();
        QTRY_VERIFY(heard.last().endsWith(QLatin1String(".wav")) && !heard.last().startsWith(QLatin1Char(':')));
        reader->setActive(false);
        reader->setChannel(nullptr);
    }
};

QTEST_MAIN(TestAudioChannel)
#include "test_audiochannel.moc"
