#include "ctlcommand.h"

#include "idcard/sim/idcardsimulator.h"
#include "idcard/sim/samreaderemulator.h"
#include "idcard/sim/simcards.h"
#include "sim/simcontrolclient.h"

// `kioskctl sim …`: drives a running ID card simulator (inside the kiosk with a `simulated`
// reader, or kiosk-devsim) through its control socket under the configured state directory;
// `sim scan` and `sim camera` do the same for the simulated scanner and cameras.
int runSimScanCommand(CtlContext &context, const QStringList &args);   // scancommand.cpp
int runSimCameraCommand(CtlContext &context, const QStringList &args); // cameracommand.cpp

int runSimCommand(CtlContext &context, const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1String("scan"))
        return runSimScanCommand(context, args);
    if (!args.isEmpty() && args.first() == QLatin1String("camera"))
        return runSimCameraCommand(context, args.mid(1));
    QStringList words = args;
    QString socket;
    const qsizetype at = words.indexOf(QStringLiteral("--socket"));
    if (at >= 0 && at + 1 < words.size()) {
        socket = words.at(at + 1);
        words.remove(at, 2);
    }
    const bool valid = (words.size() == 3 && words.at(0) == QLatin1String("card") && words.at(1) == QLatin1String("present"))
                       || (words.size() == 2 && words.at(0) == QLatin1String("card") && words.at(1) == QLatin1String("remove"))
                       || ((words.size() == 2 || words.size() == 3) && words.at(0) == QLatin1String("fault"))
                       || (words.size() == 1 && words.at(0) == QLatin1String("status"));
    if (!valid) {
        context.err << "usage: kioskctl sim card present " << SimCards::names().join(QLatin1Char('|')) << "\n"
                    << "       kioskctl sim card remove\n"
                    << "       kioskctl sim fault none|" << SamReaderEmulator::faultNames().join(QLatin1Char('|')) << "\n"
                    << "       kioskctl sim fault sam_read_error [SW3]   (reads answer a SAM fault, 31 unless given)\n"
                    << "       kioskctl sim status\n"
                    << "       kioskctl sim scan TEXT...   (the simulated QR scanner)\n"
                    << "       kioskctl sim camera code TEXT... | face absent|live|photo   (the simulated cameras)\n"
                    << "       (--socket PATH: another simulator than the configured state directory's)" << Qt::endl;
        return CtlExit::Error;
    }
    if (socket.isEmpty()) {
        const std::optional<KioskConfig> config = context.loadConfig();
        if (!config)
            return CtlExit::Error;
        socket = IdCardSimulator::defaultControlSocketPath(config->string(QStringLiteral("kiosk/state_dir")));
    }
    QString reply;
    QString error;
    if (!SimControlClient::send(socket, words.join(QLatin1Char(' ')), &reply, &error)) {
        context.err << "kioskctl sim: " << error << Qt::endl;
        return CtlExit::Error;
    }
    const bool ok = reply.startsWith(QLatin1String("ok"));
    (ok ? context.out : context.err) << reply << Qt::endl;
    return ok ? CtlExit::Ok : CtlExit::Error;
}
