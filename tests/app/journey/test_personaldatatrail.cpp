#include "agentfiling.h"
#include "applicationjourney.h"
#include "applog.h"
#include "diagnosticsbundle.h"
#include "idcard/sim/simcards.h"
#include "journeykiosk.h"
#include "recentlog.h"
#include "statusreport.h"

#include "common/residentpersonaldata.h"

#include <QDirIterator>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString ReaderOnly = QStringLiteral("barcode_scanner=none\nface_camera=none\ndocument_camera=none\nreceipt_printer=none\n"
                                          "document_printer=none\n");
const QString Pension = QStringLiteral("340100-000-ZZ-0010-01"); // a phone number, no papers

QMutex g_mutex;
QStringList g_journal;

// Stands in for the journal: what the kiosk's message handler passes on is what would be kept.
void journal(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&g_mutex);
    g_journal.append(message);
}

} // namespace

// A resident with each of the four cards files an application (or leaves at the form); then nothing of them (name, English
// name, address, card and pass numbers) is left in what the journal received, in the recent log,
// the audit log, the state directory, the test's temporary directory or a diagnostics bundle,
// even though a careless log line named them during the session.
class TestPersonalDataTrail : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        RecentLog::uninstall();
        qInstallMessageHandler(nullptr);
        QMutexLocker lock(&g_mutex);
        g_journal.clear();
    }

    void nothingOfTheResidentIsLeftAfterTheirApplication_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<bool>("files");
        QTest::newRow("resident") << QStringLiteral("resident") << true;
        QTest::newRow("hk_mo_tw_permit") << QStringLiteral("hk_mo_tw_permit") << true;
        // The form's id_number field takes only 18-character numbers, so the 2017 card's holder
        // fills the form and leaves without filing.
        QTest::newRow("foreign_permanent_2017") << QStringLiteral("foreign_permanent_2017") << false;
        QTest::newRow("foreign_permanent_2023") << QStringLiteral("foreign_permanent_2023") << true;
    }

    void nothingOfTheResidentIsLeftAfterTheirApplication()
    {
        QFETCH(QString, card);
        QFETCH(bool, files);
        const std::optional<IdCardHolder> holder = SimCards::card(card);
        QVERIFY(holder);

        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        qInstallMessageHandler(journal);
        QVERIFY(RecentLog::installForKiosk(kiosk.stateDir()));
        KioskRuntime *runtime = kiosk.runtime();

        QVERIFY(kiosk.identify(card));
        // The scrubber is the net under code that forgets to mask.
        qCInfo(lcSession).noquote() << "careless:" << holder->name << holder->nameEn << holder->address << holder->passNumber;
        ApplicationJourney *journey = runtime->journey();
        QVERIFY(journey->beginApplication(Pension));
        QVERIFY(runtime->draft()->setValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        if (files) {
            QString missing;
            QVERIFY2(runtime->draft()->isComplete(&missing), qPrintable(missing));
            QVERIFY(runtime->session()->advance(SessionState::Review));
            QSignalSpy finished(journey, &ApplicationJourney::submissionFinished);
            QVERIFY(journey->submitApplication());
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
            QVERIFY(runtime->session()->end(SessionEnd::Completed));
        } else {
            QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        }
        QVERIFY(ResidentPersonalData::remembered().isEmpty());

        StatusReport::Options options;
        options.checkPlatform = false;
        options.deviceWaitMs = 1000;
        QString error;
        const QString bundle = DiagnosticsBundle::collectInto(runtime->config(), StatusReport::collect(runtime->config(), options), {}, &error);
        QVERIFY2(!bundle.isEmpty(), qPrintable(error));
        const QString top = QFileInfo(kiosk.stateDir()).path();
        const QString unpacked = top + QStringLiteral("/bundle");
        QVERIFY(QDir().mkpath(unpacked));
        QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xzf"), bundle, QStringLiteral("-C"), unpacked}), 0);
        RecentLog::uninstall();

        QStringList secrets{holder->name, holder->nameEn, holder->address, holder->idNumber, holder->passNumber};
        secrets.removeAll(QString());
        QString journalText;
        {
            QMutexLocker lock(&g_mutex);
            journalText = g_journal.join(QLatin1Char('\n'));
        }
        QVERIFY(journalText.contains(QLatin1String("careless:")));
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!journalText.contains(secret, Qt::CaseInsensitive), qPrintable(QStringLiteral("the journal holds ") + secret));

        int searched = 0;
        QDirIterator it(top, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++searched;
            const QByteArray bytes = file.readAll();
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(file.fileName() + QStringLiteral(" holds ") + secret));
        }
        QVERIFY(QFileInfo::exists(kiosk.stateDir() + QStringLiteral("/logs/kiosk.log")));
        QVERIFY(searched > 3);
    }

    // Someone filing for a parent (代办) types the parent's name and number: the scrubber knows
    // them from then on, as it knows the card holder, and the session's wipe forgets both.
    void nothingOfThePersonAnAgentActsForIsLeftAfterTheSession()
    {
        const QString parentName = QStringLiteral("张三");
        const QString parentNumber = QStringLiteral("340104195001010019");
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        qInstallMessageHandler(journal);
        QVERIFY(RecentLog::installForKiosk(kiosk.stateDir()));
        KioskRuntime *runtime = kiosk.runtime();
        QVERIFY(kiosk.identify(QStringLiteral("resident")));
        QCOMPARE(runtime->agent()->actFor(*runtime->identity()->holder(), parentName, IdCardHolder::CardType::Resident, parentNumber,
                                          QStringLiteral("parent")),
                 QString());
        qCInfo(lcSession).noquote() << "careless:" << parentName << parentNumber;
        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        QVERIFY(!runtime->agent()->isActing());
        QVERIFY(ResidentPersonalData::remembered().isEmpty());
        RecentLog::uninstall();

        QString journalText;
        {
            QMutexLocker lock(&g_mutex);
            journalText = g_journal.join(QLatin1Char('\n'));
        }
        QVERIFY(journalText.contains(QLatin1String("careless:")));
        QVERIFY2(!journalText.contains(parentName), "the journal holds the parent's name");
        QVERIFY2(!journalText.contains(parentNumber), "the journal holds the parent's number");
        int searched = 0;
        QDirIterator it(QFileInfo(kiosk.stateDir()).path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++searched;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(parentName.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(parentNumber.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY(QFileInfo::exists(kiosk.stateDir() + QStringLiteral("/logs/kiosk.log")));
        QVERIFY(searched > 2);
    }
};

QTEST_MAIN(TestPersonalDataTrail)
#include "test_personaldatatrail.moc"
