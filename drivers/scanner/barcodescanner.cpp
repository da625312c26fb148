#include "scanner/barcodescanner.h"

BarcodeScanner::BarcodeScanner(const QString &id, ScannerSpec spec, QObject *parent)
    : ThreadedDevice(id, QStringLiteral("barcode_scanner"), spec.toString(), parent)
    , m_spec(std::move(spec))
{
    qRegisterMetaType<DeviceHealth>();
}

BarcodeScanner::~BarcodeScanner()
{
    stopWorker();
}

void BarcodeScanner::triggerScan()
{
    if (stage() == Stage::Enabled)
        callWorker([](BarcodeScannerWorker *worker) { worker->triggerScan(); });
}

bool BarcodeScanner::onOpen(QString *)
{
    startWorker(new BarcodeScannerWorker(m_spec), QStringLiteral("barcode-scanner"), [this](BarcodeScannerWorker *worker) {
        connect(worker, &BarcodeScannerWorker::scanned, this, [this](const QString &format, const QString &text) {
            // A scan queued just before disable() must not surface after it.
            if (stage() == Stage::Enabled)
                emit codeScanned(format, text);
        });
    });
    callWorker([](BarcodeScannerWorker *worker) { worker->open(); });
    return true;
}
