// GLib's headers use `signals` as a name, which Qt defines as a keyword: they come first.
#include <umockdev.h>

#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>

#include "scanner/sim/hidposemulation.h"

#include "scanner/hidposreport.h"

#include <QList>

#include <cerrno>
#include <cstring>
#include <deque>
#include <mutex>

namespace {

constexpr unsigned char EndpointIn = 0x81;
const char *const SysfsPath = "/sys/devices/usb1";

} // namespace

struct HidPosEmulation::Private {
    quint16 vendorId = 0;
    quint16 productId = 0;
    UMockdevTestbed *testbed = nullptr;
    UMockdevIoctlBase *handler = nullptr;
    gulong handlerId = 0;

    // Shared between the caller's thread and umockdev's ioctl thread.
    mutable std::mutex mutex;
    std::deque<QByteArray> reports;
    QList<UMockdevIoctlData *> submittedIn;
    QList<UMockdevIoctlData *> completed;
    bool unplugged = false;
    int delivered = 0;

    QString descriptors() const
    {
        QByteArray device = QByteArray::fromHex("1201000200000040");
        device.append(char(vendorId & 0xFF)).append(char(vendorId >> 8));
        device.append(char(productId & 0xFF)).append(char(productId >> 8));
        device.append(QByteArray::fromHex("0001010203 01"));
        // One HID interface (class 03, no boot protocol) with one interrupt IN endpoint.
        const QByteArray configuration = QByteArray::fromHex("0902190001010080 32"
                                                             "090400000103000000"
                                                             "0705810340 0001");
        return QString::fromLatin1((device + configuration).toHex());
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
                                           .arg(descriptors())
                                           .toLatin1();
        umockdev_testbed_add_from_string(testbed, description.constData(), nullptr);
    }

    // With the mutex held: each waiting IN URB takes one whole report.
    void serveIn()
    {
        while (!submittedIn.isEmpty() && !reports.empty()) {
            UMockdevIoctlData *urbData = submittedIn.takeFirst();
            auto *urb = reinterpret_cast<usbdevfs_urb *>(urbData->data);
            const QByteArray report = reports.front();
            reports.pop_front();
            const int n = int(std::min<qsizetype>(urb->buffer_length, report.size()));
            std::memcpy(urb->buffer, report.constData(), size_t(n));
            urb->actual_length = n;
            urb->status = 0;
            ++delivered;
            completed.append(urbData);
        }
    }

    gboolean handle(UMockdevIoctlClient *client)
    {
        const gulong request = umockdev_ioctl_client_get_request(client);
        UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
        std::lock_guard lock(mutex);
        // An unplugged device still hands back the URBs it failed, as the kernel does, so
        // libusb can finish the transfers in flight instead of waiting for them forever.
        const bool reap = request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY;
        if (unplugged && !(reap && !completed.isEmpty())) {
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
        case USBDEVFS_SUBMITURB: {
            UMockdevIoctlData *urbData = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
            auto *urb = reinterpret_cast<usbdevfs_urb *>(urbData->data);
            if (urb->type != USBDEVFS_URB_TYPE_INTERRUPT || urb->endpoint != EndpointIn) {
                umockdev_ioctl_data_unref(urbData);
                umockdev_ioctl_client_complete(client, -1, EINVAL);
                return TRUE;
            }
            submittedIn.append(urbData);
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        }
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

    static gboolean onIoctl(UMockdevIoctlBase *, UMockdevIoctlClient *client, gpointer self)
    {
        return static_cast<Private *>(self)->handle(client);
    }
};

HidPosEmulation::HidPosEmulation(quint16 vendorId, quint16 productId)
    : d(std::make_unique<Private>())
{
    d->vendorId = vendorId;
    d->productId = productId;
}

HidPosEmulation::~HidPosEmulation()
{
    if (d->handler) {
        g_signal_handler_disconnect(d->handler, d->handlerId);
        g_object_unref(d->handler);
    }
    if (d->testbed)
        g_object_unref(d->testbed);
}

bool HidPosEmulation::start(QString *error)
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

void HidPosEmulation::scan(const QByteArray &payload, quint8 symbology)
{
    std::lock_guard lock(d->mutex);
    for (const QByteArray &report : HidPosReportAssembler::encode(payload, symbology))
        d->reports.push_back(report);
}

void HidPosEmulation::sendReport(const QByteArray &report)
{
    std::lock_guard lock(d->mutex);
    d->reports.push_back(report);
}

void HidPosEmulation::unplug()
{
    {
        std::lock_guard lock(d->mutex);
        if (d->unplugged)
            return;
        d->unplugged = true;
        d->reports.clear();
        for (UMockdevIoctlData *urbData : std::as_const(d->submittedIn)) {
            auto *urb = reinterpret_cast<usbdevfs_urb *>(urbData->data);
            urb->actual_length = 0;
            urb->status = -ESHUTDOWN;
            d->completed.append(urbData);
        }
        d->submittedIn.clear();
    }
    umockdev_testbed_uevent(d->testbed, SysfsPath, "remove");
    umockdev_testbed_remove_device(d->testbed, SysfsPath);
}

void HidPosEmulation::plug()
{
    {
        std::lock_guard lock(d->mutex);
        if (!d->unplugged)
            return;
        d->unplugged = false;
    }
    d->plugDevice();
}

int HidPosEmulation::reportsDelivered() const
{
    std::lock_guard lock(d->mutex);
    return d->delivered;
}
