#include "common/personaldata.h"
#include "spokentext.h"

#include <QTest>

// What reading mode hands the speech engine for a text on screen: codes a digit at a time, masked
// numbers as they are shown, and never a whole ID number.
class TestSpokenText : public QObject
{
    Q_OBJECT

private slots:
    void readsACaseNumberOneDigitAtATime()
    {
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("办件编号 20261207000000000042"), QStringLiteral("zh")),
                 QStringLiteral("办件编号 2 0 2 6 1 2 0 7 0 0 0 0 0 0 0 0 0 0 4 2"));
    }

    void readsAMaskedIdNumberAsShownWithItsHiddenPartSaidOnce()
    {
        const QString masked = PersonalData::maskIdNumber(u"34010419900101123X");
        QCOMPARE(masked, QStringLiteral("3401**********123X"));
        QCOMPARE(SpokenText::forSpeech(masked, QStringLiteral("zh")), QStringLiteral("3 4 0 1, 隐藏, 1 2 3 X"));
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("ID ") + masked, QStringLiteral("en")), QStringLiteral("ID 3 4 0 1, hidden, 1 2 3 X"));
    }

    void neverSpeaksAFullIdNumberEvenWhenAScreenShowedOne()
    {
        const QString spoken = SpokenText::forSpeech(QStringLiteral("证件 340104199001011234 已读取"), QStringLiteral("zh"));
        QVERIFY2(!QString(spoken).remove(QLatin1Char(' ')).contains(QStringLiteral("199001")), qPrintable(spoken));
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("证件 340104199001011234 已读取"), QStringLiteral("zh")),
                 QStringLiteral("证件 3 4 0 1, 隐藏, 1 2 3 4 已读取"));
    }

    void readsATicketNumberLetterByLetter()
    {
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("您的号码 A018"), QStringLiteral("zh")), QStringLiteral("您的号码 A 0 1 8"));
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("Ticket A018, counter 3"), QStringLiteral("en")),
                 QStringLiteral("Ticket A 0 1 8, counter 3"));
    }

    void readsAmountsCountsAndYearsAsNumbers()
    {
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("工本费 20.00 元"), QStringLiteral("zh")), QStringLiteral("工本费 20.00 元"));
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("前面还有 5 人，预计等候 15 分钟"), QStringLiteral("zh")),
                 QStringLiteral("前面还有 5 人，预计等候 15 分钟"));
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("Fee 1234.50"), QStringLiteral("en")), QStringLiteral("Fee 1234.50"));
    }

    void readsAMaskedPhoneAsShown()
    {
        QCOMPARE(SpokenText::forSpeech(PersonalData::maskPhone(u"13912345678"), QStringLiteral("en")),
                 QStringLiteral("1 3 9, hidden, 7 8"));
    }

    void leavesWordsAndEmptyTextAlone()
    {
        QCOMPARE(SpokenText::forSpeech(QString(), QStringLiteral("zh")), QString());
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("请选择您要办理的事项"), QStringLiteral("zh")), QStringLiteral("请选择您要办理的事项"));
        QCOMPARE(SpokenText::forSpeech(QStringLiteral("Tax ID lookup"), QStringLiteral("en")), QStringLiteral("Tax ID lookup"));
    }
};

QTEST_GUILESS_MAIN(TestSpokenText)
#include "test_spokentext.moc"
