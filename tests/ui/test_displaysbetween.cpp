#include "residentwalktest.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Between the five displays the kiosk is sold with (a 4:3 panel, a 3:2 one, a portrait one
// narrower than 9:16): the screens a resident sees first and fills in (home, a guide, the form
// with its keypad), in Chinese and in English with elder mode (the longest words at the largest
// type), are checked as the accessibility walk checks them (ScreenChecks).
class TestDisplaysBetween : public ResidentWalkTest
{
    Q_OBJECT

public:
    TestDisplaysBetween()
        : ResidentWalkTest(QSize(1080, 1920), "accessibility")
    {
    }

private slots:
    void aDisplayBetweenTheFiveCutsNothing_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("variant");
        for (const QSize size : {QSize(1600, 1200), QSize(900, 1600), QSize(1024, 768)}) {
            const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
            QTest::newRow(qPrintable(name + QStringLiteral(" zh"))) << size << QStringLiteral("zh");
            QTest::newRow(qPrintable(name + QStringLiteral(" elder-en"))) << size << QStringLiteral("elder-en");
        }
    }

    void aDisplayBetweenTheFiveCutsNothing()
    {
        QFETCH(QSize, size);
        QFETCH(QString, variant);
        walk().resize(size);
        walk().setVariant(variant);
        walk().firstScreensAndTheForm();
        if (QTest::currentTestFailed())
            return;
        const ScreenChecks &checks = walk().checks();
        QVERIFY(checks.textsChecked() > 40);
        QVERIFY(checks.targetsChecked() > 20);
        verifyNoFindings();
    }
};

QTEST_MAIN(TestDisplaysBetween)
#include "test_displaysbetween.moc"
