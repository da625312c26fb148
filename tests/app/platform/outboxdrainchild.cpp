#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

// A kiosk process that drains an outbox to the platform and is killed by the test at random
// moments (test_outboxdelivery, keepsOneCasePerSubmissionWhenTheSenderIsKilled). It prints
// "drained" and exits once nothing is pending.
// Arguments: STATE_DIR KEY_FILE BASE_URL TERMINAL_ID SECRET_BASE64
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6)
        return 2;
    OutboxOptions options;
    options.stateDir = args.at(1);
    options.keyFile = args.at(2);
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 3;
    }
    OutboxStore &store = *opened.value();
    PlatformClientSettings settings;
    settings.baseUrl = QUrl(args.at(3));
    settings.timeoutMs = 30000;
    settings.credentials = TerminalCredentials{args.at(4), QByteArray::fromBase64(args.at(5).toLatin1()), {}, {}};
    PlatformClient client(settings);
    OutboxPlatformTransport transport(client);
    OutboxSender sender(store, transport);
    sender.setRetryPolicy(RetryPolicy{std::chrono::milliseconds(20), std::chrono::milliseconds(300), std::chrono::hours(1)});
    if (!sender.start()) {
        std::fprintf(stderr, "the sender did not start\n");
        return 4;
    }
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        const OutboxResult<OutboxStats> stats = store.stats();
        if (stats && stats.value().pending == 0) {
            std::printf("drained\n");
            std::fflush(stdout);
            app.quit();
        }
    });
    poll.start(100);
    std::printf("draining\n");
    std::fflush(stdout);
    return app.exec();
}
