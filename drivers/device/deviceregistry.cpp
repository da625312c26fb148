#include "device/deviceregistry.h"

#include "device/driverslog.h"
#include "device/livenessregistry.h"
#include "device/devicespec.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "camera/cameraoptions.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "sim/simcontrolclient.h"
#include "printer/printer.h"
#include "printer/sim/printersimulator.h"

namespace {

QMap<QString, DeviceRegistry::Factory> &factories()
{
    static QMap<QString, DeviceRegistry::Factory> table;
    return table;
}

DeviceRegistry::CameraFactory &cameraFactory()
{
    static DeviceRegistry::CameraFactory factory;
    return factory;
}

} // namespace

void DeviceRegistry::registerCameraFactory(CameraFactory factory)
{
    cameraFactory() = std::move(factory);
}

void DeviceRegistry::registerFactory(const QString &id, Factory factory)
{
    factories().insert(id, std::move(factory));
}

DeviceRegistry::DeviceRegistry(DeviceRegistryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_liveness(new LivenessRegistry(std::chrono::milliseconds(m_options.workerBeatIntervalMs),
                                      std::chrono::milliseconds(m_options.workerStuckAfterMs), this))
{
}

DeviceRegistry::~DeviceRegistry()
{
    stopAll();
    qDeleteAll(m_devices);
    m_devices.clear();
    delete m_idCardSimulator;
    delete m_scannerSimulator;
    qDeleteAll(m_printerSimulators);
}

bool DeviceRegistry::build(QStringList *errors)
{
    bool ok = true;
    for (auto it = m_options.specs.begin(); it != m_options.specs.end(); ++it) {
        if (it.key() == QLatin1String("id_card_reader")) {
            ok = buildIdCardReader(it.key(), it.value(), errors) && ok;
        } else if (it.key() == QLatin1String("receipt_printer") || it.key() == QLatin1String("document_printer")) {
            ok = buildPrinter(it.key(), it.value(), errors) && ok;
        } else if (it.key() == QLatin1String("barcode_scanner")) {
            ok = buildBarcodeScanner(it.key(), it.value(), errors) && ok;
        } else if ((it.key() == QLatin1String("face_camera") || it.key() == QLatin1String("document_camera")) && cameraFactory()) {
            ok = buildCamera(it.key(), it.value(), errors) && ok;
        } else if (factories().contains(it.key())) {
            ok = buildFromFactory(it.key(), it.value(), errors) && ok;
        } else if (it.value().trimmed() != QLatin1String("none")) {
            m_unsupported << it.key();
        }
    }
    return ok;
}

bool DeviceRegistry::buildIdCardReader(const QString &id, const QString &specText, QStringList *errors)
{
    QString error;
    std::optional<DeviceSpec> spec = DeviceSpec::parse(specText, &error);
    if (!spec) {
        if (errors)
            *errors << QStringLiteral("%1: %2").arg(id, error);
        return false;
    }
    if (spec->kind == DeviceSpec::Kind::None)
        return true;
    if (spec->kind == DeviceSpec::Kind::Simulated) {
        // The simulator speaks the protocol on a pty; the reader below is the real serial driver.
        m_idCardSimulator = new IdCardSimulatorHost;
        IdCardSimulator::Options simulatorOptions;
        simulatorOptions.ttyLinkPath = IdCardSimulator::defaultTtyLinkPath(m_options.stateDirectory);
        simulatorOptions.controlSocketPath = IdCardSimulator::defaultControlSocketPath(m_options.stateDirectory);
        simulatorOptions.baud = m_options.simulatorBaud;
        if (!m_idCardSimulator->start(simulatorOptions, &error)) {
            if (errors)
                *errors << QStringLiteral("%1: the simulator did not start: %2").arg(id, error);
            delete m_idCardSimulator;
            m_idCardSimulator = nullptr;
            return false;
        }
        const QMap<QString, QString> options = spec->options;
        spec = DeviceSpec{};
        spec->kind = DeviceSpec::Kind::Serial;
        spec->path = simulatorOptions.ttyLinkPath;
        spec->baud = m_options.simulatorBaud > 0 ? m_options.simulatorBaud : 115200;
        spec->options = options;
    }
    IdCardReaderOptions readerOptions;
    readerOptions.spec = *spec;
    readerOptions.pollIntervalMs = m_options.idCardPollIntervalMs;
    readerOptions.commandTimeoutMs = spec->intOption(QStringLiteral("timeout"), m_options.idCardCommandTimeoutMs);
    readerOptions.readFingerprint = m_options.idCardReadFingerprint;
    readerOptions.interactiveCheckTimeoutMs = m_options.idCardInteractiveCheckMs;
    readerOptions.photoDecoderPlugin = m_options.idCardPhotoDecoderPlugin;
    auto *reader = new IdCardReader(id, readerOptions, this);
    reader->setStateDirectory(m_options.stateDirectory);
    m_devices.append(reader);
    emit deviceAdded(reader);
    return true;
}

bool DeviceRegistry::buildPrinter(const QString &id, const QString &specText, QStringList *errors)
{
    QString error;
    const std::optional<PrinterAddress> address = PrinterAddress::parse(specText, &error);
    if (!address) {
        if (errors)
            *errors << QStringLiteral("%1: %2").arg(id, error);
        return false;
    }
    if (address->kind == PrinterAddress::Kind::None)
        return true;
    PrinterOptions options;
    options.address = *address;
    options.deviceClass = id;
    options.jobTimeoutS = m_options.printJobTimeoutS;
    options.statusPollMs = m_options.printerStatusPollMs;
    if (address->kind == PrinterAddress::Kind::Simulated) {
        // A real IPP printer (ippeveprinter) on loopback; the printer below is the real libcups driver.
        auto *simulator = new PrinterSimulator;
        PrinterSimulator::Options simulatorOptions;
        simulatorOptions.spoolDirectory = PrinterSimulator::defaultSpoolDirectory(m_options.stateDirectory, id);
        simulatorOptions.name = id == QLatin1String("receipt_printer") ? QStringLiteral("Kiosk Receipt Printer")
                                                                       : QStringLiteral("Kiosk Document Printer");
        if (simulator->start(simulatorOptions, &error)) {
            m_printerSimulators.insert(id, simulator);
            options.address = PrinterAddress::uri(simulator->uri());
        } else {
            // The device still exists, in error, so the kiosk hides printing and says why.
            delete simulator;
            options.unavailableDetail = QStringLiteral("no_device");
            options.unavailableMessage = QStringLiteral("the simulated printer did not start: %1").arg(error);
            if (errors)
                *errors << QStringLiteral("%1: %2").arg(id, options.unavailableMessage);
        }
    }
    auto *printer = new Printer(id, options, this);
    printer->setStateDirectory(m_options.stateDirectory);
    m_devices.append(printer);
    emit deviceAdded(printer);
    return options.unavailableDetail.isEmpty();
}

bool DeviceRegistry::buildBarcodeScanner(const QString &id, const QString &specText, QStringList *errors)
{
    QString text = specText.trimmed();
    if (text == QLatin1String("none"))
        return true;
    QString error;
    if (text == QLatin1String("simulated")
        && SimControlClient::send(ScannerSimulator::defaultControlSocketPath(m_options.stateDirectory), QStringLiteral("status"),
                                  nullptr, nullptr, 500)) {
        // A running kiosk already owns the simulator (this is kioskctl): read its pty, don't replace it.
        text = QStringLiteral("serial:%1").arg(ScannerSimulator::defaultTtyLinkPath(m_options.stateDirectory));
    } else if (text == QLatin1String("simulated")) {
        // A serial scanner on a pty; the scanner below is the real serial driver.
        m_scannerSimulator = new ScannerSimulatorHost;
        ScannerSimulator::Options simulatorOptions;
        simulatorOptions.ttyLinkPath = ScannerSimulator::defaultTtyLinkPath(m_options.stateDirectory);
        simulatorOptions.controlSocketPath = ScannerSimulator::defaultControlSocketPath(m_options.stateDirectory);
        simulatorOptions.baud = m_options.simulatorBaud;
        if (!m_scannerSimulator->start(simulatorOptions, &error)) {
            if (errors)
                *errors << QStringLiteral("%1: the simulator did not start: %2").arg(id, error);
            delete m_scannerSimulator;
            m_scannerSimulator = nullptr;
            return false;
        }
        text = QStringLiteral("serial:%1@%2").arg(simulatorOptions.ttyLinkPath).arg(m_options.simulatorBaud > 0 ? m_options.simulatorBaud : 115200);
    }
    const std::optional<ScannerSpec> spec = ScannerSpec::parse(text, &error);
    if (!spec) {
        if (errors)
            *errors << QStringLiteral("%1: %2").arg(id, error);
        return false;
    }
    auto *scanner = new BarcodeScanner(id, *spec, this);
    scanner->setStateDirectory(m_options.stateDirectory);
    m_devices.append(scanner);
    emit deviceAdded(scanner);
    return true;
}

bool DeviceRegistry::buildCamera(const QString &id, const QString &specText, QStringList *errors)
{
    if (specText.trimmed() == QLatin1String("none"))
        return true;
    CameraOptions options;
    options.role = id == QLatin1String("face_camera") ? CameraOptions::Role::Face : CameraOptions::Role::Document;
    if (options.role == CameraOptions::Role::Face) {
        options.size = m_options.faceCameraSize;
    } else {
        options.size = m_options.documentCameraPreviewSize;
        options.stillSize = m_options.documentCameraSize;
    }
    options.fps = m_options.cameraFps;
    options.previewFps = m_options.cameraPreviewFps;
    options.codeFormats = m_options.cameraCodeFormats;
    QString error;
    const bool valid = options.setSpec(specText, &error);
    // The control socket `kioskctl sim camera` talks to (CameraSimulatorControl).
    if (valid && options.source == CameraOptions::Source::Simulated)
        options.controlSocketPath = CameraOptions::simulatorSocketPath(m_options.stateDirectory, id);
    Device *camera = valid ? cameraFactory()(id, options) : nullptr;
    if (!camera) {
        if (errors)
            *errors << QStringLiteral("%1: %2").arg(id, error.isEmpty() ? QStringLiteral("the camera could not be made") : error);
        return false;
    }
    camera->setParent(this);
    camera->setStateDirectory(m_options.stateDirectory);
    m_devices.append(camera);
    emit deviceAdded(camera);
    return true;
}

bool DeviceRegistry::buildFromFactory(const QString &id, const QString &specText, QStringList *errors)
{
    QString error;
    const std::optional<DeviceSpec> spec = DeviceSpec::parse(specText, &error);
    if (spec && spec->kind == DeviceSpec::Kind::None)
        return true;
    Device *device = spec ? factories().value(id)(id, *spec, m_options, &error) : nullptr;
    if (!device) {
        if (errors)
            *errors << QStringLiteral("%1: %2").arg(id, error);
        return false;
    }
    device->setParent(this);
    device->setStateDirectory(m_options.stateDirectory);
    m_devices.append(device);
    emit deviceAdded(device);
    return true;
}

bool DeviceRegistry::startAll(QStringList *errors)
{
    bool ok = true;
    for (Device *device : std::as_const(m_devices)) {
        QString error;
        if (device->stage() == Device::Stage::Closed && !device->start(&error)) {
            ok = false;
            if (errors)
                *errors << QStringLiteral("%1: %2").arg(device->id(), error);
        }
        m_liveness->watch(device);
    }
    m_liveness->start();
    return ok;
}

void DeviceRegistry::stopAll()
{
    m_liveness->stop();
    for (Device *device : std::as_const(m_devices))
        device->close();
}

Device *DeviceRegistry::device(const QString &id) const
{
    for (Device *device : m_devices) {
        if (device->id() == id)
            return device;
    }
    return nullptr;
}

BarcodeScanner *DeviceRegistry::barcodeScanner() const
{
    for (Device *device : m_devices) {
        if (auto *scanner = qobject_cast<BarcodeScanner *>(device))
            return scanner;
    }
    return nullptr;
}

IdCardReader *DeviceRegistry::idCardReader() const
{
    for (Device *device : m_devices) {
        if (auto *reader = qobject_cast<IdCardReader *>(device))
            return reader;
    }
    return nullptr;
}

Printer *DeviceRegistry::printer(const QString &id) const
{
    return qobject_cast<Printer *>(device(id));
}
