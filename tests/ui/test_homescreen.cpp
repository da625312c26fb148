#include "kioskruntime.h"
#include "kioskshell.h"
#include "common/personaldata.h"
#include "idcard/sim/simcards.h"
#include "kioskwindow.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

using namespace std::chrono_literals;

// The real Main.qml under the offscreen platform, driven by taps, as a resident would use it.
class TestHomeScreen : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state;
    std::unique_ptr<RunningKiosk> m_kiosk;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    QStringList screenTexts(const char *screen)
    {
        return UiProbe::visibleTexts(UiProbe::find(m_window, QString::fromLatin1(screen)));
    }

    QStringList itemNames(Audience audience, const QString &language) const
    {
        QStringList names;
        for (const CatalogueItem &item : m_runtime->catalogue().items()) {
            if (item.audience == audience)
                names.append(item.name.in(language));
        }
        return names;
    }

    QStringList themeNames(const QString &language) const
    {
        QStringList names;
        for (const CatalogueTheme &theme : m_runtime->catalogue().themes())
            names.append(theme.name.in(language));
        return names;
    }

    static QStringList missingFrom(const QStringList &shown, const QStringList &expected)
    {
        QStringList missing;
        for (const QString &e : expected) {
            if (!shown.contains(e))
                missing.append(e);
        }
        return missing;
    }

    // Builds the kiosk on the real QML with the demo configuration, changed by `overrides`.
    void startKiosk(const QHash<QString, QString> &overrides = {})
    {
        QHash<QString, QString> settings{{QStringLiteral("kiosk/mode"), QStringLiteral("demo")}}; // the demo panel is the demo's
        settings.insert(overrides);
        QString error;
        const std::optional<KioskConfig> config = RunningKiosk::configIn(m_state.path(), settings, &error);
        QVERIFY2(config, qPrintable(error));
        m_kiosk = RunningKiosk::start(*config, &error);
        QVERIFY2(m_kiosk, qPrintable(error));
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
    }

private slots:
    void init()
    {
        startKiosk();
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_kiosk.reset();
    }

    void attractScreenShowsTheHallAndStartsOnATouch()
    {
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        const QStringList texts = screenTexts("attractScreen");
        QVERIFY2(texts.contains(m_runtime->config().string(QStringLiteral("kiosk/hall_name"))), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("轻触屏幕 开始办理")));
        UiProbe::screenshot(m_window, QStringLiteral("attract-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QCOMPARE(m_runtime->session()->state(), SessionState::ChooseService);
    }

    void homeScreenListsTheCatalogueInChineseThenInEnglish()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));

        QStringList shown = screenTexts("homeScreen");
        QCOMPARE(missingFrom(shown, themeNames(QStringLiteral("zh"))), QStringList());
        QCOMPARE(missingFrom(shown, itemNames(Audience::Person, QStringLiteral("zh"))), QStringList());
        QCOMPARE(missingFrom(shown, itemNames(Audience::Business, QStringLiteral("zh"))), itemNames(Audience::Business, QStringLiteral("zh")));
        QVERIFY(shown.contains(QStringLiteral("请选择您要办理的事项")));
        UiProbe::screenshot(m_window, QStringLiteral("home-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("audienceBusiness")));
        QTRY_COMPARE(missingFrom(screenTexts("homeScreen"), itemNames(Audience::Business, QStringLiteral("zh"))), QStringList());
        shown = screenTexts("homeScreen");
        QCOMPARE(missingFrom(shown, itemNames(Audience::Person, QStringLiteral("zh"))), itemNames(Audience::Person, QStringLiteral("zh")));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_VERIFY(screenTexts("homeScreen").contains(QStringLiteral("What would you like to do?")));
        shown = screenTexts("homeScreen");
        QCOMPARE(missingFrom(shown, themeNames(QStringLiteral("en"))), QStringList());
        QCOMPARE(missingFrom(shown, itemNames(Audience::Business, QStringLiteral("en"))), QStringList());
        QVERIFY(shown.contains(QStringLiteral("For businesses")));
        QVERIFY(!shown.contains(QStringLiteral("请选择您要办理的事项")));
        UiProbe::screenshot(m_window, QStringLiteral("home-business-en"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("audiencePerson")));
        QTRY_COMPARE(missingFrom(screenTexts("homeScreen"), itemNames(Audience::Person, QStringLiteral("en"))), QStringList());
        UiProbe::screenshot(m_window, QStringLiteral("home-en"));
    }

    // A county hall offers thousands of services: the home screen builds a page of cards, not one
    // for each, and shows the rest a page at a time.
    void aLargeCatalogueShowsAPageOfServicesAndMoreOnRequest()
    {
        QFile demo(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(demo.readAll()).object();
        QJsonArray items = root.value(QStringLiteral("items")).toArray();
        QJsonObject person;
        for (const QJsonValue &item : std::as_const(items)) {
            if (item.toObject().value(QStringLiteral("audience")).toString() == QLatin1String("person"))
                person = item.toObject();
        }
        int persons = 0;
        for (const QJsonValue &item : std::as_const(items))
            persons += item.toObject().value(QStringLiteral("audience")).toString() == QLatin1String("person");
        for (int i = 0; persons < 60; ++i, ++persons) {
            QJsonObject copy = person;
            QStringList code = copy.value(QStringLiteral("code")).toString().split(QLatin1Char('-'));
            code[3] = QStringLiteral("%1").arg(7000 + i);
            copy.insert(QStringLiteral("code"), code.join(QLatin1Char('-')));
            items.append(copy);
        }
        root.insert(QStringLiteral("items"), items);
        const QString path = m_state.filePath(QStringLiteral("large-catalogue.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(root).toJson());
        file.close();
        m_window = nullptr;
        m_kiosk.reset();
        startKiosk({{QStringLiteral("kiosk/catalogue_file"), path}});

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const auto cards = [this] {
            int n = 0;
            QList<QQuickItem *> unvisited{UiProbe::find(m_window, QStringLiteral("homeScreen"))};
            while (!unvisited.isEmpty()) {
                QQuickItem *item = unvisited.takeLast();
                if (!item)
                    continue;
                n += item->objectName().startsWith(QLatin1String("itemCard_")) && item->isVisible();
                unvisited.append(item->childItems());
            }
            return n;
        };
        QCOMPARE(cards(), 24);
        QVERIFY(screenTexts("homeScreen").contains(QStringLiteral("显示更多事项（还有 36 项）")));
        QVERIFY(UiProbe::scrollIntoView(m_window, QStringLiteral("moreItemsButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("moreItemsButton")));
        QTRY_COMPARE(cards(), 48);
        QVERIFY(UiProbe::scrollIntoView(m_window, QStringLiteral("moreItemsButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("moreItemsButton")));
        QTRY_COMPARE(cards(), 60);
        QTRY_VERIFY(!screenTexts("homeScreen").join(QLatin1Char('\n')).contains(QStringLiteral("显示更多事项")));
    }

    void eachOfTheAttractScreensOffersOpensWhatItNames()
    {
        const auto itemsOfKind = [this](ItemKind kind) {
            QStringList names;
            for (const CatalogueItem &item : m_runtime->catalogue().items()) {
                if (item.kind == kind && item.audience == Audience::Person)
                    names.append(item.name.zh);
            }
            return names;
        };
        // 证明打印: home with the certificates to print, and no application among them.
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("offerPrint")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("offerPrint")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("kindNotice")));
        QStringList shown = screenTexts("homeScreen");
        QVERIFY(!itemsOfKind(ItemKind::Print).isEmpty());
        QCOMPARE(missingFrom(shown, itemsOfKind(ItemKind::Print)), QStringList());
        QCOMPARE(missingFrom(shown, itemsOfKind(ItemKind::Apply)), itemsOfKind(ItemKind::Apply));
        QVERIFY(shown.contains(QStringLiteral("正在显示：证明打印")));
        UiProbe::screenshot(m_window, QStringLiteral("home-print-offer-zh"));
        // Everything again at a tap.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("allKindsButton")));
        QTRY_COMPARE(missingFrom(screenTexts("homeScreen"), itemsOfKind(ItemKind::Apply)), QStringList());
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        // 业务申请: home with the applications, and no certificate among them.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("offerApply")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_COMPARE(missingFrom(screenTexts("homeScreen"), itemsOfKind(ItemKind::Apply)), QStringList());
        QCOMPARE(missingFrom(screenTexts("homeScreen"), itemsOfKind(ItemKind::Print)), itemsOfKind(ItemKind::Print));
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        // The next resident sees every kind again.
        m_shell->start();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_COMPARE(missingFrom(screenTexts("homeScreen"), itemsOfKind(ItemKind::Print)), QStringList());
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("kindNotice")));
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        // 办件查询 and 电子证照: the errands themselves, which ask who the resident is.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("offerProgress")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QCOMPARE(m_shell->errand(), ResidentChoice::Errand::Progress);
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("offerLicences")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QCOMPARE(m_shell->errand(), ResidentChoice::Errand::Licences);
    }

    void theHelpPanelSaysWhereStaffAreInTheResidentsLanguage()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("helpButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("helpPanel")));
        const KioskConfig &config = m_runtime->config();
        QTRY_VERIFY(screenTexts("helpPanel").contains(config.string(QStringLiteral("kiosk/staff_help"))));
        m_shell->toggleLanguage();
        QTRY_VERIFY(screenTexts("helpPanel").contains(config.string(QStringLiteral("kiosk/staff_help_en"))));
        QVERIFY(!screenTexts("helpPanel").contains(config.string(QStringLiteral("kiosk/staff_help"))));
    }

    void anItemOpensItsGuideAndBackReturnsHome()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        const QString code = QStringLiteral("340100-000-ZZ-0001-01");
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("itemCard_") + code));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("itemCard_") + code));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("guideScreen")));
        const QStringList texts = screenTexts("guideScreen");
        const CatalogueItem *item = m_runtime->catalogue().item(code);
        QVERIFY(texts.contains(item->name.zh));
        QVERIFY(texts.contains(item->guide.zh));
        UiProbe::screenshot(m_window, QStringLiteral("guide-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("backButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
    }

    void aThemeListsItsItems()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("themeCard_birth")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("themeCard_birth")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("themeScreen")));
        const QStringList texts = screenTexts("themeScreen");
        for (const QString &code : m_runtime->catalogue().theme(QStringLiteral("birth"))->itemCodes)
            QVERIFY(texts.contains(m_runtime->catalogue().item(code)->name.zh));
    }

    void exitEndsTheSessionAndTheNextResidentStartsInChinese()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("languageButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_COMPARE(m_shell->language(), QStringLiteral("en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QCOMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(m_shell->language(), QStringLiteral("zh"));
        QVERIFY(screenTexts("attractScreen").contains(QStringLiteral("轻触屏幕 开始办理")));
    }

    void theCountdownAppearsBeforeTheWipeAndATouchKeepsTheSession()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        m_runtime->session()->showCountdownNow();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("idleCountdown")));
        const QStringList texts = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("idleCountdown")));
        QVERIFY(texts.contains(QStringLiteral("您还在办理吗？")));
        UiProbe::screenshot(m_window, QStringLiteral("countdown-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("idleCountdown")));
        QCOMPARE(m_runtime->session()->state(), SessionState::ChooseService);
        QVERIFY(m_runtime->session()->secondsLeft() > 30);
    }

    void everyButtonIsLargeEnoughForAFinger()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const double scale = m_window->width() / 1080.0;
        for (const char *name : {"languageButton", "helpButton", "exitButton", "audiencePerson", "audienceBusiness"}) {
            QQuickItem *button = UiProbe::find(m_window, QString::fromLatin1(name));
            QVERIFY2(button, name);
            QVERIFY2(button->height() * scale >= 60 && button->width() * scale >= 60, name);
        }
    }

    void aCardOnTheSimulatedReaderIdentifiesTheResidentShowingOnlyMaskedData()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        // The item sits below the fold; opening it by tap is covered by anItemOpensItsGuide….
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QCOMPARE(m_runtime->session()->state(), SessionState::Identify);
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        UiProbe::screenshot(m_window, QStringLiteral("identify-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("demoToggle")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("demoCard_resident")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("demoCard_resident")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("identifiedCard")), 20000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("demoToggle")));

        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        const QStringList texts = screenTexts("identifyScreen");
        QVERIFY2(texts.contains(PersonalData::maskName(card.name)), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(PersonalData::maskIdNumber(card.idNumber)));
        for (const QString &text : texts) {
            QVERIFY2(!text.contains(card.name) && !text.contains(card.idNumber) && !text.contains(card.address), qPrintable(text));
        }
        UiProbe::screenshot(m_window, QStringLiteral("identified-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!m_runtime->identity()->isIdentified());
        QVERIFY(m_shell->maskedName().isEmpty());
    }

    void aFailedReadTellsTheResidentWhatToDo()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("fault read_failure")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("cardProblem")), 20000);
        const QStringList texts = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        QVERIFY2(texts.join(QString()).contains(QStringLiteral("不要移开")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(!m_runtime->identity()->isIdentified());
        UiProbe::screenshot(m_window, QStringLiteral("identify-read-failed-zh"));
    }

    void elderModeEnlargesTextAndTargetsAndEndsWithTheSession()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("itemName")));
        const auto pixelSize = [this](const char *name) {
            return UiProbe::find(m_window, QString::fromLatin1(name))->property("font").value<QFont>().pixelSize();
        };
        const int standardText = pixelSize("itemName");
        const qreal standardButton = UiProbe::find(m_window, QStringLiteral("exitButton"))->height();

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        QTRY_VERIFY(pixelSize("itemName") >= standardText * 1.25);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("exitButton"))->height() >= standardButton * 1.25);
        UiProbe::screenshot(m_window, QStringLiteral("home-elder-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!m_shell->elderMode());
    }

    void aReceiptPrinterOutOfOrderIsSaidBeforeTheResidentStarts()
    {
        cleanup();
        // Nothing listens on port 9 of loopback: the printer reports it cannot be reached.
        startKiosk({{QStringLiteral("devices/receipt_printer"), QStringLiteral("ipp://127.0.0.1:9/ipp/print")}});
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("printerNotice")), 30000);
        QVERIFY(!m_shell->receiptPrinterUsable());
        QVERIFY(UiProbe::find(m_window, QStringLiteral("startButton"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("guide-printer-out-zh"));
    }

    void theDemoPanelShowsTheCamerasLive()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("facePreview")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("demoToggle")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("facePreview")));
        QQuickItem *face = UiProbe::find(m_window, QStringLiteral("facePreview"));
        QQuickItem *document = UiProbe::find(m_window, QStringLiteral("documentPreview"));
        QTRY_VERIFY_WITH_TIMEOUT(face->property("framesPainted").toInt() >= 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(document->property("framesPainted").toInt() >= 3, 30000);
        QVERIFY(face->property("live").toBool());
        // The issue asks for frames shown live at 15 a second or more: frames the scene graph
        // really painted, counted over five seconds of wall time so that one slow frame on a busy
        // machine does not decide it.
        QElapsedTimer clock;
        const int faceBefore = face->property("framesPainted").toInt();
        const int documentBefore = document->property("framesPainted").toInt();
        clock.start();
        QTest::qWait(5000);
        const double seconds = clock.elapsed() / 1000.0;
        const double faceRate = (face->property("framesPainted").toInt() - faceBefore) / seconds;
        const double documentRate = (document->property("framesPainted").toInt() - documentBefore) / seconds;
        qInfo("camera previews: face %.1f, document %.1f frames/s painted over %.1f s", faceRate, documentRate, seconds);
        QVERIFY2(faceRate >= 15, qPrintable(QStringLiteral("the face camera's preview painted %1 frames/s").arg(faceRate)));
        QVERIFY2(documentRate >= 15, qPrintable(QStringLiteral("the document camera's preview painted %1 frames/s").arg(documentRate)));
        UiProbe::screenshot(m_window, QStringLiteral("demo-panel-cameras"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("demoToggle")));
        QTRY_VERIFY(!face->property("live").toBool());
    }

    void theScreenshotIsNotBlank()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const QImage image = m_window->grabWindow();
        QCOMPARE(image.size(), QSize(1080, 1920));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 50, "the home screen rendered as a flat picture");
    }
};

QTEST_MAIN(TestHomeScreen)
#include "test_homescreen.moc"
