#include "agentfiling.h"
#include "common/personaldata.h"
#include "common/residentpersonaldata.h"
#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "applicationdesk.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A relative files for a parent (亲属代办) through the real QML, the card reader and document
// camera drivers against their simulators, and the reference platform: after their own card, the
// agent names the person they act for (checked as the card type lays the number out) and how
// they are related; the application is the parent's, the authorisation is photographed with the
// document camera, the case carries the agent and the parent "verified_by": "agent", the receipt
// names both masked, and nothing of either is left once the session ends. An item that does not
// allow agents never offers it.
class TestAgentFiling : public QObject
{
    Q_OBJECT

private:
    const QString m_pension = QStringLiteral("340100-000-ZZ-0002-01"); // agents allowed, authorisation asked
    const QString m_noAgents = QStringLiteral("340100-000-ZZ-0010-01");
    const QString m_parentName = QStringLiteral("张三");
    const QString m_parentNumber = QStringLiteral("340104195001010019");
    const QString m_phone = QStringLiteral("13955123456");
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    bool shown(const QString &name) const { return UiProbe::find(m_window, name) != nullptr; }
    QJsonArray platformTable(const QString &name) const { return m_enrolled->platform()->inspect(name).value(name).toArray(); }

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

    void identifyWithTheAgentsCard(const QString &item)
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(item));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 20000);
        QVERIFY(UiProbe::tapWhenShown(m_window, QStringLiteral("startButton"), 20000));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY(m_shell->identified());
    }

    void nameTheParent()
    {
        QVERIFY(tapSettled(QStringLiteral("actForSomeoneButton")));
        QTRY_VERIFY(shown(QStringLiteral("agentPanel")));
        QVERIFY(tapSettled(QStringLiteral("personNameField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        for (const auto &[pinyin, character] : {std::pair{QStringLiteral("zhang"), QStringLiteral("张")}, std::pair{QStringLiteral("san"), QStringLiteral("三")}}) {
            for (const QChar letter : pinyin)
                QVERIFY(tapSettled(QStringLiteral("kbd_") + letter));
            QTRY_VERIFY2(!candidateShowing(character).isEmpty(), qPrintable(character));
            QVERIFY(tapSettled(candidateShowing(character)));
        }
        QVERIFY(tapSettled(QStringLiteral("kbd_done")));
        // A resident card's number under the permit's type is caught before anything is taken.
        QVERIFY(tapSettled(QStringLiteral("personCardType_hk_mo_tw_permit")));
        QVERIFY(tapSettled(QStringLiteral("personNumberField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (const QChar digit : m_parentNumber)
            QVERIFY(tapSettled(QStringLiteral("key_") + digit));
        QVERIFY(tapSettled(QStringLiteral("keypadDone")));
        QVERIFY(tapSettled(QStringLiteral("personChoice_parent")));
        QTRY_VERIFY(shown(QStringLiteral("personNumberProblem")));
        QVERIFY(shown(QStringLiteral("personConfirm")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("personConfirm"))->isEnabled());
        QVERIFY(tapSettled(QStringLiteral("personCardType_resident")));
        QTRY_VERIFY(!shown(QStringLiteral("personNumberProblem")));
        QTRY_VERIFY(shown(QStringLiteral("personConfirm")) && UiProbe::find(m_window, QStringLiteral("personConfirm"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("agent-principal-zh"));
        QVERIFY(tapSettled(QStringLiteral("personConfirm")));
        QTRY_VERIFY(m_runtime->agent()->isActing());
        // The log scrubber knows the parent from now on, as it knows the card holder.
        QStringList remembered;
        for (const ResidentPersonalData::Value &value : ResidentPersonalData::remembered())
            remembered << value.text;
        QVERIFY(remembered.contains(m_parentName));
        QVERIFY(remembered.contains(m_parentNumber));
        QTRY_VERIFY(shown(QStringLiteral("principalSummary")));
        QCOMPARE(UiProbe::find(m_window, QStringLiteral("principalSummary"))->property("text").toString(),
                 QStringLiteral("代办：为 %1（%2）办理").arg(PersonalData::maskName(m_parentName), PersonalData::maskIdNumber(m_parentNumber)));
        UiProbe::screenshot(m_window, QStringLiteral("agent-identified-zh"));
    }

    // Taps `name` once the window has drawn a frame: a panel that has just changed (a keyboard
    // shown, candidates offered) lays itself out before its next frame, and a tap before that
    // would land where its keys used to be.
    bool tapSettled(const QString &name)
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        if (!QTest::qWaitFor([&] { return frames.count() > 0; }, 10000))
            return false;
        return UiProbe::tap(m_window, name);
    }

    PrinterSimulator *receiptPrinter() const { return m_runtime->devices()->printerSimulator(QStringLiteral("receipt_printer")); }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("agent-1")), qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        QVERIFY(m_runtime->agent());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aRelativeFilesForAParentWithTheAuthorisationAttached()
    {
        identifyWithTheAgentsCard(m_pension);
        QTRY_VERIFY(shown(QStringLiteral("actForSomeoneButton")));
        nameTheParent();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        // The application is the parent's: the form is filled with their name and number.
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("name")), m_parentName);
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("id_number")), m_parentNumber);
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("address"), QStringLiteral("安徽省合肥市蜀山区长江西路 1 号")));
        QVERIFY(UiProbe::tapWhenShown(m_window, QStringLiteral("option_contribution_level_500"), 20000));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        // The household register, then the authorisation the item asks of agents.
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(shown(QStringLiteral("documentPreview")) && UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).join(QLatin1Char('|')).contains(QStringLiteral("授权委托书")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->draft()->pages(QStringLiteral("household_book")).size(), 1, 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled());
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->draft()->pages(QStringLiteral("authorisation")).size(), 1, 30000);
        UiProbe::screenshot(m_window, QStringLiteral("agent-materials-zh"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 60000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);

        const IdCardHolder agent = *SimCards::card(QStringLiteral("resident"));
        const QJsonArray assistance = platformTable(QStringLiteral("assistance"));
        QCOMPARE(assistance.size(), 1);
        const QJsonObject row = assistance.first().toObject();
        QCOMPARE(row.value(QLatin1String("case_no")).toString(), m_shell->caseNumber());
        QCOMPARE(row.value(QLatin1String("verified_by")).toString(), QStringLiteral("agent"));
        QCOMPARE(row.value(QLatin1String("relation")).toString(), QStringLiteral("parent"));
        QCOMPARE(row.value(QLatin1String("agent_verified_by")).toString(), QStringLiteral("idcard"));
        QVERIFY(row.value(QLatin1String("agent")).toString().contains(PersonalData::maskIdNumber(agent.idNumber)));
        QVERIFY(row.value(QLatin1String("principal")).toString().contains(PersonalData::maskIdNumber(m_parentNumber)));
        QCOMPARE(row.value(QLatin1String("assisted_by")).toString(), QString());
        const QJsonArray cases = platformTable(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("materials")).toInt(), 2);
        QStringList materialIds;
        for (const QJsonValue &m : platformTable(QStringLiteral("materials")))
            materialIds << m.toObject().value(QLatin1String("material_id")).toString();
        materialIds.sort();
        QCOMPARE(materialIds, (QStringList{QStringLiteral("authorisation"), QStringLiteral("household_book")}));

        // The receipt names both, masked.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QStringList printed = receiptPrinter()->printedFiles();
        QVERIFY(!printed.isEmpty());
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {printed.last(), QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        // The PDF's CJK text comes out partly as compatibility characters (⼈ for 人): compared folded.
        const QString receipt = QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        QVERIFY2(receipt.contains(PersonalData::maskIdNumber(m_parentNumber)), qPrintable(receipt));
        QVERIFY2(receipt.contains(PersonalData::maskIdNumber(agent.idNumber)), qPrintable(receipt));
        QVERIFY2(receipt.contains(QStringLiteral("代办人")), qPrintable(receipt));
        // The parent is the applicant and the agent the one who filed, each under their label.
        const qsizetype applicantAt = receipt.indexOf(QStringLiteral("申请人"));
        const qsizetype agentAt = receipt.indexOf(QStringLiteral("代办人"));
        QVERIFY2(applicantAt >= 0 && applicantAt < receipt.indexOf(PersonalData::maskName(m_parentName), applicantAt), qPrintable(receipt));
        QVERIFY2(agentAt > applicantAt && receipt.indexOf(PersonalData::maskName(agent.name), agentAt) > agentAt, qPrintable(receipt));
        QVERIFY(!receipt.contains(m_parentNumber));
        QVERIFY(!receipt.contains(agent.idNumber));

        // Nothing of the parent or the agent is left once the session ends.
        m_shell->endSession();
        QTRY_VERIFY(!m_runtime->agent()->isActing());
        QVERIFY(!m_runtime->draft()->isActive());
        QVERIFY(ResidentPersonalData::remembered().isEmpty());
        QDirIterator files(m_enrolled->directory()->filePath(QStringLiteral("state")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(m_parentNumber.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(m_parentName.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(agent.idNumber.toUtf8()), qPrintable(file.fileName()));
        }
    }

    void anItemThatDoesNotAllowAgentsNeverOffersIt()
    {
        identifyWithTheAgentsCard(m_noAgents);
        QVERIFY(!m_shell->agentOffered());
        QVERIFY(!shown(QStringLiteral("actForSomeoneButton")));
        QVERIFY(!m_shell->actForSomeoneElse(m_parentName, QStringLiteral("resident"), m_parentNumber, QStringLiteral("parent")));
        QCOMPARE(m_shell->cardProblem(), QStringLiteral("agent_not_offered"));
        QVERIFY(!m_runtime->agent()->isActing());
    }

    void theParentsDetailsAreCheckedBeforeTheyAreTaken_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("cardType");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("relation");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no name") << "" << "resident" << m_parentNumber << "parent" << "agent_principal_name_missing";
        QTest::newRow("check character wrong") << m_parentName << "resident" << "340104195001010010" << "parent"
                                               << "agent_principal_id_number_check_failed";
        QTest::newRow("2017 foreign card shape") << m_parentName << "foreign_permanent_2017" << "330000000001USA" << "parent"
                                                 << "agent_principal_id_number_wrong_shape";
        QTest::newRow("unknown relation") << m_parentName << "resident" << m_parentNumber << "neighbour" << "agent_relation_unknown";
        QTest::newRow("the agent's own number") << m_parentName << "resident" << SimCards::card(QStringLiteral("resident"))->idNumber
                                                << "parent" << "agent_principal_is_agent";
    }

    void theParentsDetailsAreCheckedBeforeTheyAreTaken()
    {
        QFETCH(QString, name);
        QFETCH(QString, cardType);
        QFETCH(QString, number);
        QFETCH(QString, relation);
        QFETCH(QString, problem);
        identifyWithTheAgentsCard(m_pension);
        QVERIFY(!m_shell->actForSomeoneElse(name, cardType, number, relation));
        QCOMPARE(m_shell->cardProblem(), problem);
        QVERIFY(!m_runtime->agent()->isActing());
        QTRY_VERIFY(shown(QStringLiteral("cardProblem")));
        // A foreign card of 2017 with its letters first is taken.
        if (cardType == QLatin1String("foreign_permanent_2017")) {
            QVERIFY(m_shell->actForSomeoneElse(name, cardType, QStringLiteral("USA330000000001"), relation));
            QVERIFY(m_runtime->agent()->isActing());
        }
    }
};

QTEST_MAIN(TestAgentFiling)
#include "test_agentfiling.moc"
