#include "speechsynthesis.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The speech of reading mode is really made by espeak-ng, in the voice of the resident's language
// and slower in elder mode, one utterance at a time, and its files do not outlive it.
class TestSpeechSynthesis : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

    // The PCM bytes of a RIFF WAVE file, or nothing when it is not one.
    static QByteArray soundOf(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = file.readAll();
        if (!bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE")
            return {};
        const qsizetype data = bytes.indexOf("data");
        return data < 0 ? QByteArray() : bytes.mid(data + 8);
    }

    static QStringList speechFiles(const QString &dir)
    {
        return QDir(dir).entryList({QStringLiteral("kiosk-speech-*")}, QDir::Files);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    }

    void makesAudibleMandarinAndEnglishSpeech_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("voice");
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("办件编号 2 0 2 6") << QStringLiteral("cmn-latn-pinyin");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Case number 2 0 2 6") << QStringLiteral("en");
    }

    void makesAudibleMandarinAndEnglishSpeech()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QString, voice);
        SpeechSynthesis speech;
        QSignalSpy requested(&speech, &SpeechSynthesis::requested);
        QSignalSpy ready(&speech, &SpeechSynthesis::ready);
        QSignalSpy failed(&speech, &SpeechSynthesis::failed);
        speech.say(text, language, false);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), text);
        QCOMPARE(requested.first().at(1).toString(), voice);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 1, 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const QString path = ready.first().first().toString();
        QVERIFY2(path.startsWith(m_runtime.path()), qPrintable(path));
        // 22 050 samples a second of 16-bit mono: half a second of speech is at least 22 000 bytes.
        const QByteArray sound = soundOf(path);
        QVERIFY2(sound.size() > 22000, qPrintable(QString::number(sound.size())));
        QVERIFY(sound.count('\0') < sound.size() * 9 / 10);
        speech.stop();
        QVERIFY(!QFile::exists(path));
    }

    void speaksSlowerInElderMode()
    {
        QVERIFY(SpeechSynthesis::wordsPerMinute(true) < SpeechSynthesis::wordsPerMinute(false));
        qsizetype bytes[2] = {0, 0};
        for (const bool slow : {false, true}) {
            SpeechSynthesis speech;
            QSignalSpy ready(&speech, &SpeechSynthesis::ready);
            speech.say(QStringLiteral("请将身份证放在感应区"), QStringLiteral("zh"), slow);
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
            bytes[slow ? 1 : 0] = soundOf(ready.first().first().toString()).size();
        }
        QVERIFY2(bytes[1] > bytes[0] * 11 / 10, qPrintable(QStringLiteral("%1 vs %2").arg(bytes[1]).arg(bytes[0])));
    }

    void aNewUtteranceCutsOffTheOneBeingMadeAndLeavesOneFile()
    {
        SpeechSynthesis speech;
        QSignalSpy ready(&speech, &SpeechSynthesis::ready);
        speech.say(QStringLiteral("The first sentence, which is long enough to take a moment to make into speech."),
                   QStringLiteral("en"), true);
        speech.say(QStringLiteral("The second."), QStringLiteral("en"), false);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
        QTest::qWait(300);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(speechFiles(m_runtime.path()).size(), 1);
        speech.stop();
        QCOMPARE(speechFiles(m_runtime.path()).size(), 0);
    }

    void nothingIsLeftWhenItGoesAway()
    {
        {
            SpeechSynthesis speech;
            QSignalSpy ready(&speech, &SpeechSynthesis::ready);
            speech.say(QStringLiteral("再见"), QStringLiteral("zh"), false);
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
            QCOMPARE(speechFiles(m_runtime.path()).size(), 1);
        }
        QCOMPARE(speechFiles(m_runtime.path()).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSpeechSynthesis)
#include "test_speechsynthesis.moc"
