#pragma once

#include "device/device.h"

#include <QList>
#include <QMap>
#include <QSize>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class BarcodeScanner;
struct CameraOptions;
class IdCardReader;
class IdCardSimulatorHost;
class LivenessRegistry;
class Printer;
class PrinterSimulator;
class ScannerSimulatorHost;

// What the registry needs to build the devices, in plain terms: the app fills it from its
// configuration (drivers/ never reads the configuration itself).
struct DeviceSpec;

struct DeviceRegistryOptions {
    QString stateDirectory;           // statistics (devices/<id>.json) and simulators (sim/…)
    QMap<QString, QString> specs;     // device id -> spec: "id_card_reader" -> "simulated"
    int idCardPollIntervalMs = 500;
    int idCardCommandTimeoutMs = 1000;
    int idCardInteractiveCheckMs = 30000; // how long an interactive check waits for a card
    bool idCardReadFingerprint = false;
    QString idCardPhotoDecoderPlugin; // empty: photos stay undecoded
    int simulatorBaud = 115200;       // pacing of in-process simulators' serial links
    QSize faceCameraSize{640, 480};   // cameras: the resolution asked of the device
    QSize documentCameraSize{3264, 2448};      // pages are taken at this resolution…
    QSize documentCameraPreviewSize{1280, 960}; // …while the live picture runs at this one
    int cameraFps = 30;
    int cameraPreviewFps = 25;        // at most this many frames a second of each camera reach the screen
    QStringList cameraCodeFormats{QStringLiteral("QRCode")}; // what a camera decodes (ZXing names)
    int printJobTimeoutS = 120;       // a print job not finished by then is reported aborted
    int printerStatusPollMs = 2000;   // how often printers are asked for their state
    // Worker threads are sent a beat this often; one that leaves it unanswered this long is
    // stuck and its device restarts. Generous: a worker may block for a command's timeout.
    int workerBeatIntervalMs = 5000;
    int workerStuckAfterMs = 60000;
};

// Builds the configured devices, starts simulators for those configured as `simulated` (the real
// driver then opens the simulator's pty), and owns them all. Device ids name the class:
// `id_card_reader` is built in; other classes plug in with registerFactory(). Ids with neither
// are listed in unsupported().
class DeviceRegistry : public QObject
{
    Q_OBJECT
public:
    // Makes the device for `id` from its parsed spec (never Kind::None), or null with `error`.
    // A factory handles `simulated` itself (starting whatever simulator its class has).
    using Factory = std::function<Device *(const QString &id, const DeviceSpec &spec, const DeviceRegistryOptions &options,
                                           QString *error)>;
    // Registers the factory for a device id, for every registry built afterwards.
    static void registerFactory(const QString &id, Factory factory);
    // Cameras need OpenCV, which only kioskvision links: it registers Camera's constructor here
    // (Camera::registerWithDeviceRegistry()); without it cameras are listed in unsupported().
    using CameraFactory = std::function<Device *(const QString &id, const CameraOptions &options)>;
    static void registerCameraFactory(CameraFactory factory);

    explicit DeviceRegistry(DeviceRegistryOptions options, QObject *parent = nullptr);
    ~DeviceRegistry() override;

    // Creates every device it can; each spec that fails to parse or start is one line in `errors`.
    // Devices are created closed: call startAll() (or each device's start()) next.
    bool build(QStringList *errors);
    // open → claim → enable every device; false if any refused (the others still run).
    bool startAll(QStringList *errors = nullptr);
    void stopAll();

    [[nodiscard]] QList<Device *> devices() const { return m_devices; }
    [[nodiscard]] Device *device(const QString &id) const;
    [[nodiscard]] IdCardReader *idCardReader() const;
    // The `barcode_scanner`, null when `none`. Cameras: qobject_cast<Camera *>(device("face_camera")).
    [[nodiscard]] BarcodeScanner *barcodeScanner() const;
    // The in-process scanner simulator when the scanner is `simulated`; its control socket is
    // ScannerSimulator::defaultControlSocketPath(stateDirectory) (`kioskctl sim scan TEXT`).
    [[nodiscard]] ScannerSimulatorHost *scannerSimulator() const { return m_scannerSimulator; }
    // `receipt_printer` or `document_printer`; null when `none`.
    [[nodiscard]] Printer *printer(const QString &id) const;
    // The ippeveprinter started for a `simulated` printer, else null.
    [[nodiscard]] PrinterSimulator *printerSimulator(const QString &id) const { return m_printerSimulators.value(id); }
    [[nodiscard]] QStringList unsupported() const { return m_unsupported; }
    // The pulse of every device's worker thread; watching from startAll() to stopAll().
    [[nodiscard]] LivenessRegistry *liveness() const { return m_liveness; }

    // The in-process ID card simulator when the reader is `simulated`, else null. Its control
    // socket is IdCardSimulator::defaultControlSocketPath(stateDirectory).
    [[nodiscard]] IdCardSimulatorHost *idCardSimulator() const { return m_idCardSimulator; }

signals:
    void deviceAdded(Device *device);

private:
    bool buildIdCardReader(const QString &id, const QString &specText, QStringList *errors);
    bool buildBarcodeScanner(const QString &id, const QString &specText, QStringList *errors);
    bool buildCamera(const QString &id, const QString &specText, QStringList *errors);
    bool buildFromFactory(const QString &id, const QString &specText, QStringList *errors);
    bool buildPrinter(const QString &id, const QString &specText, QStringList *errors);

    DeviceRegistryOptions m_options;
    QList<Device *> m_devices;
    QStringList m_unsupported;
    IdCardSimulatorHost *m_idCardSimulator = nullptr;
    ScannerSimulatorHost *m_scannerSimulator = nullptr;
    QMap<QString, PrinterSimulator *> m_printerSimulators;
    LivenessRegistry *m_liveness = nullptr;
};
