#include "ctlcommand.h"

#include <QGuiApplication>
#include <QTextStream>

int runBenchCommand(CtlContext &context, const QStringList &args);

// kiosk-bench [--config FILE] WHAT [options]: the speed figures of one layer (docs/benchmarks.md).
// `kioskctl bench …` runs this program with the same arguments.
int main(int argc, char *argv[])
{
    // Printed pages need the font database, which only a QGuiApplication has; offscreen keeps the
    // benchmarks runnable over SSH.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kiosk-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CtlContext context{KioskConfig::defaultPath(), false, out, err};

    QStringList args = app.arguments().mid(1);
    if (args.size() >= 2 && args.first() == QLatin1String("--config")) {
        args.takeFirst();
        context.configPath = args.takeFirst();
        context.configGiven = true;
    }
    return runBenchCommand(context, args);
}
