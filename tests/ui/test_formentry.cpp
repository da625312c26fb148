#include "refplatformprocess.h"
#include "applicationdraft.h"
#include "common/personaldata.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "runningkiosk.h"
#include "enrolledkiosk.h"
#include "uiprobe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// What a resident types into the form, by taps on the real QML: a value from the card corrected,
// a date, an account number. The platform serves the demo catalogue with one item added whose
// form asks for each of them.
class TestFormEntry : public QObject
{
    Q_OBJECT

private:
    const QString m_version = QStringLiteral("2026-12-06.form");
    const QString m_item = QStringLiteral("340100-000-ZZ-0103-01");
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    // Rows the form rebuilt after a change are laid out by the next frame; a tap before it lands
    // where the row used to be.
    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    QStringList formTexts() const { return UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("formScreen"))); }

    void typeDigits(const QString &digits)
    {
        for (const QChar digit : digits)
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("key_") + digit), qPrintable(QString(digit)));
    }

    static QJsonObject field(const char *id, const char *zh, const char *en, const char *type)
    {
        return {{QStringLiteral("id"), QString::fromUtf8(id)},
                {QStringLiteral("label"), QJsonObject{{QStringLiteral("zh"), QString::fromUtf8(zh)}, {QStringLiteral("en"), QString::fromUtf8(en)}}},
                {QStringLiteral("type"), QString::fromUtf8(type)},
                {QStringLiteral("required"), true}};
    }

    QString servedCatalogue()
    {
        QFile demo(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/assets/catalogue/demo-catalogue.json"));
        if (!demo.open(QIODevice::ReadOnly))
            return {};
        QJsonObject catalogue = QJsonDocument::fromJson(demo.readAll()).object();
        catalogue.insert(QStringLiteral("version"), m_version);
        QJsonArray items = catalogue.value(QLatin1String("items")).toArray();
        QJsonObject item;
        for (const QJsonValue &value : std::as_const(items)) {
            if (value.toObject().value(QLatin1String("code")).toString() == QLatin1String("340100-000-ZZ-0010-01"))
                item = value.toObject();
        }
        item.insert(QStringLiteral("code"), m_item);
        item.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("失业保险金申领")}, {QStringLiteral("en"), QStringLiteral("Unemployment benefit claim")}});
        QJsonArray form = item.value(QLatin1String("form")).toArray();
        QJsonObject address = field("address", "联系地址", "Postal address", "address");
        address.insert(QStringLiteral("prefill"), QStringLiteral("holder.address"));
        form.append(address);
        form.append(field("leave_date", "离职日期", "Date of leaving", "date"));
        form.append(field("bank_account", "收款银行账号", "Bank account for payment", "number"));
        item.insert(QStringLiteral("form"), form);
        items.append(item);
        catalogue.insert(QStringLiteral("items"), items);
        QFile served(m_enrolled->directory()->filePath(QStringLiteral("served-catalogue.json")));
        if (!served.open(QIODevice::WriteOnly))
            return {};
        served.write(QJsonDocument(catalogue).toJson());
        return served.fileName();
    }

    void openTheFormWithCard(const QString &card)
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->catalogue().version(), m_version, 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_item));
        QVERIFY(UiProbe::tapWhenShown(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present ") + card).startsWith(QLatin1String("ok")));
        QVERIFY(UiProbe::tapWhenShown(m_window, QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        waitForFrame();
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        const QString catalogue = servedCatalogue();
        QVERIFY(!catalogue.isEmpty());
        QVERIFY2(m_enrolled->start(QStringLiteral("form-1"), {QStringLiteral("--catalogue"), catalogue}), qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void anAddressFromTheCardIsEditedFromItsRealTextNotItsMask()
    {
        openTheFormWithCard(QStringLiteral("resident"));
        const QString address = SimCards::card(QStringLiteral("resident"))->address;
        QVERIFY2(formTexts().contains(PersonalData::maskAddress(address)), qPrintable(formTexts().join(QLatin1Char('|'))));

        // The resident editing the address sees it whole, and 确定 keeps it whole.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_address")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QTRY_VERIFY2(formTexts().contains(address + QStringLiteral("▏")), qPrintable(formTexts().join(QLatin1Char('|'))));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("address")), address);
        // Unchanged, it is still the card's and still shown masked.
        QTRY_VERIFY(formTexts().contains(PersonalData::maskAddress(address)));
        QVERIFY(!formTexts().join(QString()).contains(address));
    }

    // A card is data the kiosk did not write: a name or address that begins like HTML is drawn as
    // the characters it holds (every text plain, UiProbe checks), and the image it names is never
    // fetched. The card's address aims at port 47811, where the test listens.
    void aCardWhoseTextsCarryMarkupIsDrawnAsTheCharactersItHolds()
    {
        QTcpServer bait;
        QVERIFY2(bait.listen(QHostAddress::LocalHost, 47811), "port 47811 is taken: the hostile card's address aims there");
        openTheFormWithCard(QStringLiteral("hostile_text"));
        const QString address = SimCards::card(QStringLiteral("hostile_text"))->address;
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_address")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QTRY_VERIFY2(formTexts().contains(address + QStringLiteral("▏")), qPrintable(formTexts().join(QLatin1Char('|'))));
        QCOMPARE(UiProbe::textsNotPlain(m_window->contentItem()), QStringList());
        for (int i = 0; i < 20; ++i) {
            (void)m_window->grabWindow();
            QTest::qWait(50);
        }
        QVERIFY2(!bait.hasPendingConnections(), "the form fetched the image named in the card's address");
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_COMPARE(m_runtime->draft()->value(QStringLiteral("address")), address);
    }

    void aDateTypedAsItsHintSaysIsKeptAndReopensTheSame()
    {
        openTheFormWithCard(QStringLiteral("resident"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_leave_date")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        waitForFrame();
        typeDigits(QStringLiteral("202612"));
        QTRY_VERIFY2(formTexts().contains(QStringLiteral("2026-12▏")), qPrintable(formTexts().join(QLatin1Char('|'))));
        typeDigits(QStringLiteral("01"));
        QTRY_VERIFY(formTexts().contains(QStringLiteral("2026-12-01▏")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_COMPARE(m_runtime->draft()->value(QStringLiteral("leave_date")), QStringLiteral("2026-12-01"));
        QCOMPARE(m_runtime->draft()->problem(QStringLiteral("leave_date")), FormValidation::Problem::None);
        waitForFrame();

        // Reopened, the date shows as it was typed, and 确定 leaves it valid.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_leave_date")));
        QTRY_VERIFY(formTexts().contains(QStringLiteral("2026-12-01▏")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("leave_date")), QStringLiteral("2026-12-01"));
        QCOMPARE(m_runtime->draft()->problem(QStringLiteral("leave_date")), FormValidation::Problem::None);
        QVERIFY(formTexts().contains(QStringLiteral("2026-12-01")));
    }

    void aPermitHolderIsToldOfTheirPermitNotOfAnIdCard()
    {
        openTheFormWithCard(QStringLiteral("hk_mo_tw_permit"));
        QStringList shown = formTexts();
        QVERIFY2(shown.contains(QStringLiteral("来自居住证")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(QStringLiteral("证件号码 *")));
        QVERIFY(shown.contains(QStringLiteral("来自居住证的信息已自动填好，只需填写其余带 * 的项目。")));
        QVERIFY(!shown.contains(QStringLiteral("来自身份证")));
        QVERIFY(!shown.contains(QStringLiteral("公民身份号码 *")));
        UiProbe::screenshot(m_window, QStringLiteral("form-permit-zh"));

        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QTRY_VERIFY2(formTexts().contains(QStringLiteral("From your residence permit")), qPrintable(formTexts().join(QLatin1Char('|'))));
        shown = formTexts();
        QVERIFY(shown.contains(QStringLiteral("Permit number *")));
        QVERIFY(!shown.contains(QStringLiteral("From your ID card")));
        QVERIFY(!shown.contains(QStringLiteral("Citizen ID number *")));
    }

    void aBankAccountIsMaskedOnEveryScreenOnceTyped()
    {
        const QString account = QStringLiteral("6222021234567890");
        openTheFormWithCard(QStringLiteral("resident"));
        const QList<QPair<QString, QString>> entries{{QStringLiteral("phone"), QStringLiteral("13955123456")},
                                                     {QStringLiteral("leave_date"), QStringLiteral("20261201")},
                                                     {QStringLiteral("bank_account"), account}};
        for (const auto &[fieldId, digits] : entries) {
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_") + fieldId));
            QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
            waitForFrame();
            typeDigits(digits);
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
            QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("numericKeypad")));
            waitForFrame();
        }
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("bank_account")), account);
        QTRY_VERIFY2(formTexts().contains(PersonalData::maskAccountNumber(account)), qPrintable(formTexts().join(QLatin1Char('|'))));
        QVERIFY(!formTexts().join(QString()).contains(account));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        const QStringList reviewed = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY2(reviewed.contains(PersonalData::maskAccountNumber(account)), qPrintable(reviewed.join(QLatin1Char('|'))));
        QVERIFY(!reviewed.join(QString()).contains(account));
    }
};

QTEST_MAIN(TestFormEntry)
#include "test_formentry.moc"
