#include "idcard/usbtransport.h"

#include "idcard/samframe.h"

#include <libusb-1.0/libusb.h>

struct UsbTransport::Private {
    Endpoints endpoints;
    libusb_context *context = nullptr;
    libusb_device_handle *handle = nullptr;
    // Without preambles: how many bytes of the current reply are still to come, so that the
    // preamble is put back only in front of a reply's first bytes.
    qsizetype remaining = 0;
    bool busy = false;
    libusb_hotplug_callback_handle hotplug = 0;
    bool hotplugRegistered = false;
    IdCardTransport::Presence presence = IdCardTransport::Presence::Unknown;

    static int LIBUSB_CALL onHotplug(libusb_context *, libusb_device *, libusb_hotplug_event event, void *self)
    {
        static_cast<Private *>(self)->presence = event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED ? IdCardTransport::Presence::Present
                                                                                             : IdCardTransport::Presence::Absent;
        return 0;
    }

    void registerHotplug()
    {
        if (hotplugRegistered || !libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG))
            return;
        const int code = libusb_hotplug_register_callback(
            context, static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            LIBUSB_HOTPLUG_ENUMERATE, endpoints.vendorId, endpoints.productId, LIBUSB_HOTPLUG_MATCH_ANY, &Private::onHotplug,
            this, &hotplug);
        hotplugRegistered = code == LIBUSB_SUCCESS;
        if (hotplugRegistered && presence == IdCardTransport::Presence::Unknown)
            presence = IdCardTransport::Presence::Absent; // ENUMERATE reported no such device
    }
};

namespace {

IdCardTransport::Outcome outcomeOf(int code)
{
    switch (code) {
    case LIBUSB_SUCCESS: return IdCardTransport::Outcome::Ok;
    case LIBUSB_ERROR_TIMEOUT: return IdCardTransport::Outcome::Timeout;
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND:
    case LIBUSB_ERROR_IO:
        return IdCardTransport::Outcome::Vanished;
    default: return IdCardTransport::Outcome::Failed;
    }
}

} // namespace

UsbTransport::UsbTransport(const Endpoints &endpoints)
    : d(std::make_unique<Private>())
{
    d->endpoints = endpoints;
}

UsbTransport::~UsbTransport()
{
    close();
    if (d->hotplugRegistered)
        libusb_hotplug_deregister_callback(d->context, d->hotplug);
    if (d->context)
        libusb_exit(d->context);
}

bool UsbTransport::open(QString *error)
{
    close();
    d->busy = false;
    if (!d->context) {
        const int code = libusb_init(&d->context);
        if (code != LIBUSB_SUCCESS) {
            d->context = nullptr;
            if (error)
                *error = QStringLiteral("libusb: %1").arg(QString::fromLatin1(libusb_strerror(code)));
            return false;
        }
        d->registerHotplug();
    }
    d->handle = libusb_open_device_with_vid_pid(d->context, d->endpoints.vendorId, d->endpoints.productId);
    if (!d->handle) {
        if (error)
            *error = QStringLiteral("%1: no such USB device, or no permission to open it").arg(describe());
        return false;
    }
    libusb_set_auto_detach_kernel_driver(d->handle, 1);
    const int code = libusb_claim_interface(d->handle, d->endpoints.interfaceNumber);
    if (code != LIBUSB_SUCCESS) {
        d->busy = code == LIBUSB_ERROR_BUSY;
        if (error)
            *error = QStringLiteral("%1: cannot claim interface %2: %3")
                         .arg(describe())
                         .arg(d->endpoints.interfaceNumber)
                         .arg(QString::fromLatin1(libusb_strerror(code)));
        close();
        return false;
    }
    d->remaining = 0;
    d->presence = Presence::Present;
    return true;
}

bool UsbTransport::openFailedBusy() const
{
    return d->busy;
}

void UsbTransport::close()
{
    if (!d->handle)
        return;
    libusb_release_interface(d->handle, d->endpoints.interfaceNumber);
    libusb_close(d->handle);
    d->handle = nullptr;
}

bool UsbTransport::isOpen() const
{
    return d->handle != nullptr;
}

IdCardTransport::Outcome UsbTransport::write(const QByteArray &frame, int timeoutMs, QString *error)
{
    if (!d->handle)
        return Outcome::Vanished;
    QByteArray payload = d->endpoints.preamble ? frame : frame.mid(SamFrame::PreambleSize);
    int sent = 0;
    const int code = libusb_bulk_transfer(d->handle, d->endpoints.out, reinterpret_cast<unsigned char *>(payload.data()),
                                          static_cast<int>(payload.size()), &sent, static_cast<unsigned>(timeoutMs));
    if (code != LIBUSB_SUCCESS || sent != payload.size()) {
        if (error)
            *error = QStringLiteral("%1: write: %2").arg(describe(), QString::fromLatin1(libusb_strerror(code)));
        return code == LIBUSB_SUCCESS ? Outcome::Failed : outcomeOf(code);
    }
    return Outcome::Ok;
}

IdCardTransport::Outcome UsbTransport::read(QByteArray *bytes, int timeoutMs, QString *error)
{
    if (!d->handle)
        return Outcome::Vanished;
    QByteArray buffer(4096, '\0');
    int received = 0;
    const int code = libusb_bulk_transfer(d->handle, d->endpoints.in, reinterpret_cast<unsigned char *>(buffer.data()),
                                          static_cast<int>(buffer.size()), &received, static_cast<unsigned>(timeoutMs));
    if (code != LIBUSB_SUCCESS) {
        if (error)
            *error = QStringLiteral("%1: read: %2").arg(describe(), QString::fromLatin1(libusb_strerror(code)));
        return outcomeOf(code);
    }
    if (received == 0)
        return Outcome::Timeout;
    buffer.truncate(received);
    if (!d->endpoints.preamble) {
        if (d->remaining <= 0 && buffer.size() >= 2) {
            const qsizetype length = static_cast<quint8>(buffer[0]) << 8 | static_cast<quint8>(buffer[1]);
            d->remaining = 2 + length;
            bytes->append(SamFrame::Preamble.data(), SamFrame::PreambleSize);
        }
        d->remaining -= buffer.size();
    }
    bytes->append(buffer);
    return Outcome::Ok;
}

void UsbTransport::discardInput()
{
    d->remaining = 0;
}

IdCardTransport::Presence UsbTransport::presence()
{
    if (d->context && d->hotplugRegistered) {
        // Hotplug callbacks run only from inside libusb's event handling; look without waiting.
        timeval zero{0, 0};
        libusb_handle_events_timeout_completed(d->context, &zero, nullptr);
    }
    return d->presence;
}

QString UsbTransport::describe() const
{
    return QStringLiteral("usb:%1:%2")
        .arg(d->endpoints.vendorId, 4, 16, QLatin1Char('0'))
        .arg(d->endpoints.productId, 4, 16, QLatin1Char('0'));
}
