#include "vision/faceobservation.h"
#include "casesubmission.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "outboxkey.h"
#include "recordingplayer.h"
#include "sessionstate.h"
#include "voiceprompts.h"

#include <QDataStream>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct WaveInfo
{
    bool valid = false;
    QString problem;
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    double seconds = 0;
};

// Reads a RIFF WAVE header the way a player must: PCM, its format and how long it plays.
WaveInfo readWave(const QString &path)
{
    WaveInfo info;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        info.problem = QStringLiteral("missing");
        return info;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() < 44 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE") {
        info.problem = QStringLiteral("not a RIFF WAVE file");
        return info;
    }
    QDataStream in(bytes);
    in.setByteOrder(QDataStream::LittleEndian);
    in.skipRawData(12);
    quint32 dataBytes = 0;
    bool pcm = false;
    while (!in.atEnd()) {
        char id[4];
        quint32 size = 0;
        if (in.readRawData(id, 4) != 4)
            break;
        in >> size;
        const QByteArray chunk(id, 4);
        if (chunk == "fmt ") {
            quint16 format = 0, channels = 0, blockAlign = 0, bits = 0;
            quint32 rate = 0, byteRate = 0;
            in >> format >> channels >> rate >> byteRate >> blockAlign >> bits;
            in.skipRawData(int(size) - 16);
            pcm = format == 1;
            info.channels = channels;
            info.sampleRate = int(rate);
            info.bitsPerSample = bits;
        } else if (chunk == "data") {
            dataBytes = size;
            break;
        } else {
            in.skipRawData(int(size + (size & 1)));
        }
    }
    if (!pcm || info.sampleRate == 0 || info.channels == 0 || (info.bitsPerSample != 8 && info.bitsPerSample != 16)) {
        info.problem = QStringLiteral("not 8- or 16-bit PCM");
        return info;
    }
    if (dataBytes == 0 || dataBytes > quint32(bytes.size())) {
        info.problem = QStringLiteral("no sound data");
        return info;
    }
    info.seconds = double(dataBytes) / (info.sampleRate * info.channels * info.bitsPerSample / 8);
    info.valid = true;
    return info;
}

} // namespace

// The kiosk speaks a fixed prompt for every step, in the resident's language and slower in elder
// mode; the recordings are real WAV files built into the kiosk, and one really plays.
class TestVoicePrompts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state;
    std::unique_ptr<KioskRuntime> m_runtime;
    std::unique_ptr<KioskShell> m_shell;
    std::unique_ptr<VoicePrompts> m_voice;
    RecordingPlayer *m_player = nullptr;
    QStringList m_heard;
    QProcess m_soundServer;
    QString m_soundServerProblem;
    QTemporaryDir m_soundServerDir;

    KioskConfig demoConfig() const
    {
        KioskConfig config = KioskConfig::defaults();
        config.set(QStringLiteral("kiosk/state_dir"), m_state.path());
        config.set(QStringLiteral("offline/key_file"), m_state.filePath(QStringLiteral("outbox.key")));
        return config;
    }

    void startKiosk(const KioskConfig &config)
    {
        QString error;
        m_runtime = KioskRuntime::create(config, &error);
        QVERIFY2(m_runtime, qPrintable(error));
        m_shell = std::make_unique<KioskShell>(m_runtime.get());
    }

    QString lastHeard() const { return m_heard.isEmpty() ? QString() : m_heard.constLast(); }

    // A PulseAudio server of the test's own with a null sink: a real audio output on a machine
    // without a sound card, which Qt Multimedia on Debian plays to.
    void startSoundServer()
    {
        const QString pulseaudio = QStandardPaths::findExecutable(QStringLiteral("pulseaudio"));
        if (pulseaudio.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("pactl")).isEmpty()) {
            m_soundServerProblem = QStringLiteral("pulseaudio and pactl are not installed (packaging/deps.sh installs them)");
            return;
        }
        const QString socket = m_soundServerDir.filePath(QStringLiteral("native"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_soundServerDir.path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_soundServerDir.path());
        m_soundServer.setProcessEnvironment(env);
        m_soundServer.setProcessChannelMode(QProcess::MergedChannels);
        m_soundServer.start(pulseaudio, {QStringLiteral("-n"), QStringLiteral("--daemonize=no"), QStringLiteral("--exit-idle-time=-1"),
                                         QStringLiteral("--use-pid-file=no"), QStringLiteral("--disable-shm=yes"),
                                         QStringLiteral("-L"), QStringLiteral("module-null-sink sink_name=kiosk_test_sink"),
                                         QStringLiteral("-L"), QStringLiteral("module-native-protocol-unix auth-anonymous=1 socket=") + socket});
        if (!m_soundServer.waitForStarted(30000)) {
            m_soundServerProblem = QStringLiteral("pulseaudio did not start: ") + m_soundServer.errorString();
            return;
        }
        QElapsedTimer clock;
        clock.start();
        while (!QFile::exists(socket) && clock.elapsed() < 30000 && m_soundServer.state() == QProcess::Running)
            QTest::qWait(50);
        if (!QFile::exists(socket)) {
            m_soundServerProblem = QStringLiteral("pulseaudio did not open its socket: ") + QString::fromLocal8Bit(m_soundServer.readAll());
            return;
        }
        // Qt Multimedia connects to the sound server once, when first used: only this test's.
        qputenv("PULSE_SERVER", "unix:" + socket.toLocal8Bit());
    }

    QString soundServerStreams()
    {
        QProcess pactl;
        pactl.start(QStringLiteral("pactl"), {QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sink-inputs")});
        pactl.waitForFinished(30000);
        return QString::fromLocal8Bit(pactl.readAllStandardOutput()).trimmed();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(OutboxKey::create(m_state.filePath(QStringLiteral("outbox.key"))).ok());
        startSoundServer();
    }

    void cleanupTestCase()
    {
        if (m_soundServer.state() == QProcess::Running) {
            m_soundServer.terminate();
            if (!m_soundServer.waitForFinished(10000))
                m_soundServer.kill();
        }
    }

    void init()
    {
        startKiosk(demoConfig());
        m_heard.clear();
        auto player = std::make_unique<RecordingPlayer>(&m_heard);
        m_player = player.get();
        m_voice = std::make_unique<VoicePrompts>(m_shell.get(), std::move(player), 0.8);
    }

    void cleanup()
    {
        m_voice.reset();
        m_player = nullptr;
        m_shell.reset();
        m_runtime.reset();
    }

    void everyPromptIsARecordingOfPlausibleLengthInBothLanguagesAndBothPaces_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("language");
        for (const QString &prompt : VoicePrompts::allPrompts()) {
            for (const char *language : {"zh", "en"})
                QTest::newRow(qPrintable(prompt + QLatin1Char('-') + QLatin1String(language))) << prompt << QString::fromLatin1(language);
        }
    }

    void everyPromptIsARecordingOfPlausibleLengthInBothLanguagesAndBothPaces()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, language);
        const WaveInfo normal = readWave(VoicePrompts::recording(prompt, language, false));
        const WaveInfo slow = readWave(VoicePrompts::recording(prompt, language, true));
        QVERIFY2(normal.valid, qPrintable(normal.problem));
        QVERIFY2(slow.valid, qPrintable(slow.problem));
        QCOMPARE(normal.channels, 1);
        QVERIFY2(normal.sampleRate >= 8000, qPrintable(QString::number(normal.sampleRate)));
        // A prompt is a sentence: long enough to be words, short enough not to hold the resident up.
        QVERIFY2(normal.seconds > 0.6 && normal.seconds < 8, qPrintable(QStringLiteral("%1 s").arg(normal.seconds)));
        QVERIFY2(slow.seconds < 11, qPrintable(QStringLiteral("%1 s").arg(slow.seconds)));
        // Elder mode's take is noticeably slower, not the same recording.
        QVERIFY2(slow.seconds > normal.seconds * 1.15, qPrintable(QStringLiteral("%1 s against %2 s").arg(slow.seconds).arg(normal.seconds)));
    }

    void thePromptTableAHallEditsListsExactlyThePromptsTheKioskSpeaks()
    {
        QFile table(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/assets/voice/prompts.tsv"));
        QVERIFY(table.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList ids;
        while (!table.atEnd()) {
            const QString line = QString::fromUtf8(table.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList columns = line.split(QLatin1Char('\t'));
            QCOMPARE(columns.size(), 3);
            QVERIFY2(!columns.at(1).isEmpty() && !columns.at(2).isEmpty(), qPrintable(line));
            // A prompt is a fixed sentence: no placeholder could ever carry a resident's data.
            QVERIFY2(!line.contains(QRegularExpression(QStringLiteral("[%{}<>]|\\d"))), qPrintable(line));
            ids.append(columns.at(0));
        }
        QStringList expected = VoicePrompts::allPrompts();
        expected.sort();
        ids.sort();
        QCOMPARE(ids, expected);
    }

    void everyScreenAndEventTheShellShowsHasAPrompt_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<bool>("silent");
        for (int s = int(SessionState::Attract); s <= int(SessionState::Wipe); ++s) {
            const QString name = sessionStateName(SessionState(s));
            const bool silent = name == QLatin1String("attract") || name == QLatin1String("wipe");
            // The shell shows the choosing step as home, guide or theme (KioskShell::screen()).
            const QString screen = name == QLatin1String("choose") ? QStringLiteral("home") : name;
            QTest::newRow(qPrintable(QStringLiteral("screen ") + screen)) << VoicePrompts::promptForScreen(screen) << silent;
        }
        QTest::newRow("screen guide") << VoicePrompts::promptForScreen(QStringLiteral("guide")) << false;
        QTest::newRow("screen theme") << VoicePrompts::promptForScreen(QStringLiteral("theme")) << false;
        for (const char *problem : {"card_expired", "card_not_yet_valid", "card_unreadable", "read_failed", "no_card", "select_failed",
                                    "code_qr_expired", "code_card_invalid", "code_not_for_item", "code_platform_offline"})
            QTest::newRow(problem) << VoicePrompts::promptForCardProblem(QString::fromLatin1(problem)) << false;
        for (auto kind : {CaseSubmission::Outcome::Kind::Filed, CaseSubmission::Outcome::Kind::Queued, CaseSubmission::Outcome::Kind::Refused,
                          CaseSubmission::Outcome::Kind::NotStored}) {
            const QString name = CaseSubmission::kindName(kind);
            QTest::newRow(qPrintable(QStringLiteral("outcome ") + name)) << VoicePrompts::promptForOutcome(name) << false;
        }
        for (int g = int(FaceObservation::Guidance::NoFace); g <= int(FaceObservation::Guidance::Good); ++g) {
            const QString guidance = FaceObservation::toString(FaceObservation::Guidance(g));
            QTest::newRow(qPrintable(QStringLiteral("face ") + guidance)) << VoicePrompts::promptForFaceGuidance(guidance) << false;
        }
        QTest::newRow("receipt printed") << VoicePrompts::promptForReceipt(QStringLiteral("printed")) << false;
        QTest::newRow("receipt failed") << VoicePrompts::promptForReceipt(QStringLiteral("failed")) << false;
        QTest::newRow("receipt printing") << VoicePrompts::promptForReceipt(QStringLiteral("printing")) << true;
    }

    void everyScreenAndEventTheShellShowsHasAPrompt()
    {
        QFETCH(QString, prompt);
        QFETCH(bool, silent);
        if (silent) {
            QCOMPARE(prompt, QString());
            return;
        }
        QVERIFY(!prompt.isEmpty());
        QVERIFY2(VoicePrompts::allPrompts().contains(prompt), qPrintable(prompt));
        QVERIFY(QFile::exists(VoicePrompts::recording(prompt, QStringLiteral("zh"), false)));
    }

    // A fee item the platform could not take is told what its review screen says (nothing filed,
    // nothing charged, submit again later), not the general "could not be saved, go to a counter".
    void aFeeItemThePlatformCouldNotTakeIsToldNothingWasFiledOrCharged()
    {
        const QString prompt = VoicePrompts::promptForOutcome(QStringLiteral("not_stored"), QStringLiteral("fee_needs_platform"));
        QCOMPARE(prompt, QStringLiteral("fee_needs_platform"));
        QCOMPARE(VoicePrompts::promptForOutcome(QStringLiteral("not_stored"), QString()), QStringLiteral("not_stored"));
        QVERIFY(VoicePrompts::allPrompts().contains(prompt));
        for (const char *language : {"zh", "en"})
            QVERIFY2(readWave(VoicePrompts::recording(prompt, QString::fromLatin1(language), false)).valid, language);
        QFile table(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/assets/voice/prompts.tsv"));
        QVERIFY(table.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList columns;
        while (!table.atEnd() && columns.value(0) != prompt)
            columns = QString::fromUtf8(table.readLine()).trimmed().split(QLatin1Char('\t'));
        QCOMPARE(columns.size(), 3);
        QVERIFY2(columns.at(1).contains(QStringLiteral("没有提交")) && columns.at(1).contains(QStringLiteral("没有扣费"))
                     && columns.at(1).contains(QStringLiteral("稍后再提交")),
                 qPrintable(columns.at(1)));
        QVERIFY2(columns.at(2).contains(QStringLiteral("nothing was filed or charged")) && columns.at(2).contains(QStringLiteral("submit again later")),
                 qPrintable(columns.at(2)));
    }

    // A staff member's check of a resident, or the details an agent typed, are not the card's
    // fault: the resident does not hear "place your card again".
    void aStaffOrAgentProblemIsNotSpokenAsACardProblem()
    {
        for (const char *problem : {"staff_card_invalid", "staff_platform_offline", "staff_attestation_not_offered",
                                    "staff_id_number_check_failed"})
            QCOMPARE(VoicePrompts::promptForCardProblem(QString::fromLatin1(problem)), QStringLiteral("staff_problem"));
        for (const char *problem : {"agent_not_offered", "agent_principal_is_agent", "agent_principal_id_number_wrong_shape"})
            QCOMPARE(VoicePrompts::promptForCardProblem(QString::fromLatin1(problem)), QStringLiteral("agent_problem"));
        for (const QString &prompt : {QStringLiteral("staff_problem"), QStringLiteral("agent_problem"), QStringLiteral("staff_present")}) {
            QVERIFY2(VoicePrompts::allPrompts().contains(prompt), qPrintable(prompt));
            QVERIFY(QFile::exists(VoicePrompts::recording(prompt, QStringLiteral("en"), true)));
        }
    }

    void thePromptFollowsTheScreenTheLanguageAndElderMode()
    {
        QVERIFY(m_heard.isEmpty());
        m_shell->start();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/zh/home.wav"));
        QCOMPARE(m_player->m_volume, 0.8);
        m_shell->toggleLanguage();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/home.wav"));
        m_shell->toggleElderMode();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/home-slow.wav"));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/guide-slow.wav"));
        m_shell->backToHome();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/home-slow.wav"));
        QVERIFY(m_shell->openTheme(QStringLiteral("birth")));
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/theme-slow.wav"));
        m_shell->toggleLanguage();
        m_shell->toggleElderMode();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/zh/theme.wav"));
        for (const QString &heard : std::as_const(m_heard))
            QVERIFY2(heard == QLatin1String("(stop)") || heard.startsWith(QLatin1String(":/voice/")), qPrintable(heard));
    }

    void aRepeatedSignalForTheSameScreenDoesNotRepeatThePrompt()
    {
        m_shell->start();
        const qsizetype heard = m_heard.size();
        emit m_shell->screenChanged();
        emit m_shell->screenChanged();
        QCOMPARE(m_heard.size(), heard);
    }

    void aCardReadTooShortIsExplainedAndAGoodOneConfirmed()
    {
        m_shell->start();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QVERIFY(m_shell->startSelectedItem());
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/zh/identify.wav"));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("fault read_failure")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(lastHeard(), QStringLiteral(":/voice/zh/card_read_failed.wav"), 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("fault none")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(lastHeard(), QStringLiteral(":/voice/zh/identified.wav"), 30000);
        QVERIFY(m_shell->identified());
    }

    void theCountdownIsSpokenAndAWalkAwayEndsInSilence()
    {
        m_shell->start();
        m_runtime->session()->showCountdownNow();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/zh/countdown.wav"));
        QVERIFY(m_runtime->session()->end(SessionEnd::TimedOut));
        QCOMPARE(lastHeard(), QStringLiteral("(stop)"));
    }

    void leavingStopsThePromptAndSaysGoodbyeInTheResidentsLanguage()
    {
        m_shell->start();
        m_shell->toggleLanguage();
        m_shell->toggleElderMode();
        m_shell->endSession();
        QCOMPARE(m_shell->language(), QStringLiteral("zh"));
        QVERIFY(m_heard.size() >= 2);
        QCOMPARE(m_heard.at(m_heard.size() - 2), QStringLiteral("(stop)"));
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/goodbye-slow.wav"));
        // The attract screen that follows speaks to nobody.
        QCOMPARE(m_shell->screen(), KioskShell::Screen::Attract);
        m_player->finishPlaying();
        QCOMPARE(lastHeard(), QStringLiteral(":/voice/en/goodbye-slow.wav"));
    }

    void voiceSwitchedOffInTheConfigurationSpeaksNothing()
    {
        KioskConfig config = demoConfig();
        config.set(QStringLiteral("kiosk/voice"), QStringLiteral("false"));
        const VoicePrompts off(m_shell.get(), config);
        QVERIFY(!off.isActive());
    }

    void aPromptPlaysThroughQtMultimediaToARealAudioOutput()
    {
        // packaging/deps.sh installs PulseAudio: without it this is a machine the kiosk's sound
        // was never checked on, which is a failure, not a pass.
        QVERIFY2(m_soundServerProblem.isEmpty(), qPrintable(QStringLiteral("no audio output to play to: ") + m_soundServerProblem));
        m_voice.reset();
        KioskConfig config = demoConfig();
        config.set(QStringLiteral("kiosk/voice"), QStringLiteral("true"));
        const VoicePrompts voice(m_shell.get(), config);
        QVERIFY2(voice.isActive(), "the test's sound server offers no audio output to Qt Multimedia");
        QCOMPARE(soundServerStreams(), QString());
        m_shell->start();
        // The home prompt reaches the sound server as a stream, and the stream ends with the prompt.
        QTRY_VERIFY_WITH_TIMEOUT(!soundServerStreams().isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(soundServerStreams(), QString(), 60000);
    }
};

QTEST_MAIN(TestVoicePrompts)
#include "test_voiceprompts.moc"
