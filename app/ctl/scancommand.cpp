#include "ctlcommand.h"

#include "camerasettings.h"
#include "camera/camera.h"
#include "vision/codereader.h"
#include "common/eventwait.h"
#include "device/deviceregistry.h"
#include "sim/simcontrolclient.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulator.h"

#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

// `kioskctl scan image FILE...` decodes codes in pictures through the camera's own pipeline;
// `kioskctl scan listen` prints what the configured scanner (or a camera) reads; and
// `kioskctl sim scan TEXT` makes the simulated scanner read TEXT (simcommand.cpp hands it here).
namespace {

QStringList configuredFormats(CtlContext &context)
{
    const std::optional<KioskConfig> config = context.loadConfig();
    const QString formats = config ? config->string(QStringLiteral("devices/code_formats")) : QStringLiteral("QRCode");
    QStringList list;
    for (const QString &format : formats.split(QLatin1Char(','), Qt::SkipEmptyParts))
        list << format.trimmed();
    return list;
}

QString describePosition(const QPolygon &position)
{
    QStringList corners;
    for (const QPoint &point : position)
        corners << QStringLiteral("%1,%2").arg(point.x()).arg(point.y());
    return corners.join(QLatin1Char(' '));
}

int scanImages(CtlContext &context, QStringList args)
{
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QStringList formats;
    const qsizetype at = args.indexOf(QStringLiteral("--formats"));
    if (at >= 0 && at + 1 < args.size()) {
        formats = args.at(at + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        args.remove(at, 2);
    } else {
        formats = configuredFormats(context);
    }
    if (args.isEmpty()) {
        context.err << "usage: kioskctl scan image FILE... [--formats QRCode,DataMatrix] [--json]" << Qt::endl;
        return CtlExit::Error;
    }
    const CodeReader reader(formats);
    if (!reader.isValid()) {
        context.err << "kioskctl scan: " << reader.errorString() << Qt::endl;
        return CtlExit::Error;
    }
    bool badFile = false;
    int found = 0;
    QJsonArray results;
    for (const QString &file : std::as_const(args)) {
        QImageReader imageReader(file);
        const QImage image = imageReader.read();
        if (image.isNull()) {
            context.err << file << ": " << imageReader.errorString() << Qt::endl;
            badFile = true;
            continue;
        }
        const QList<DecodedCode> codes = reader.read(image);
        found += int(codes.size());
        for (const DecodedCode &code : codes) {
            if (json) {
                QJsonArray corners;
                for (const QPoint &point : code.position)
                    corners.append(QJsonArray{point.x(), point.y()});
                results.append(QJsonObject{{QStringLiteral("file"), file},
                                           {QStringLiteral("format"), code.format},
                                           {QStringLiteral("text"), code.text},
                                           {QStringLiteral("position"), corners}});
            } else {
                context.out << file << "\t" << code.format << "\t" << code.text << "\t" << describePosition(code.position) << Qt::endl;
            }
        }
        if (codes.isEmpty() && !json)
            context.out << file << "\tno code" << Qt::endl;
    }
    if (json)
        context.out << QJsonDocument(results).toJson(QJsonDocument::Indented);
    if (badFile)
        return CtlExit::Error;
    return found > 0 ? CtlExit::Ok : CtlExit::Negative;
}

int listen(CtlContext &context, QStringList args)
{
    QString id = QStringLiteral("barcode_scanner");
    int count = 0;
    int timeoutS = 0;
    bool bad = args.size() % 2 != 0;
    for (qsizetype i = 0; !bad && i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--device"))
            id = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--count"))
            count = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--timeout"))
            timeoutS = args.at(i + 1).toInt();
        else
            bad = true;
    }
    if (bad || (id != QLatin1String("barcode_scanner") && id != QLatin1String("face_camera") && id != QLatin1String("document_camera"))) {
        context.err << "usage: kioskctl scan listen [--device barcode_scanner|face_camera|document_camera] [--count N] [--timeout S]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    Camera::registerWithDeviceRegistry();
    DeviceRegistryOptions options;
    options.stateDirectory = config->string(QStringLiteral("kiosk/state_dir"));
    options.specs.insert(id, config->string(QStringLiteral("devices/") + id));
    CameraSettings::apply(*config, &options);
    DeviceRegistry registry(options);
    QStringList errors;
    if (!registry.build(&errors) || !registry.device(id)) {
        context.err << "kioskctl scan listen: " << (errors.isEmpty() ? QStringLiteral("%1 is none").arg(id) : errors.join(QLatin1Char('\n')))
                    << Qt::endl;
        return CtlExit::Error;
    }
    EventWait wait(timeoutS > 0 ? std::chrono::milliseconds(timeoutS * 1000) : EventWait::Forever);
    int heard = 0;
    const auto print = [&](const QString &format, const QString &text) {
        context.out << (format.isEmpty() ? QStringLiteral("-") : format) << "\t" << text << Qt::endl;
        if (count > 0 && ++heard >= count)
            wait.end();
    };
    if (BarcodeScanner *scanner = registry.barcodeScanner())
        QObject::connect(scanner, &BarcodeScanner::codeScanned, wait.context(), print);
    if (auto *camera = qobject_cast<Camera *>(registry.device(id))) {
        camera->setMode(Camera::Mode::Codes);
        QObject::connect(camera, &Camera::codeScanned, wait.context(), print);
    }
    QObject::connect(registry.device(id), &Device::healthChanged, wait.context(), [&context, id](const DeviceHealth &health) {
        context.err << id << ": " << DeviceVocabulary::toString(health.level) << " " << health.detail << Qt::endl;
    });
    if (!registry.startAll(&errors)) {
        context.err << "kioskctl scan listen: " << errors.join(QLatin1Char('\n')) << Qt::endl;
        return CtlExit::Error;
    }
    if (registry.scannerSimulator())
        context.err << "listening to the simulated scanner; scan with: kioskctl sim scan TEXT" << Qt::endl;
    wait.exec();
    return heard > 0 ? CtlExit::Ok : CtlExit::Negative;
}

} // namespace

int runScanCommand(CtlContext &context, const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1String("image"))
        return scanImages(context, args.mid(1));
    if (!args.isEmpty() && args.first() == QLatin1String("listen"))
        return listen(context, args.mid(1));
    context.err << "usage: kioskctl scan image FILE... [--formats F,G] [--json]\n"
                << "       kioskctl scan listen [--device ID] [--count N] [--timeout S]" << Qt::endl;
    return CtlExit::Error;
}

// `kioskctl sim scan [--gb18030] [--no-terminator] TEXT...`: the simulated scanner reads TEXT.
int runSimScanCommand(CtlContext &context, const QStringList &args)
{
    QStringList words = args;
    QString socket;
    const qsizetype at = words.indexOf(QStringLiteral("--socket"));
    if (at >= 0 && at + 1 < words.size()) {
        socket = words.at(at + 1);
        words.remove(at, 2);
    }
    if (words.size() < 2) {
        context.err << "usage: kioskctl sim scan [--gb18030] [--no-terminator] TEXT..." << Qt::endl;
        return CtlExit::Error;
    }
    if (socket.isEmpty()) {
        const std::optional<KioskConfig> config = context.loadConfig();
        if (!config)
            return CtlExit::Error;
        socket = ScannerSimulator::defaultControlSocketPath(config->string(QStringLiteral("kiosk/state_dir")));
    }
    QString reply;
    QString error;
    if (!SimControlClient::send(socket, words.join(QLatin1Char(' ')), &reply, &error)) {
        context.err << "kioskctl sim scan: " << error << Qt::endl;
        return CtlExit::Error;
    }
    const bool ok = reply.startsWith(QLatin1String("ok"));
    (ok ? context.out : context.err) << reply << Qt::endl;
    return ok ? CtlExit::Ok : CtlExit::Error;
}
