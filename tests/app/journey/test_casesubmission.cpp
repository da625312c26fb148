#include "casesubmission.h"
#include "outboxkey.h"
#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "terminalcredentials.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A case filed while the kiosk still takes the platform to be there: the resident waits for the
// case number, and stops waiting as soon as the case's own attempt finds the platform away.
class TestCaseSubmission : public QObject
{
    Q_OBJECT

private slots:
    void stopsWaitingForAnAnswerOnceThePlatformIsFoundAway()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        OutboxOptions options;
        options.stateDir = dir.path();
        options.keyFile = dir.filePath(QStringLiteral("outbox.key"));
        options.terminalId = QStringLiteral("T340100000001");
        QVERIFY(OutboxKey::create(options.keyFile));
        OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
        QVERIFY(opened);
        const std::unique_ptr<OutboxStore> store = std::move(opened).value();

        // Enrolled towards a loopback port nobody listens on; nothing has met it yet.
        PlatformClientSettings settings;
        settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        settings.credentials = TerminalCredentials{options.terminalId, QByteArray(32, 'k'), QStringLiteral("340100"),
                                                   settings.baseUrl.toString()};
        PlatformClient client(settings);
        OutboxPlatformTransport transport(client);
        OutboxSender sender(*store, transport);
        QVERIFY(sender.start().ok());
        QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Online);

        // A wait for the answer far longer than the test: only finding the platform away ends it.
        CaseSubmission submission(*store, sender, std::chrono::hours(1), &client);
        QSignalSpy finished(&submission, &CaseSubmission::finished);
        submission.submit({QStringLiteral("340100-000-ZZ-0010-01"), QByteArrayLiteral(R"({"form":{"phone":"13955123456"}})"), {}});
        QCOMPARE(finished.size(), 0);
        QVERIFY(submission.isWaiting());

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
        const auto outcome = finished.first().first().value<CaseSubmission::Outcome>();
        QVERIFY(outcome.kind == CaseSubmission::Outcome::Kind::Queued);
        QVERIFY(!outcome.localRef.isEmpty());
        QVERIFY(!submission.isWaiting());
        QVERIFY(store->find(outcome.localRef).value().has_value());
        sender.stop();
    }
};

QTEST_MAIN(TestCaseSubmission)
#include "test_casesubmission.moc"
