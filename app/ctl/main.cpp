#include "consolelog.h"
#include "ctlcommand.h"
#include "runtimedirectory.h"

#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>

namespace {

void printHelp(QTextStream &out)
{
    out << "kioskctl — the command line for technicians and maintenance staff\n\n"
           "usage: kioskctl [--config FILE] [--verbose] COMMAND …\n"
           "       kioskctl help [COMMAND]     (or COMMAND --help): one command's usage\n\n";
    for (const CtlCommand &command : ctlCommands())
        printCommandUsage(out, command);
    out << "\n--config FILE defaults to " << KioskConfig::defaultPath()
        << "; without it the built-in demo configuration (simulated devices) is used\n"
           "--verbose     the libraries' information lines on stderr too (they always go to the log)\n\n"
           "exit codes\n"
           "  0  done, and the answer is yes\n"
           "  1  the answer is no: a device in error, a check failed, nothing read\n"
           "  2  the command could not run as given: a usage error, or a file, value or device it names\n"
           "  3  the platform did not answer (no connection, timeout, TLS)\n";
}

bool asksForHelp(const QString &arg)
{
    return arg == QLatin1String("-h") || arg == QLatin1String("--help");
}

} // namespace

int main(int argc, char *argv[])
{
    // kioskctl runs over SSH or sudo, without a login session; it still needs a runtime directory
    // of its own before Qt looks for one.
    RuntimeDirectory::provide();
    // A GUI application without a display: printed pages need the font database, which only a
    // QGuiApplication has; offscreen keeps every command runnable over SSH.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ConsoleLog::install();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kioskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CtlContext context{KioskConfig::defaultPath(), false, out, err};

    QStringList args = app.arguments().mid(1);
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--config") && !args.isEmpty()) {
            context.configPath = args.takeFirst();
            context.configGiven = true;
        } else if (option == QLatin1String("--verbose")) {
            ConsoleLog::setVerbose(true);
        } else if (option == QLatin1String("--version")) {
            out << "kioskctl " << KIOSK_VERSION << Qt::endl;
            return CtlExit::Ok;
        } else if (asksForHelp(option)) {
            printHelp(out);
            return CtlExit::Ok;
        } else {
            err << "kioskctl: unknown option " << option << "\n\n";
            printHelp(err);
            return CtlExit::Error;
        }
    }
    if (args.isEmpty()) {
        printHelp(err);
        return CtlExit::Error;
    }
    if (args.first() == QLatin1String("help")) {
        if (args.size() == 1) {
            printHelp(out);
            return CtlExit::Ok;
        }
        if (const CtlCommand *command = ctlCommand(args.at(1)); command && args.size() == 2) {
            printCommandUsage(out, *command);
            return CtlExit::Ok;
        }
        err << "kioskctl help: no command '" << args.mid(1).join(QLatin1Char(' ')) << "'\n\n";
        printHelp(err);
        return CtlExit::Error;
    }

    const QString name = args.takeFirst();
    const CtlCommand *command = ctlCommand(name);
    if (!command) {
        err << "kioskctl: no command '" << name << "'\n\n";
        printHelp(err);
        return CtlExit::Error;
    }
    // Asking how to use a command is never a usage error, wherever the word stands.
    if (std::any_of(args.cbegin(), args.cend(), asksForHelp)) {
        printCommandUsage(out, *command);
        return CtlExit::Ok;
    }
    context.unsealSecrets = name != QLatin1String("enroll") && name != QLatin1String("credentials");
    return command->run(context, args);
}
