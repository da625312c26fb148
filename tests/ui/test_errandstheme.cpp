#include "errandskiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// 一件事一次办 through the real QML: one identity check, one form, one capture and one receipt for
// a theme's items, one case each at the reference platform, and nothing of the resident left after.
class TestErrandsTheme : public ErrandsKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aThemeFilesOneCaseForEachItemFromOneFormAndOneReceipt()
    {
        // 退休一件事: retirement (face check), medical insurance and provident fund (a bank card).
        const QString theme = QStringLiteral("retirement");
        const QStringList items = {QStringLiteral("340100-000-ZZ-0009-01"), QStringLiteral("340100-000-ZZ-0010-01"),
                                   QStringLiteral("340100-000-ZZ-0011-01")};
        const QString phone = QStringLiteral("13955123456");
        const QString account = QStringLiteral("6222021234567890123");
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openTheme(theme));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("themeScreen")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedThemeUnavailable(), QString(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startThemeButton")));
        presentCard();

        // One identity check for the three: the face, since one of them needs it.
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("consentPanel")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("formScreen")), 60000);

        // One form: the fields the three items share appear once.
        const QVariantList fields = m_kiosk->form()->fields();
        QStringList ids;
        for (const QVariant &field : fields)
            ids.append(field.toMap().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.count(QStringLiteral("phone")), 1);
        QVERIFY2(ids.contains(QStringLiteral("bank_account")) && ids.contains(QStringLiteral("address")), qPrintable(ids.join(QLatin1Char(','))));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), phone));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("bank_account"), account));
        QTRY_VERIFY(m_kiosk->form()->complete());
        UiProbe::screenshot(m_window, QStringLiteral("theme-form-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 90000);

        // One case per item at the platform, each marked with the theme; the bank card only
        // with the item that asks for it.
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 3);
        QStringList filedItems;
        QStringList caseNumbers;
        for (const QJsonValue &value : cases) {
            const QJsonObject c = value.toObject();
            filedItems.append(c.value(QLatin1String("item_code")).toString());
            caseNumbers.append(c.value(QLatin1String("case_no")).toString());
            QCOMPARE(c.value(QLatin1String("theme")).toString(), theme);
            QCOMPARE(c.value(QLatin1String("materials")).toInt(), c.value(QLatin1String("item_code")).toString() == items.at(2) ? 1 : 0);
        }
        QCOMPARE(filedItems, items);
        QCOMPARE(table(QStringLiteral("verifications")).size(), 1);
        const QVariantList bundled = m_shell->bundledOutcomes();
        QCOMPARE(bundled.size(), 3);
        for (const QVariant &entry : bundled)
            QCOMPARE(KioskShell::Outcome(entry.toMap().value(QStringLiteral("outcome")).toInt()), KioskShell::Outcome::Filed);
        UiProbe::screenshot(m_window, QStringLiteral("theme-result-zh"));

        // One receipt with the three case numbers.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QCOMPARE(spooledTexts(QStringLiteral("receipt_printer")).size(), 1);
        const QString receipt = spooledTexts(QStringLiteral("receipt_printer")).first();
        for (const QString &number : caseNumbers)
            QVERIFY2(receipt.contains(number), qPrintable(receipt));
        // pdftotext gives some CJK characters as their Kangxi radical forms: compare normalised.
        QVERIFY2(receipt.normalized(QString::NormalizationForm_KC).contains(QStringLiteral("退休一件事")), qPrintable(receipt));

        // One rating, recorded against each case.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(4, {}));
        QTRY_COMPARE_WITH_TIMEOUT(table(QStringLiteral("evaluations")).size(), 3, 30000);
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->journey()->themeOutcomes().isEmpty());
        QVERIFY(!m_runtime->draft()->isActive());
        verifyNothingOfTheResidentIsStored();
        const QString everything = [&] {
            QString all;
            QDirIterator files(stateDir(), QDir::Files, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                if (!file.fileName().contains(QLatin1String("/sim/printer-")) && file.open(QIODevice::ReadOnly))
                    all += QString::fromLatin1(file.readAll());
            }
            return all;
        }();
        QVERIFY(!everything.contains(account));
        QVERIFY(!everything.contains(phone));
    }
};

QTEST_MAIN(TestErrandsTheme)
#include "test_errandstheme.moc"
