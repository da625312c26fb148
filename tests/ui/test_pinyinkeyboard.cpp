#include "refplatformprocess.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "applicationdesk.h"
#include "kioskshell.h"
#include "runningkiosk.h"
#include "enrolledkiosk.h"
#include "uiprobe.h"
#include "cataloguesearchmodel.h"
#include "catalogueitemroles.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The kiosk's own keyboard driven by taps on the real QML: searching the home screen by pinyin
// initials and paging through what it found, and typing a name in pinyin into a form that the
// reference platform then files. The platform serves the demo catalogue with two 身份证 items
// added, one of which asks for a typed name, and 45 居住证明 ones, more than a page of results.
class TestPinyinKeyboard : public QObject
{
    Q_OBJECT

private:
    const QString m_version = QStringLiteral("2026-11-24.keyboard");
    const QString m_reissue = QStringLiteral("340100-000-ZZ-0101-01"); // 居民身份证补领: a typed contact name
    const QString m_progress = QStringLiteral("340100-000-ZZ-0102-01"); // 居民身份证办理进度查询
    const int m_residenceCount = 45; // 居住证明查询, jzzm: two pages of results and five more
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    bool tapWhenShown(const QString &name, int timeoutMs = 20000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    // Rows the form rebuilt after a change are laid out by the next frame; a tap before it lands
    // where the row used to be.
    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    void typeKeys(const QString &keys)
    {
        for (const QChar key : keys)
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("kbd_") + key), qPrintable(QString(key)));
    }

    QStringList textsOf(const char *objectName) const
    {
        return UiProbe::visibleTexts(UiProbe::find(m_window, QString::fromLatin1(objectName)));
    }

    // The candidate bar's key that shows `word`, or an empty name.
    QString candidateShowing(const QString &word) const
    {
        for (int i = 0; i < 8; ++i) {
            const QString name = QStringLiteral("candidate_%1").arg(i);
            const QQuickItem *key = UiProbe::find(m_window, name);
            if (key && key->property("label").toString() == word)
                return name;
        }
        return {};
    }

    static QString residenceCode(int i) { return QStringLiteral("340100-000-ZZ-%1-01").arg(8000 + i); }

    // The codes of the result cards the search panel shows.
    // What the results view holds: the rows of the search model it shows (the view makes cards
    // only for those in sight, so the cards alone do not say how many were shown).
    QStringList shownResults() const
    {
        QStringList codes;
        const CatalogueSearchModel *search = m_shell->search();
        for (int row = 0; row < search->rowCount(); ++row)
            codes.append(search->data(search->index(row), CatalogueItemRoles::CodeRole).toString());
        codes.sort();
        return codes;
    }

    QQuickItem *resultsView() const
    {
        QList<QQuickItem *> unvisited{UiProbe::find(m_window, QStringLiteral("searchPanel"))};
        while (!unvisited.isEmpty()) {
            QQuickItem *item = unvisited.takeLast();
            if (item && item->inherits("QQuickGridView"))
                return item;
            if (item)
                unvisited.append(item->childItems());
        }
        return nullptr;
    }

    QStringList resultCards() const
    {
        QStringList codes;
        QList<QQuickItem *> unvisited{UiProbe::find(m_window, QStringLiteral("searchPanel"))};
        while (!unvisited.isEmpty()) {
            QQuickItem *item = unvisited.takeLast();
            if (!item || !item->isVisible())
                continue;
            if (item->objectName().startsWith(QLatin1String("itemCard_")))
                codes.append(item->objectName().mid(9));
            unvisited.append(item->childItems());
        }
        codes.sort();
        return codes;
    }

    static QJsonObject withCode(QJsonObject item, const QString &code, const char *zh, const char *en)
    {
        item.insert(QStringLiteral("code"), code);
        item.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QString::fromUtf8(zh)}, {QStringLiteral("en"), QString::fromUtf8(en)}});
        return item;
    }

    QString servedCatalogue()
    {
        QFile demo(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/assets/catalogue/demo-catalogue.json"));
        if (!demo.open(QIODevice::ReadOnly))
            return {};
        QJsonObject catalogue = QJsonDocument::fromJson(demo.readAll()).object();
        catalogue.insert(QStringLiteral("version"), m_version);
        QJsonArray items = catalogue.value(QLatin1String("items")).toArray();
        QJsonObject apply;
        QJsonObject query;
        for (const QJsonValue &value : std::as_const(items)) {
            const QString code = value.toObject().value(QLatin1String("code")).toString();
            if (code == QLatin1String("340100-000-ZZ-0010-01"))
                apply = value.toObject();
            if (code == QLatin1String("340100-000-ZZ-0019-01"))
                query = value.toObject();
        }
        apply = withCode(apply, m_reissue, "居民身份证补领", "Resident identity card reissue");
        QJsonArray form = apply.value(QLatin1String("form")).toArray();
        form.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("contact_name")},
                                {QStringLiteral("label"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("紧急联系人姓名")}, {QStringLiteral("en"), QStringLiteral("Emergency contact")}}},
                                {QStringLiteral("type"), QStringLiteral("text")},
                                {QStringLiteral("required"), true}});
        apply.insert(QStringLiteral("form"), form);
        items.append(apply);
        items.append(withCode(query, m_progress, "居民身份证办理进度查询", "Identity card application progress"));
        // More 居住证明 services than a page of results holds (CatalogueSearchModel shows 20).
        for (int i = 0; i < m_residenceCount; ++i)
            items.append(withCode(query, residenceCode(i), "居住证明查询", "Residence certificate lookup"));
        catalogue.insert(QStringLiteral("items"), items);
        QFile served(m_enrolled->directory()->filePath(QStringLiteral("served-catalogue.json")));
        if (!served.open(QIODevice::WriteOnly))
            return {};
        served.write(QJsonDocument(catalogue).toJson());
        return served.fileName();
    }

    void startAtHome()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->catalogue().version(), m_version, 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        const QString catalogue = servedCatalogue();
        QVERIFY(!catalogue.isEmpty());
        QVERIFY2(m_enrolled->start(QStringLiteral("keyboard-1"), {QStringLiteral("--catalogue"), catalogue}), qPrintable(m_enrolled->errorText()));
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

    void aResidentFindsIdentityCardServicesByTypingSfz()
    {
        startAtHome();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("searchPanel")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("searchHint")));
        UiProbe::screenshot(m_window, QStringLiteral("search-empty-zh"));

        // Letters that spell no service: the panel says so and points to the staff.
        typeKeys(QStringLiteral("qxqx"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("searchNoMatch")));
        QVERIFY(textsOf("searchNoMatch").contains(QStringLiteral("没有找到相关事项")));
        UiProbe::screenshot(m_window, QStringLiteral("search-nomatch-zh"));
        for (int i = 0; i < 4; ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_back")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("searchHint")));

        typeKeys(QStringLiteral("sfz"));
        QTRY_COMPARE(m_shell->search()->count(), 2);
        const QStringList shown = textsOf("searchPanel");
        QVERIFY2(shown.contains(QStringLiteral("居民身份证补领")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(QStringLiteral("居民身份证办理进度查询")));
        QVERIFY(!shown.contains(QStringLiteral("退休人员医保待遇核定")));
        // The spelling shows in the search field and in the candidate bar, with 身份证 offered.
        QVERIFY(shown.contains(QStringLiteral("sfz▏")));
        QVERIFY(!candidateShowing(QStringLiteral("身份证")).isEmpty());
        UiProbe::screenshot(m_window, QStringLiteral("search-sfz-zh"));

        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(textsOf("searchPanel").contains(QStringLiteral("Resident identity card reissue")));
        UiProbe::screenshot(m_window, QStringLiteral("search-sfz-en"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("zh")));
        m_shell->toggleElderMode();
        QTRY_VERIFY(m_shell->elderMode());
        UiProbe::screenshot(m_window, QStringLiteral("search-sfz-elder"));
        m_shell->toggleElderMode();

        // 确定 puts the keyboard away and leaves the results to choose from.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("itemCard_") + m_reissue));
        QTRY_COMPARE(m_shell->selectedItem().value(QStringLiteral("code")).toString(), m_reissue);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
    }

    // A search that finds more than a page shows twenty and 显示更多结果 with how many are left;
    // each tap on it adds the next page, until it is gone, and a result of the last page opens.
    void moreResultsShowsTheNextPageOfWhatWasFound()
    {
        QStringList residences;
        for (int i = 0; i < m_residenceCount; ++i)
            residences.append(residenceCode(i));
        startAtHome();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("searchPanel")));
        typeKeys(QStringLiteral("jzzm"));
        QTRY_COMPARE(m_shell->search()->count(), m_residenceCount);
        QTRY_COMPARE(shownResults().size(), 20);
        const QStringList firstPage = shownResults();
        // Cards are made for what is in sight, each of them one of the page's.
        QTRY_VERIFY(!resultCards().isEmpty());
        for (const QString &code : resultCards())
            QVERIFY2(firstPage.contains(code), qPrintable(code));
        QVERIFY(textsOf("searchPanel").contains(QStringLiteral("找到的事项：45")));
        QVERIFY(textsOf("searchPanel").contains(QStringLiteral("显示更多结果（还有 25 项）")));

        // The button is at the end of the results, above the keyboard still open (确定 would turn
        // the spelling into its first candidate and search again): tap() scrolls the results to it
        // as a resident's swipe would.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("moreResultsButton")));
        QTRY_COMPARE(shownResults().size(), 40);
        for (const QString &code : firstPage)
            QVERIFY2(shownResults().contains(code), qPrintable(code));
        QVERIFY(textsOf("searchPanel").contains(QStringLiteral("显示更多结果（还有 5 项）")));
        UiProbe::screenshot(m_window, QStringLiteral("search-more-zh"));
        const QStringList twoPages = shownResults();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("moreResultsButton")));
        QTRY_COMPARE(shownResults(), residences);
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("moreResultsButton")));
        QVERIFY(textsOf("searchPanel").filter(QStringLiteral("显示更多结果")).isEmpty());

        // The last row is one of the last page's; a swipe to the end brings its card into sight.
        const CatalogueSearchModel *search = m_shell->search();
        const QString lastPage = search->data(search->index(search->rowCount() - 1), CatalogueItemRoles::CodeRole).toString();
        QVERIFY2(!twoPages.contains(lastPage), qPrintable(lastPage));
        QQuickItem *view = resultsView();
        QVERIFY(view);
        QVERIFY(QMetaObject::invokeMethod(view, "positionViewAtEnd"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("itemCard_") + lastPage));
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("itemCard_") + lastPage));
        QTRY_COMPARE(m_shell->selectedItem().value(QStringLiteral("code")).toString(), lastPage);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("guideScreen")));
    }

    void aResidentTypesANameInPinyinAndThePlatformFilesIt()
    {
        startAtHome();
        QVERIFY(m_shell->openItem(m_reissue));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        // An item with a typed text field can be done at the kiosk now.
        QCOMPARE(m_shell->selectedItemUnavailable(), QString());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QTRY_VERIFY(textsOf("formScreen").contains(QStringLiteral("13955123456")));
        waitForFrame();
        // A phone field keeps the keypad; the name field opens the keyboard in pinyin.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_contact_name")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("numericKeypad")));

        typeKeys(QStringLiteral("zhang"));
        QTRY_VERIFY(!candidateShowing(QStringLiteral("张")).isEmpty());
        QVERIFY(textsOf("formScreen").contains(QStringLiteral("zhang▏")));
        UiProbe::screenshot(m_window, QStringLiteral("form-keyboard-zh"));
        m_shell->toggleElderMode();
        QTRY_VERIFY(m_shell->elderMode());
        UiProbe::screenshot(m_window, QStringLiteral("form-keyboard-elder"));
        m_shell->toggleElderMode();
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        UiProbe::screenshot(m_window, QStringLiteral("form-keyboard-en"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("zh")));

        QVERIFY(UiProbe::tap(m_window, candidateShowing(QStringLiteral("张"))));
        QTRY_VERIFY(textsOf("formScreen").contains(QStringLiteral("张▏")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QTRY_VERIFY(textsOf("formScreen").contains(QStringLiteral("张")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        waitForFrame();

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY2(textsOf("reviewScreen").contains(QStringLiteral("张")), qPrintable(textsOf("reviewScreen").join(QLatin1Char('|'))));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        // The platform checks the item's form and refuses a case without the required name; it
        // keeps no personal text itself, so the filed case is what shows the name arrived.
        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), m_reissue);
    }
};

QTEST_MAIN(TestPinyinKeyboard)
#include "test_pinyinkeyboard.moc"
