#include "scanner/barcodescannerworker.h"

#include "device/driverslog.h"
#include "scanner/newlandcommand.h"
#include "scanner/scanpayload.h"

#include <QFile>
#include <QFileInfo>
#include <QSerialPort>
#include <QSocketNotifier>
#include <QTimer>

#include <libusb.h>
#include <linux/input.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace {

constexpr int ReopenIntervalMs = 1000;
constexpr int UsbReadTimeoutMs = 20;

int LIBUSB_CALL onUsbHotplug(libusb_context *, libusb_device *, libusb_hotplug_event event, void *self)
{
    // Runs inside libusb's event handling, i.e. inside pollHidPos() on the worker's thread.
    if (event == LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT)
        *static_cast<bool *>(self) = true;
    return 0;
}

} // namespace

BarcodeScannerWorker::BarcodeScannerWorker(ScannerSpec spec)
    : m_spec(std::move(spec))
{
}

BarcodeScannerWorker::~BarcodeScannerWorker()
{
    closeLink();
    if (m_usb) {
        if (m_usbHotplugRegistered)
            libusb_hotplug_deregister_callback(m_usb, m_usbHotplug);
        libusb_exit(m_usb);
    }
}

void BarcodeScannerWorker::open()
{
    m_wantOpen = true;
    if (!m_silenceTimer) {
        m_silenceTimer = new QTimer(this);
        m_silenceTimer->setSingleShot(true);
        connect(m_silenceTimer, &QTimer::timeout, this, &BarcodeScannerWorker::silence);
        m_reopenTimer = new QTimer(this);
        m_reopenTimer->setInterval(ReopenIntervalMs);
        connect(m_reopenTimer, &QTimer::timeout, this, [this] {
            QString detail;
            if (openLink(&detail)) {
                m_reopenTimer->stop();
                emit presenceChanged(true);
                setHealth(DeviceHealth::ok());
            }
        });
    }
    QString detail;
    if (openLink(&detail)) {
        emit presenceChanged(true);
        setHealth(DeviceHealth::ok());
    } else {
        emit presenceChanged(false);
        setHealth(DeviceHealth::error(detail, detail == QLatin1String("no_device") ? StaffHint::CallService : StaffHint::Reset));
        m_reopenTimer->start();
    }
}

void BarcodeScannerWorker::close()
{
    m_wantOpen = false;
    if (m_reopenTimer)
        m_reopenTimer->stop();
    if (m_silenceTimer)
        m_silenceTimer->stop();
    closeLink();
}

void BarcodeScannerWorker::setEnabled(bool enabled)
{
    // A disabled scanner still drains its link (a resident may scan at any time), but scans
    // are dropped: nothing a resident scanned before the kiosk asked may surface later.
    m_enabled = enabled;
    m_serialBuffer.clear();
    m_serialTooLong = false;
    (void)m_hidPos.finish();
    (void)m_wedge.finish();
}

void BarcodeScannerWorker::triggerScan()
{
    if (m_serial)
        m_serial->write(NewlandCommand::frame(NewlandCommand::TriggerScan));
}

void BarcodeScannerWorker::checkHealth(int level)
{
    const bool open = m_serial || m_evdev >= 0 || m_usbHandle || m_replayTimer;
    emit healthChecked(level, open ? DeviceHealth::ok() : DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
}

bool BarcodeScannerWorker::openLink(QString *detail)
{
    closeLink();
    switch (m_spec.kind) {
    case ScannerSpec::Kind::Serial: {
        m_serial = new QSerialPort(this);
        m_serial->setPortName(m_spec.path);
        m_serial->setBaudRate(m_spec.baud);
        if (!m_serial->open(QIODevice::ReadWrite)) {
            *detail = m_serial->error() == QSerialPort::PermissionError ? QStringLiteral("in_use") : QStringLiteral("no_device");
            delete m_serial;
            m_serial = nullptr;
            return false;
        }
        connect(m_serial, &QSerialPort::readyRead, this, &BarcodeScannerWorker::readSerial);
        connect(m_serial, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
            if (error == QSerialPort::ResourceError)
                lost(QStringLiteral("the serial link failed"));
        });
        return true;
    }
    case ScannerSpec::Kind::Evdev: {
        if (QFileInfo(m_spec.path).isFile()) {
            // A recording of a scanner's events rather than its node: replayed at its own pace,
            // for the demo and for trying a wedge scanner's stream without one. Its keys reach
            // nothing else, so there is nothing to grab.
            QFile recording(m_spec.path);
            if (!recording.open(QIODevice::ReadOnly)) {
                *detail = QStringLiteral("no_device");
                return false;
            }
            m_replay = recording.readAll();
            m_replayAt = 0;
            m_replayFirstUs = -1;
            m_replayClock.start();
            m_replayTimer = new QTimer(this);
            m_replayTimer->setSingleShot(true);
            connect(m_replayTimer, &QTimer::timeout, this, &BarcodeScannerWorker::replayDue);
            m_replayTimer->start(0);
            return true;
        }
        m_evdev = ::open(m_spec.path.toLocal8Bit().constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (m_evdev < 0) {
            *detail = errno == EACCES ? QStringLiteral("no_permission") : QStringLiteral("no_device");
            return false;
        }
        if (m_spec.grab && ::ioctl(m_evdev, EVIOCGRAB, 1) != 0) {
            // Without the grab every scan would also be typed into the UI: refuse rather than leak.
            *detail = errno == EBUSY ? QStringLiteral("in_use") : QStringLiteral("grab_failed");
            ::close(m_evdev);
            m_evdev = -1;
            return false;
        }
        m_evdevNotifier = new QSocketNotifier(m_evdev, QSocketNotifier::Read, this);
        connect(m_evdevNotifier, &QSocketNotifier::activated, this, &BarcodeScannerWorker::readEvdev);
        return true;
    }
    case ScannerSpec::Kind::HidPos: {
        if (!m_usb && libusb_init(&m_usb) != 0) {
            m_usb = nullptr;
            *detail = QStringLiteral("no_usb");
            return false;
        }
        if (!m_usbHotplugRegistered && libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
            m_usbHotplugRegistered = libusb_hotplug_register_callback(
                                         m_usb, LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT, LIBUSB_HOTPLUG_NO_FLAGS, m_spec.vendorId,
                                         m_spec.productId, LIBUSB_HOTPLUG_MATCH_ANY, &onUsbHotplug, &m_usbLeft, &m_usbHotplug)
                                     == LIBUSB_SUCCESS;
        }
        m_usbLeft = false;
        m_usbHandle = libusb_open_device_with_vid_pid(m_usb, m_spec.vendorId, m_spec.productId);
        if (!m_usbHandle) {
            *detail = QStringLiteral("no_device");
            return false;
        }
        libusb_set_auto_detach_kernel_driver(m_usbHandle, 1);
        if (libusb_claim_interface(m_usbHandle, m_spec.interfaceNumber) != 0) {
            libusb_close(m_usbHandle);
            m_usbHandle = nullptr;
            *detail = QStringLiteral("in_use");
            return false;
        }
        m_usbPoll = new QTimer(this);
        m_usbPoll->setInterval(0);
        connect(m_usbPoll, &QTimer::timeout, this, &BarcodeScannerWorker::pollHidPos);
        m_usbPoll->start();
        m_sinceLastReport.start();
        return true;
    }
    }
    return false;
}

void BarcodeScannerWorker::closeLink()
{
    if (m_serial) {
        // Later, not now: the link may be closing from inside one of its own signals.
        m_serial->disconnect(this);
        m_serial->close();
        m_serial->deleteLater();
        m_serial = nullptr;
    }
    if (m_replayTimer) {
        m_replayTimer->stop();
        m_replayTimer->deleteLater();
        m_replayTimer = nullptr;
        m_replay.clear();
        m_evdevBuffer.clear();
        m_lastKeyUs = -1;
    }
    if (m_evdev >= 0) {
        m_evdevNotifier->setEnabled(false);
        m_evdevNotifier->deleteLater();
        m_evdevNotifier = nullptr;
        if (m_spec.grab)
            ::ioctl(m_evdev, EVIOCGRAB, 0);
        ::close(m_evdev);
        m_evdev = -1;
        m_evdevBuffer.clear();
        m_lastKeyUs = -1;
    }
    if (m_usbHandle) {
        m_usbPoll->stop();
        m_usbPoll->deleteLater();
        m_usbPoll = nullptr;
        libusb_release_interface(m_usbHandle, m_spec.interfaceNumber);
        libusb_close(m_usbHandle);
        m_usbHandle = nullptr;
    }
}

int BarcodeScannerWorker::silenceAllowedMs(bool endsWithLineEnd) const
{
    return endsWithLineEnd ? m_spec.lineEndSilenceMs : m_spec.silenceMs;
}

void BarcodeScannerWorker::readSerial()
{
    // A scan is whatever arrives until the line goes quiet: briefly after a line end, longer
    // without one. Cutting at the first CR/LF instead would cut multi-line codes apart.
    const QByteArray chunk = m_serial->readAll();
    if (!m_serialTooLong) {
        m_serialBuffer += chunk;
        if (m_serialBuffer.size() > ScanPayload::MaxBytes) {
            // Dropped whole, and the rest of it too until the line goes quiet; counted then, as
            // one scan, when it has ended.
            m_serialBuffer.clear();
            m_serialTooLong = true;
        }
    }
    if (m_serialBuffer.isEmpty() && !m_serialTooLong) {
        m_silenceTimer->stop();
        return;
    }
    if (!chunk.isEmpty())
        m_silenceTimer->start(silenceAllowedMs(chunk.endsWith('\r') || chunk.endsWith('\n')));
}

void BarcodeScannerWorker::readEvdev()
{
    char chunk[sizeof(input_event) * 64];
    for (;;) {
        const ssize_t got = ::read(m_evdev, chunk, sizeof chunk);
        if (got > 0) {
            m_evdevBuffer.append(chunk, got);
            continue;
        }
        if (got < 0 && (errno == EAGAIN || errno == EINTR))
            break;
        // 0 (the recording's writer went away) or ENODEV (the scanner was unplugged).
        lost(QStringLiteral("the input device went away"));
        return;
    }
    takeEvdevEvents();
}

void BarcodeScannerWorker::replayDue()
{
    // Each event goes when its timestamp, counted from the first, says; then the same decoding
    // as for a device. Nothing more happens once the recording is over.
    constexpr qsizetype Record = qsizetype(sizeof(input_event));
    while (m_replayAt + Record <= m_replay.size()) {
        input_event event;
        std::memcpy(&event, m_replay.constData() + m_replayAt, sizeof event);
        const qint64 atUs = qint64(event.input_event_sec) * 1000000 + event.input_event_usec;
        if (m_replayFirstUs < 0)
            m_replayFirstUs = atUs;
        const qint64 waitMs = (atUs - m_replayFirstUs) / 1000 - m_replayClock.elapsed();
        if (waitMs > 0) {
            m_replayTimer->start(int(qMin<qint64>(waitMs, 60000)));
            break;
        }
        m_evdevBuffer.append(m_replay.constData() + m_replayAt, Record);
        m_replayAt += Record;
    }
    takeEvdevEvents();
    if (m_replayAt + Record > m_replay.size())
        qCInfo(lcDrivers) << "scanner: the recording" << m_spec.path << "was replayed to its end";
}

void BarcodeScannerWorker::takeEvdevEvents()
{
    bool keys = false;
    while (m_evdevBuffer.size() >= qsizetype(sizeof(input_event))) {
        input_event event;
        std::memcpy(&event, m_evdevBuffer.constData(), sizeof event);
        m_evdevBuffer.remove(0, sizeof event);
        if (event.type != EV_KEY)
            continue;
        keys = true;
        // Events read in one go may span several scans: the kernel's timestamps say where the
        // silences were, whenever we got round to reading them.
        const qint64 atUs = qint64(event.input_event_sec) * 1000000 + event.input_event_usec;
        if (m_wedge.isPending() && m_lastKeyUs >= 0 && atUs - m_lastKeyUs >= qint64(silenceAllowedMs(m_wedge.endsWithLineBreak())) * 1000)
            finishWedgeScan();
        m_lastKeyUs = atUs;
        m_wedge.feed(event.type, event.code, event.value);
    }
    if (keys) {
        if (m_wedge.isPending())
            m_silenceTimer->start(silenceAllowedMs(m_wedge.endsWithLineBreak()));
        else
            m_silenceTimer->stop();
    }
}

void BarcodeScannerWorker::pollHidPos()
{
    unsigned char report[HidPosReportAssembler::ReportSize];
    int got = 0;
    const int result = libusb_interrupt_transfer(m_usbHandle, static_cast<unsigned char>(m_spec.inEndpoint), report,
                                                 sizeof report, &got, UsbReadTimeoutMs);
    if (result == LIBUSB_SUCCESS && got > 0) {
        m_sinceLastReport.restart();
        HidPosReportAssembler::Scan scan;
        switch (m_hidPos.feed(QByteArrayView(reinterpret_cast<const char *>(report), got), &scan)) {
        case HidPosReportAssembler::Verdict::Complete:
            deliver(scan.payload, HidPosReportAssembler::symbologyName(scan.symbology));
            break;
        case HidPosReportAssembler::Verdict::Malformed:
            emit counted(QStringLiteral("bad_reports"));
            break;
        case HidPosReportAssembler::Verdict::TooLong:
            tooLong();
            break;
        case HidPosReportAssembler::Verdict::Incomplete:
        case HidPosReportAssembler::Verdict::Ignored:
            break;
        }
        return;
    }
    if (m_usbLeft) {
        lost(QStringLiteral("the USB scanner was unplugged"));
        return;
    }
    if (result == LIBUSB_ERROR_TIMEOUT) {
        if (m_hidPos.isPending() && m_sinceLastReport.elapsed() >= m_spec.silenceMs) {
            if (const std::optional<HidPosReportAssembler::Scan> scan = m_hidPos.finish())
                deliver(scan->payload, HidPosReportAssembler::symbologyName(scan->symbology));
        }
        return;
    }
    lost(QStringLiteral("USB read failed: %1").arg(QString::fromLatin1(libusb_error_name(result))));
}

void BarcodeScannerWorker::silence()
{
    switch (m_spec.kind) {
    case ScannerSpec::Kind::Serial: {
        const QByteArray scan = m_serialBuffer;
        m_serialBuffer.clear();
        if (std::exchange(m_serialTooLong, false))
            tooLong();
        deliver(scan, QString());
        break;
    }
    case ScannerSpec::Kind::Evdev:
        finishWedgeScan();
        break;
    case ScannerSpec::Kind::HidPos:
        break;
    }
}

void BarcodeScannerWorker::finishWedgeScan()
{
    if (const std::optional<QByteArray> scan = m_wedge.finish())
        deliver(*scan, QString());
    for (int dropped = m_wedge.takeDroppedScans(); dropped > 0; --dropped)
        tooLong();
}

void BarcodeScannerWorker::tooLong()
{
    qCWarning(lcDrivers).noquote() << "scanner: dropped a scan longer than" << ScanPayload::MaxBytes << "bytes";
    emit counted(QStringLiteral("scans_too_long"));
}

void BarcodeScannerWorker::deliver(const QByteArray &bytes, const QString &format)
{
    const ScanPayload::Text decoded = ScanPayload::decode(bytes);
    if (decoded.text.isEmpty())
        return;
    emit counted(QStringLiteral("scans"));
    if (!m_enabled) {
        emit counted(QStringLiteral("scans_ignored"));
        return;
    }
    qCInfo(lcDrivers).noquote() << "scanner: scan of" << ScanPayload::describe(format, decoded.text) << "in"
                                << ScanPayload::toString(decoded.encoding);
    if (m_bound && !m_bound->tryEnter()) {
        qCWarning(lcDrivers) << "scanner: scan dropped:" << m_bound->capacity() << "scans wait for the kiosk already";
        return;
    }
    emit scanned(format, decoded.text);
}

void BarcodeScannerWorker::lost(const QString &why)
{
    qCWarning(lcDrivers).noquote() << "scanner lost:" << why;
    closeLink();
    m_serialBuffer.clear();
    m_serialTooLong = false;
    (void)m_hidPos.finish();
    (void)m_wedge.finish();
    emit presenceChanged(false);
    setHealth(DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
    if (m_wantOpen && m_reopenTimer)
        QTimer::singleShot(0, m_reopenTimer, qOverload<>(&QTimer::start));
}

void BarcodeScannerWorker::setHealth(const DeviceHealth &health)
{
    if (health == m_health)
        return;
    m_health = health;
    emit healthChanged(health);
}
