#include "refplatform.h"

#include <QFile>
#include <QTcpSocket>
#include <QTest>

#include <memory>

// The agents' desk shows residents' faces and the kiosk's screen: its page and its socket answer
// a browser on the platform's own host, or one with the desk token (--desk-token); anyone else
// gets 403, and a socket of theirs is not upgraded.
class TestAssistDeskAccess : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<RefPlatform> platformWith(const QByteArray &deskToken)
    {
        RefPlatform::Options options;
        QFile catalogue(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!catalogue.open(QIODevice::ReadOnly))
            return nullptr;
        options.catalogueJson = catalogue.readAll();
        options.assist.deskToken = deskToken;
        auto platform = std::make_unique<RefPlatform>(options);
        QString error;
        if (!platform->open(&error))
            return nullptr;
        return platform;
    }
    static HttpRequest request(const QByteArray &target, bool fromLoopback)
    {
        HttpRequest r;
        r.method = "GET";
        r.target = target;
        r.fromLoopback = fromLoopback;
        r.headers.insert("upgrade", "websocket");
        return r;
    }
    static int pageStatus(RefPlatform &platform, const HttpRequest &r)
    {
        int status = 0;
        platform.handle(r, [&status](const HttpResponse &response, HttpDelivery) { status = response.status; });
        return status;
    }

private slots:
    void servesThePageToLoopbackOrTheDeskToken()
    {
        const auto platform = platformWith("desk-secret");
        QVERIFY(platform);
        QCOMPARE(pageStatus(*platform, request("/desk/", true)), 200);
        QCOMPARE(pageStatus(*platform, request("/desk/", false)), 403);
        QCOMPARE(pageStatus(*platform, request("/desk/?token=wrong", false)), 403);
        QCOMPARE(pageStatus(*platform, request("/desk/?token=desk-secret", false)), 200);
    }

    void refusesTheDeskPageOffLoopbackWhenNoTokenIsSet()
    {
        const auto platform = platformWith({});
        QVERIFY(platform);
        QCOMPARE(pageStatus(*platform, request("/desk/?token=", false)), 403);
    }

    void upgradesTheDeskSocketOnlyForAgents()
    {
        const auto platform = platformWith("desk-secret");
        QVERIFY(platform);
        // A refused upgrade leaves the socket with the listener, which closes it.
        QTcpSocket socket;
        QVERIFY(!platform->upgrade(&socket, request("/desk/ws", false)));
        QVERIFY(!platform->upgrade(&socket, request("/desk/ws?token=wrong", false)));
        QVERIFY(!platform->upgrade(&socket, request("/terminal/v1/assist/calls/C1/ws?ticket=x", true)));
        QVERIFY(!platform->upgrade(&socket, request("/elsewhere", true)));
    }
};

QTEST_GUILESS_MAIN(TestAssistDeskAccess)
#include "test_assistdeskaccess.moc"
