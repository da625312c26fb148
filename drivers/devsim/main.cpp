#include "idcard/sim/idcardsimulator.h"
#include "idcard/sim/simcards.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <csignal>

// kiosk-devsim: the ID card reader simulator on its own, for the demo and for trying a real
// `kioskctl card read --port …` by hand. Ctrl-C stops it and removes its pty link and socket.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kiosk-devsim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Simulates a SAM ID card reader on a pseudo-terminal."));
    parser.addHelpOption();
    const QCommandLineOption stateDir(QStringLiteral("state-dir"), QStringLiteral("Where sim/idcard-tty and sim/idcard.sock go."),
                                      QStringLiteral("DIR"), QDir::temp().filePath(QStringLiteral("kiosk")));
    const QCommandLineOption tty(QStringLiteral("tty"), QStringLiteral("The pty symlink (default STATE_DIR/sim/idcard-tty)."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption socket(QStringLiteral("socket"), QStringLiteral("The control socket (default STATE_DIR/sim/idcard.sock)."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption baud(QStringLiteral("baud"), QStringLiteral("Pace replies as this baud rate; 0 for no pacing."),
                                  QStringLiteral("N"), QStringLiteral("115200"));
    const QCommandLineOption card(QStringLiteral("card"), QStringLiteral("Start with this card on the reader: %1.")
                                                              .arg(SimCards::names().join(QStringLiteral(", "))),
                                  QStringLiteral("NAME"));
    parser.addOptions({stateDir, tty, socket, baud, card});
    parser.process(app);

    IdCardSimulator::Options options;
    const QString directory = parser.value(stateDir);
    options.ttyLinkPath = parser.isSet(tty) ? parser.value(tty) : IdCardSimulator::defaultTtyLinkPath(directory);
    options.controlSocketPath = parser.isSet(socket) ? parser.value(socket) : IdCardSimulator::defaultControlSocketPath(directory);
    options.baud = parser.value(baud).toInt();

    QTextStream out(stdout);
    QTextStream err(stderr);
    IdCardSimulator simulator;
    QString error;
    if (!simulator.start(options, &error)) {
        err << "kiosk-devsim: " << error << Qt::endl;
        return 2;
    }
    if (parser.isSet(card))
        out << simulator.execute(QStringLiteral("card present ") + parser.value(card)) << Qt::endl;
    out << "ID card reader simulator\n  serial: " << options.ttyLinkPath << "\n  control: " << options.controlSocketPath
        << "\n  try: kioskctl card read --port " << options.ttyLinkPath << Qt::endl;

    for (int sig : {SIGINT, SIGTERM})
        std::signal(sig, [](int) { QCoreApplication::quit(); });
    const int code = app.exec();
    simulator.stop();
    return code;
}
