#include "ctlcommand.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void printHelp(QTextStream &out)
{
    out << "kioskctl — the command line for technicians and maintenance staff\n\n"
           "usage: kioskctl [--config FILE] COMMAND …\n\n";
    for (const CtlCommand &command : ctlCommands()) {
        for (const QString &line : QString::fromUtf8(command.usage).split(QLatin1Char('\n')))
            out << "  kioskctl " << line << "\n";
    }
    out << "\n--config FILE defaults to " << KioskConfig::defaultPath() << "\n";
}

} // namespace

int main(int argc, char *argv[])
{
    // A GUI application without a display: printed pages need the font database, which only a
    // QGuiApplication has; offscreen keeps every command runnable over SSH.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kioskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CtlContext context{KioskConfig::defaultPath(), false, out, err};

    QStringList args = app.arguments().mid(1);
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--config") && !args.isEmpty()) {
            context.configPath = args.takeFirst();
            context.configGiven = true;
        } else if (option == QLatin1String("--version")) {
            out << "kioskctl " << KIOSK_VERSION << Qt::endl;
            return CtlExit::Ok;
        } else if (option == QLatin1String("--help")) {
            printHelp(out);
            return CtlExit::Ok;
        } else {
            err << "kioskctl: unknown option " << option << "\n\n";
            printHelp(err);
            return CtlExit::Error;
        }
    }
    if (args.isEmpty() || args.first() == QLatin1String("help")) {
        printHelp(args.isEmpty() ? err : out);
        return args.isEmpty() ? CtlExit::Error : CtlExit::Ok;
    }

    const QString name = args.takeFirst();
    for (const CtlCommand &command : ctlCommands()) {
        if (name == QLatin1String(command.name))
            return command.run(context, args);
    }
    err << "kioskctl: no command '" << name << "'\n\n";
    printHelp(err);
    return CtlExit::Error;
}
