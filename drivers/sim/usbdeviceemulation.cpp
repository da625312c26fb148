// GLib's headers use `signals` as a name, which Qt defines as a keyword: they come first.
#include <umockdev.h>

#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>

#include "sim/usbdeviceemulation.h"

#include <QList>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace {

const char *const SysfsPath = "/sys/devices/usb1";

} // namespace

struct UsbDeviceEmulation::Private {
    UsbDeviceEmulation *owner = nullptr;
    Descriptors descriptors;
    UMockdevTestbed *testbed = nullptr;
    UMockdevIoctlBase *handler = nullptr;
    gulong handlerId = 0;

    // Everything below is shared between the caller's thread and umockdev's ioctl thread.
    mutable std::mutex mutex;
    QList<UMockdevIoctlData *> submittedIn; // IN URBs waiting for input
    QList<UMockdevIoctlData *> completed;   // URBs ready to be reaped
    bool unplugged = false;
    Unplug unplugHow = Unplug::Vanish;

    QString descriptorsHex() const
    {
        QByteArray device = QByteArray::fromHex("1201000200000040");
        device.append(static_cast<char>(descriptors.vendorId & 0xFF)).append(static_cast<char>(descriptors.vendorId >> 8));
        device.append(static_cast<char>(descriptors.productId & 0xFF)).append(static_cast<char>(descriptors.productId >> 8));
        device.append(QByteArray::fromHex("0001010203 01"));
        return QString::fromLatin1((device + QByteArray::fromHex(descriptors.configurationHex)).toHex());
    }

    void plugDevice()
    {
        const QByteArray description = QStringLiteral("P: /devices/usb1\n"
                                                      "N: bus/usb/001/001\n"
                                                      "E: SUBSYSTEM=usb\n"
                                                      "E: DRIVER=usb\n"
                                                      "E: BUSNUM=001\n"
                                                      "E: DEVNUM=001\n"
                                                      "E: DEVNAME=/dev/bus/usb/001/001\n"
                                                      "E: DEVTYPE=usb_device\n"
                                                      "A: bConfigurationValue=1\\n\n"
                                                      "A: busnum=1\\n\n"
                                                      "A: devnum=1\\n\n"
                                                      "A: speed=12\\n\n"
                                                      "H: descriptors=%1\n")
                                           .arg(descriptorsHex())
                                           .toLatin1();
        umockdev_testbed_add_from_string(testbed, description.constData(), nullptr);
    }

    // With the mutex held: moves IN URBs that can be served to `completed`.
    void serveIn()
    {
        QByteArray input;
        while (!submittedIn.isEmpty()) {
            auto *urb = reinterpret_cast<usbdevfs_urb *>(submittedIn.first()->data);
            if (!owner->takeInput(urb->buffer_length, &input))
                return;
            UMockdevIoctlData *urbData = submittedIn.takeFirst();
            const int n = static_cast<int>(std::min<qsizetype>(urb->buffer_length, input.size()));
            // The buffer was resolved when the URB was submitted: this pointer is our local copy.
            std::memcpy(urb->buffer, input.constData(), static_cast<size_t>(n));
            urb->actual_length = n;
            urb->status = 0;
            completed.append(urbData);
        }
    }

    gboolean handle(UMockdevIoctlClient *client)
    {
        const gulong request = umockdev_ioctl_client_get_request(client);
        UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
        std::lock_guard lock(mutex);
        const bool reap = request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY;
        if (unplugged && !(unplugHow == Unplug::FailTransfers && reap && !completed.isEmpty())) {
            umockdev_ioctl_client_complete(client, -1, ENODEV);
            return TRUE;
        }
        switch (request) {
        case USBDEVFS_GET_CAPABILITIES: {
            UMockdevIoctlData *caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
            *reinterpret_cast<guint32 *>(caps->data) = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM
                                                       | USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
            umockdev_ioctl_data_unref(caps);
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        }
        case USBDEVFS_CLAIMINTERFACE:
        case USBDEVFS_RELEASEINTERFACE:
        case USBDEVFS_DISCONNECT_CLAIM:
        case USBDEVFS_CLEAR_HALT:
        case USBDEVFS_RESET:
        case USBDEVFS_RESETEP:
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        case USBDEVFS_GETDRIVER:
            umockdev_ioctl_client_complete(client, -1, ENODATA);
            return TRUE;
        case USBDEVFS_SUBMITURB:
            submit(client, arg);
            return TRUE;
        case USBDEVFS_REAPURB:
        case USBDEVFS_REAPURBNDELAY: {
            serveIn();
            if (completed.isEmpty()) {
                umockdev_ioctl_client_complete(client, -1, EAGAIN);
                return TRUE;
            }
            UMockdevIoctlData *urbData = completed.takeFirst();
            UMockdevIoctlData *pointer = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr);
            umockdev_ioctl_data_set_ptr(pointer, 0, urbData);
            umockdev_ioctl_data_unref(pointer);
            umockdev_ioctl_data_unref(urbData);
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        }
        case USBDEVFS_DISCARDURB: {
            const gulong address = *reinterpret_cast<gulong *>(arg->data);
            for (qsizetype i = 0; i < submittedIn.size(); ++i) {
                if (submittedIn.at(i)->client_addr == address) {
                    UMockdevIoctlData *urbData = submittedIn.takeAt(i);
                    reinterpret_cast<usbdevfs_urb *>(urbData->data)->status = -ENOENT;
                    completed.append(urbData);
                    umockdev_ioctl_client_complete(client, 0, 0);
                    return TRUE;
                }
            }
            umockdev_ioctl_client_complete(client, -1, EINVAL);
            return TRUE;
        }
        default:
            return FALSE;
        }
    }

    void submit(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
    {
        UMockdevIoctlData *urbData = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
        auto *urb = reinterpret_cast<usbdevfs_urb *>(urbData->data);
        const bool out = descriptors.endpointOut != 0 && urb->endpoint == descriptors.endpointOut;
        if (urb->type != descriptors.urbType || (urb->endpoint != descriptors.endpointIn && !out)) {
            umockdev_ioctl_data_unref(urbData);
            umockdev_ioctl_client_complete(client, -1, EINVAL);
            return;
        }
        // Resolving the buffer gives a local copy, which the host wrote (OUT) or which serveIn()
        // fills and umockdev syncs back on reaping (IN): the host may be another process
        // (kioskctl under the wrapper).
        UMockdevIoctlData *buffer = umockdev_ioctl_data_resolve(urbData, G_STRUCT_OFFSET(usbdevfs_urb, buffer),
                                                                static_cast<gsize>(urb->buffer_length), nullptr);
        if (out) {
            owner->hostWrote(QByteArray(reinterpret_cast<const char *>(buffer->data), urb->buffer_length));
            urb->actual_length = urb->buffer_length;
            urb->status = 0;
            completed.append(urbData);
        } else {
            submittedIn.append(urbData);
        }
        umockdev_ioctl_data_unref(buffer);
        umockdev_ioctl_client_complete(client, 0, 0);
    }

    static gboolean onIoctl(UMockdevIoctlBase *, UMockdevIoctlClient *client, gpointer self)
    {
        return static_cast<Private *>(self)->handle(client);
    }
};

UsbDeviceEmulation::UsbDeviceEmulation(Descriptors descriptors)
    : d(std::make_unique<Private>())
{
    d->owner = this;
    d->descriptors = std::move(descriptors);
}

UsbDeviceEmulation::~UsbDeviceEmulation()
{
    shutDown();
}

void UsbDeviceEmulation::shutDown()
{
    if (d->handler) {
        g_signal_handler_disconnect(d->handler, d->handlerId);
        g_object_unref(d->handler);
        d->handler = nullptr;
    }
    if (d->testbed) {
        g_object_unref(d->testbed);
        d->testbed = nullptr;
    }
}

bool UsbDeviceEmulation::start(QString *error)
{
    if (!qEnvironmentVariable("LD_PRELOAD").contains(QLatin1String("umockdev"))) {
        if (error)
            *error = QStringLiteral("not running under umockdev's preload library (run the test through umockdev-wrapper)");
        return false;
    }
    d->testbed = umockdev_testbed_new();
    d->handler = umockdev_ioctl_base_new();
    d->handlerId = g_signal_connect(d->handler, "handle-ioctl", G_CALLBACK(&Private::onIoctl), d.get());
    GError *gerror = nullptr;
    if (!umockdev_testbed_attach_ioctl(d->testbed, "/dev/bus/usb/001/001", d->handler, &gerror)) {
        if (error)
            *error = QString::fromUtf8(gerror ? gerror->message : "attach_ioctl failed");
        g_clear_error(&gerror);
        return false;
    }
    d->plugDevice();
    return true;
}

void UsbDeviceEmulation::unplug(Unplug how)
{
    {
        std::lock_guard lock(d->mutex);
        if (d->unplugged)
            return;
        d->unplugged = true;
        d->unplugHow = how;
        dropInput();
        if (how == Unplug::FailTransfers) {
            for (UMockdevIoctlData *urbData : std::as_const(d->submittedIn)) {
                auto *urb = reinterpret_cast<usbdevfs_urb *>(urbData->data);
                urb->actual_length = 0;
                urb->status = -ESHUTDOWN;
                d->completed.append(urbData);
            }
            d->submittedIn.clear();
        }
    }
    umockdev_testbed_uevent(d->testbed, SysfsPath, "remove");
    umockdev_testbed_remove_device(d->testbed, SysfsPath);
}

void UsbDeviceEmulation::plug()
{
    {
        std::lock_guard lock(d->mutex);
        if (!d->unplugged)
            return;
        d->unplugged = false;
    }
    d->plugDevice();
}

bool UsbDeviceEmulation::isUnplugged() const
{
    return d->unplugged;
}

std::mutex &UsbDeviceEmulation::mutex() const
{
    return d->mutex;
}
