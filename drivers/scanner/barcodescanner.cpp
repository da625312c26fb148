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
    // A fresh bound for each worker: scans a stuck worker left waiting never arrive to leave it.
    m_scans = std::make_shared<HandoffBound>(ScanQueueCapacity);
    auto *scanWorker = new BarcodeScannerWorker(m_spec);
    scanWorker->setHandoffBound(m_scans);
    startWorker(scanWorker, QStringLiteral("barcode-scanner"), [this](BarcodeScannerWorker *worker) {
        connect(worker, &BarcodeScannerWorker::scanned, this, [this, bound = m_scans](const QString &format, const QString &text) {
            bound->leave();
            if (const qint64 dropped = bound->takeDropped())
                count(QStringLiteral("scans_dropped"), dropped);
            // A scan queued just before disable() must not surface after it.
            if (stage() == Stage::Enabled)
                emit codeScanned(format, text);
        });
    });
    callWorker([](BarcodeScannerWorker *worker) { worker->open(); });
    return true;
}
