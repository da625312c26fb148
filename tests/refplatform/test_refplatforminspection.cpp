#include "refplatform.h"

#include <QFile>
#include <QTest>

// The /_inspect endpoints show what terminals sent and switch faults: a peer off loopback gets
// them only with the inspection token (kiosk-refplatform --inspect-token), else 403.
class TestRefPlatformInspection : public QObject
{
    Q_OBJECT

private:
    // The status RefPlatform answers `request` with (it answers inspection requests at once).
    static int statusOf(RefPlatform &platform, HttpRequest request)
    {
        int status = 0;
        platform.handle(request, [&status](const HttpResponse &response, HttpDelivery) { status = response.status; });
        return status;
    }

    static HttpRequest inspect(const QByteArray &method, const QByteArray &path, bool fromLoopback, const QByteArray &token = {})
    {
        HttpRequest request;
        request.method = method;
        request.target = path;
        request.fromLoopback = fromLoopback;
        if (!token.isEmpty())
            request.headers.insert("x-inspect-token", token);
        if (method == "POST")
            request.body = R"({"error_rate":{"*":1}})";
        return request;
    }

    static std::unique_ptr<RefPlatform> platformWith(const QByteArray &token)
    {
        RefPlatform::Options options;
        QFile catalogue(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!catalogue.open(QIODevice::ReadOnly))
            return nullptr;
        options.catalogueJson = catalogue.readAll();
        options.inspectToken = token;
        auto platform = std::make_unique<RefPlatform>(options);
        QString error;
        return platform->open(&error) ? std::move(platform) : nullptr;
    }

private slots:
    void aPeerOffLoopbackIsRefusedWithoutTheToken()
    {
        const std::unique_ptr<RefPlatform> platform = platformWith({});
        QVERIFY(platform);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", false)), 403);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/requests", false)), 403);
        QCOMPARE(statusOf(*platform, inspect("POST", "/_inspect/faults", false)), 403);
        // Without a token configured, no token a peer sends opens them.
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", false, "anything")), 403);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", true)), 200);
    }

    void thePeerWithTheTokenMayInspect()
    {
        const std::unique_ptr<RefPlatform> platform = platformWith("s3cret-inspection");
        QVERIFY(platform);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", false, "s3cret-inspection")), 200);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", false, "s3cret-inspectioN")), 403);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", false, "s3cret")), 403);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", false)), 403);
        QCOMPARE(statusOf(*platform, inspect("GET", "/_inspect/cases", true)), 200);
    }

    void theTerminalApiIsNotAffected()
    {
        const std::unique_ptr<RefPlatform> platform = platformWith({});
        QVERIFY(platform);
        // Unsigned, so refused by the API's own checks, not by the inspection guard.
        const int status = statusOf(*platform, inspect("GET", "/terminal/v1/catalogue", false));
        QVERIFY2(status >= 400 && status != 403, qPrintable(QString::number(status)));
    }
};

QTEST_GUILESS_MAIN(TestRefPlatformInspection)
#include "test_refplatforminspection.moc"
