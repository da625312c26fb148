#include "platformclient.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

// A kiosk process that submits one case and is then killed by the test in the middle of the
// request (test_platformidempotency, keepsExactlyOneCaseWhenTheKioskIsKilledMidRequest).
// Arguments: BASE_URL TERMINAL_ID SECRET_BASE64 IDEMPOTENCY_KEY CASE_JSON
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6)
        return 2;
    PlatformClientSettings settings;
    settings.baseUrl = QUrl(args.at(1));
    settings.credentials = TerminalCredentials{args.at(2), QByteArray::fromBase64(args.at(3).toLatin1()), {}, {}};
    PlatformClient client(settings);
    PlatformCall *call = client.submitCase(QJsonDocument::fromJson(args.at(5).toUtf8()).object(), args.at(4));
    QObject::connect(call, &PlatformCall::finished, &app, [](const PlatformResult &result) {
        std::printf("finished %s\n", qPrintable(result.summary()));
        std::fflush(stdout);
    });
    std::printf("sending\n");
    std::fflush(stdout);
    return app.exec();
}
