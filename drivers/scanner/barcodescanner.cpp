#include "scanner/barcodescanner.h"

#include "scanner/barcodescannerworker.h"

#include <QThread>

BarcodeScanner::BarcodeScanner(const QString &id, ScannerSpec spec, QObject *parent)
    : Device(id, QStringLiteral("barcode_scanner"), spec.toString(), parent)
    , m_spec(std::move(spec))
{
    qRegisterMetaType<DeviceHealth>();
}

BarcodeScanner::~BarcodeScanner()
{
    stopThread();
}

void BarcodeScanner::triggerScan()
{
    if (m_worker && stage() == Stage::Enabled)
        QMetaObject::invokeMethod(m_worker, &BarcodeScannerWorker::triggerScan, Qt::QueuedConnection);
}

bool BarcodeScanner::onOpen(QString *)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("barcode-scanner"));
    m_worker = new BarcodeScannerWorker(m_spec);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &BarcodeScannerWorker::healthChanged, this, [this](const DeviceHealth &health) {
        setHealth(health);
        setState(health.level == HealthLevel::Error ? State::Error : State::Idle);
    });
    connect(m_worker, &BarcodeScannerWorker::healthChecked, this,
            [this](int level, const DeviceHealth &health) { reportHealthCheck(static_cast<HealthCheckLevel>(level), health); });
    connect(m_worker, &BarcodeScannerWorker::presenceChanged, this, &BarcodeScanner::setPresent);
    connect(m_worker, &BarcodeScannerWorker::counted, this, [this](const QString &counter) { count(counter); });
    connect(m_worker, &BarcodeScannerWorker::scanned, this, [this](const QString &format, const QString &text) {
        // A scan queued just before disable() must not surface after it.
        if (stage() == Stage::Enabled)
            emit codeScanned(format, text);
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &BarcodeScannerWorker::openScanner, Qt::QueuedConnection);
    return true;
}

bool BarcodeScanner::onEnable(QString *)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setEnabled(true); }, Qt::QueuedConnection);
    return true;
}

void BarcodeScanner::onDisable()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setEnabled(false); }, Qt::QueuedConnection);
}

void BarcodeScanner::onClose()
{
    stopThread();
}

void BarcodeScanner::onCheckHealth(HealthCheckLevel level)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, level] { worker->checkHealth(static_cast<int>(level)); },
                              Qt::QueuedConnection);
}

void BarcodeScanner::stopThread()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &BarcodeScannerWorker::closeScanner, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}
