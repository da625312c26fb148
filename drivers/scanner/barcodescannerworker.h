#pragma once

#include "device/devicehealth.h"
#include "device/handoffbound.h"
#include "scanner/hidposreport.h"
#include "scanner/scannerspec.h"
#include "scanner/wedgekeydecoder.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QSerialPort;
class QSocketNotifier;
class QTimer;
struct libusb_context;
struct libusb_device_handle;

// The scanner's I/O on its own thread: reads the configured link (serial bytes, HID-POS reports
// or evdev key events), cuts it into scans (a line end followed by a short silence, or a longer
// silence without one: line breaks inside a multi-line code survive), decodes each and reports
// it. Key events are timed by the kernel's timestamps, not by when they were read. Reopens a link
// that vanished once a second. Only BarcodeScanner talks to it.
class BarcodeScannerWorker : public QObject
{
    Q_OBJECT
public:
    explicit BarcodeScannerWorker(ScannerSpec spec);
    ~BarcodeScannerWorker() override;

    // The bound of the scans waiting for the driver; set before the worker's thread starts.
    void setHandoffBound(std::shared_ptr<HandoffBound> bound) { m_bound = std::move(bound); }

public slots:
    void open();
    void close();
    void setEnabled(bool enabled);
    void triggerScan();
    void checkHealth(int level);

signals:
    void healthChanged(const DeviceHealth &health);
    void healthChecked(int level, const DeviceHealth &health);
    void presenceChanged(bool present);
    void scanned(const QString &format, const QString &text);
    void counted(const QString &counter, qint64 amount = 1);

private:
    bool openLink(QString *detail);
    void closeLink();
    void readSerial();
    void readEvdev();
    // Decodes the whole input_event records gathered in m_evdevBuffer.
    void takeEvdevEvents();
    void replayDue();
    void pollHidPos();
    void silence();
    // How long the scan typed so far may stay silent before it counts as ended.
    [[nodiscard]] int silenceAllowedMs(bool endsWithLineEnd) const;
    void finishWedgeScan();
    // Counts a scan dropped for growing past ScanPayload::MaxBytes.
    void tooLong();
    void deliver(const QByteArray &bytes, const QString &format);
    void lost(const QString &why);
    void setHealth(const DeviceHealth &health);

    ScannerSpec m_spec;
    std::shared_ptr<HandoffBound> m_bound;
    QSerialPort *m_serial = nullptr;
    int m_evdev = -1;
    QSocketNotifier *m_evdevNotifier = nullptr;
    QByteArray m_evdevBuffer;
    qint64 m_lastKeyUs = -1;        // the kernel's time of the last key event, in microseconds
    QByteArray m_replay;            // evdev: a recording being replayed instead of a device
    qsizetype m_replayAt = 0;
    qint64 m_replayFirstUs = -1;
    QElapsedTimer m_replayClock;
    QTimer *m_replayTimer = nullptr;
    libusb_context *m_usb = nullptr;
    libusb_device_handle *m_usbHandle = nullptr;
    QTimer *m_usbPoll = nullptr;
    int m_usbHotplug = 0;           // libusb_hotplug_callback_handle
    bool m_usbHotplugRegistered = false;
    bool m_usbLeft = false;         // set by the hotplug callback
    QElapsedTimer m_sinceLastReport;
    QTimer *m_silenceTimer = nullptr;
    QTimer *m_reopenTimer = nullptr;
    QByteArray m_serialBuffer;
    bool m_serialTooLong = false;   // the rest of a scan that grew too long is being drained
    HidPosReportAssembler m_hidPos;
    WedgeKeyDecoder m_wedge;
    bool m_enabled = false;
    bool m_wantOpen = false;
    DeviceHealth m_health;
};
