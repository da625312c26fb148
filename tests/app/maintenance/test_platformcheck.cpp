#include "platformcheck.h"
#include "platformclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// The maintenance screen's platform check, without a platform and against one that is not there.
class TestPlatformCheck : public QObject
{
    Q_OBJECT

private:
    // A local port nobody listens on: connections are refused at once.
    static QUrl closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        const quint16 port = server.serverPort();
        server.close();
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

private slots:
    void withoutAPlatformClientTheCheckSaysSoAtOnce()
    {
        PlatformCheck check;
        QSignalSpy changed(&check, &PlatformCheck::changed);
        QSignalSpy performed(&check, &PlatformCheck::performed);
        QVERIFY(!check.checked());
        check.start(nullptr, QStringLiteral("T1"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(check.checked());
        QVERIFY(!check.reachable());
        QCOMPARE(check.detail(), QStringLiteral("platform client not configured"));
        QCOMPARE(check.figures().value(QStringLiteral("checked")).toBool(), true);
        QCOMPARE(check.figures().value(QStringLiteral("reachable")).toBool(), false);
        QCOMPARE(performed.size(), 0);
        check.forget();
        QVERIFY(!check.checked());
    }

    void anUnreachablePlatformIsAuditedAsFailed()
    {
        PlatformClientSettings settings;
        settings.baseUrl = closedPort();
        settings.timeoutMs = 5000;
        PlatformClient platform(settings);
        PlatformCheck check;
        QSignalSpy performed(&check, &PlatformCheck::performed);
        check.start(&platform, QStringLiteral("T1"));
        QCOMPARE(check.figures().value(QStringLiteral("checking")).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(performed.size(), 1, 15000);
        QCOMPARE(performed.at(0).at(0).toString(), QStringLiteral("platform.check"));
        QCOMPARE(performed.at(0).at(1).toString(), QStringLiteral("failed"));
        QVERIFY(check.checked());
        QVERIFY(!check.reachable());
        QVERIFY(check.detail().startsWith(QStringLiteral("no response")));
        const QVariantMap figures = check.figures();
        QCOMPARE(figures.value(QStringLiteral("enrolled")).toBool(), false);
        QCOMPARE(figures.value(QStringLiteral("terminalId")).toString(), QString());
        QCOMPARE(figures.value(QStringLiteral("httpStatus")).toInt(), 0);
        QCOMPARE(figures.value(QStringLiteral("lastHeartbeat")).toString(), QString());
        QVERIFY(!figures.contains(QStringLiteral("checking")));
    }
};

QTEST_GUILESS_MAIN(TestPlatformCheck)
#include "test_platformcheck.moc"
