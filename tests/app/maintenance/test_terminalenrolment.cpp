#include "platformclient.h"
#include "terminalenrolment.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// Enrolment from the provisioning screen when the platform does not answer: refused, nothing saved.
// (A successful enrolment against the reference platform is test_terminalsetup's provisioning run.)
class TestTerminalEnrolment : public QObject
{
    Q_OBJECT

private slots:
    void anUnansweredEnrolmentIsRefusedAndSavesNothing()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close();
        PlatformClientSettings settings;
        settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        settings.timeoutMs = 5000;
        PlatformClient platform(settings);
        QTemporaryDir dir;
        const QString credentials = dir.filePath(QStringLiteral("credentials.json"));
        TerminalEnrolment enrolment(&platform, credentials);
        QSignalSpy finished(&enrolment, &TerminalEnrolment::finished);
        enrolment.start(QStringLiteral("TOKEN-1"), QStringLiteral("340103"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(finished.at(0).at(0).value<TerminalEnrolment::Outcome>(), TerminalEnrolment::Outcome::Refused);
        QVERIFY(finished.at(0).at(1).toString().startsWith(QStringLiteral("no response")));
        QVERIFY(!QFile::exists(credentials));
        QVERIFY(!platform.settings().credentials.has_value());
    }
};

QTEST_GUILESS_MAIN(TestTerminalEnrolment)
#include "test_terminalenrolment.moc"
