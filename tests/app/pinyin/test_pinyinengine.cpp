#include "pinyinengine.h"

#include <QTest>

// Typing Chinese through the real googlepinyin dictionary, as a resident at the keyboard does.
class TestPinyinEngine : public QObject
{
    Q_OBJECT

private:
    static void type(PinyinEngine &engine, const QString &letters)
    {
        for (const QChar letter : letters)
            QVERIFY2(engine.typeLetter(letter), qPrintable(letters));
    }

    static int indexOf(const PinyinEngine &engine, const QString &word)
    {
        return static_cast<int>(engine.candidates(0, engine.candidateCount()).indexOf(word));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(PinyinEngine::isAvailable(&error), qPrintable(error));
    }

    void typedPinyinOffersTheCommonWordsFirst_data()
    {
        QTest::addColumn<QString>("letters");
        QTest::addColumn<QString>("word");
        QTest::newRow("zhang") << QStringLiteral("zhang") << QStringLiteral("张");
        QTest::newRow("beijing") << QStringLiteral("beijing") << QStringLiteral("北京");
        QTest::newRow("shenfenzheng") << QStringLiteral("shenfenzheng") << QStringLiteral("身份证");
        QTest::newRow("initials sfz") << QStringLiteral("sfz") << QStringLiteral("身份证");
        QTest::newRow("xi'an needs no apostrophe") << QStringLiteral("xian") << QStringLiteral("先");
    }

    void typedPinyinOffersTheCommonWordsFirst()
    {
        QFETCH(QString, letters);
        QFETCH(QString, word);
        PinyinEngine engine;
        type(engine, letters);
        QCOMPARE(engine.composition(), letters);
        // The word a resident expects is on the first page of six.
        const QStringList firstPage = engine.candidates(0, 6);
        QVERIFY2(firstPage.contains(word), qPrintable(firstPage.join(QLatin1Char(' '))));
    }

    void choosingTheWholeWordFinishesIt()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("beijing"));
        const int beijing = indexOf(engine, QStringLiteral("北京"));
        QVERIFY(beijing >= 0);
        QCOMPARE(engine.choose(beijing), QStringLiteral("北京"));
        QVERIFY(!engine.isComposing());
        QCOMPARE(engine.candidateCount(), 0);
        QCOMPARE(engine.composition(), QString());
    }

    void choosingPartOfTheSpellingLeavesTheRestToChoose()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("zhangsan"));
        const int zhang = indexOf(engine, QStringLiteral("张"));
        QVERIFY(zhang > 0);
        QCOMPARE(engine.choose(zhang), QString());
        QCOMPARE(engine.composition(), QStringLiteral("张san"));
        const int san = indexOf(engine, QStringLiteral("三"));
        QVERIFY2(san >= 0, qPrintable(engine.candidates(0, 10).join(QLatin1Char(' '))));
        QCOMPARE(engine.choose(san), QStringLiteral("张三"));
    }

    void backspaceTakesBackLettersThenHandsOver()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("zhangs"));
        QVERIFY(engine.backspace());
        QCOMPARE(engine.composition(), QStringLiteral("zhang"));
        QCOMPARE(engine.candidates(0, 1), QStringList{QStringLiteral("张")});
        for (int i = 0; i < 5; ++i)
            QVERIFY(engine.backspace());
        QVERIFY(!engine.isComposing());
        QCOMPARE(engine.candidateCount(), 0);
        // Nothing left to take back: the keyboard deletes from the field instead.
        QVERIFY(!engine.backspace());
    }

    void backspaceIntoAChosenCharacterChoosesAgain()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("zhangsan"));
        QCOMPARE(engine.choose(indexOf(engine, QStringLiteral("张"))), QString());
        QVERIFY(engine.backspace());
        QCOMPARE(engine.composition(), QStringLiteral("张sa"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(engine.backspace());
        QCOMPARE(engine.composition(), QStringLiteral("zhan"));
    }

    void refusesWhatIsNotALetter_data()
    {
        QTest::addColumn<QChar>("key");
        QTest::newRow("digit") << QChar(u'1');
        QTest::newRow("space") << QChar(u' ');
        QTest::newRow("hanzi") << QChar(u'张');
    }

    void refusesWhatIsNotALetter()
    {
        QFETCH(QChar, key);
        PinyinEngine engine;
        QVERIFY(!engine.typeLetter(key));
        QVERIFY(!engine.isComposing());
    }

    void twoKeyboardsTypeWithoutDisturbingEachOther()
    {
        PinyinEngine first;
        PinyinEngine second;
        type(first, QStringLiteral("zhangsan"));
        QCOMPARE(first.choose(indexOf(first, QStringLiteral("张"))), QString());
        type(second, QStringLiteral("beijing"));
        QCOMPARE(first.composition(), QStringLiteral("张san"));
        const int san = indexOf(first, QStringLiteral("三"));
        QVERIFY(san >= 0);
        QCOMPARE(first.choose(san), QStringLiteral("张三"));
        QCOMPARE(second.candidates(0, 1), QStringList{QStringLiteral("北京")});
    }

    void whatOneResidentChoseIsNotLearnedForTheNext()
    {
        // An odd choice, character by character: a learning decoder would offer it second next time.
        QString odd;
        {
            PinyinEngine resident;
            type(resident, QStringLiteral("yigeren"));
            const QStringList before = resident.candidates(0, 3);
            QString finished;
            while (finished.isEmpty()) {
                const int pick = std::min(3, resident.candidateCount() - 1);
                finished = resident.choose(pick);
            }
            odd = finished;
            QVERIFY2(!before.contains(odd), qPrintable(odd));
            resident.clear();
        }
        PinyinEngine next;
        type(next, QStringLiteral("yigeren"));
        QVERIFY2(!next.candidates(0, 50).contains(odd), qPrintable(odd));
    }

    void clearForgetsTheWordBeingTyped()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("zhang"));
        engine.clear();
        QVERIFY(!engine.isComposing());
        QCOMPARE(engine.composition(), QString());
        QCOMPARE(engine.candidates(0, 6), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestPinyinEngine)
#include "test_pinyinengine.moc"
