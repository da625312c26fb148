// GLib's headers use `signals` as a name, which Qt defines as a keyword: they come first.
#include <umockdev.h>

#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>

#include "idcard/sim/usbreaderemulation.h"

#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/sim/samreaderemulator.h"
#include "idcard/sim/simcards.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <deque>
#include <mutex>

namespace {

constexpr unsigned char EndpointIn = 0x81;
constexpr unsigned char EndpointOut = 0x02;
const char *const SysfsPath = "/sys/devices/usb1";

// One reply piece the host may collect once `readyAtMs` has passed.
struct Chunk {
    qint64 readyAtMs = 0;
    QByteArray bytes;
};

} // namespace

struct UsbReaderEmulation::Private {
    Identity identity;
    UMockdevTestbed *testbed = nullptr;
    UMockdevIoctlBase *handler = nullptr;
    gulong handlerId = 0;

    // Everything below is shared between the caller's thread and umockdev's ioctl thread.
    mutable std::mutex mutex;
    SamReaderEmulator emulator;
    SamFrameAssembler assembler{3};
    std::deque<Chunk> pendingIn;
    QList<UMockdevIoctlData *> submittedIn;  // IN URBs waiting for reply bytes
    QList<UMockdevIoctlData *> completed;    // URBs ready to be reaped
    QElapsedTimer clock;
    bool unplugged = false;
    int answered = 0;

    QString descriptors() const
    {
        QByteArray device = QByteArray::fromHex("1201000200000040");
        device.append(static_cast<char>(identity.vendorId & 0xFF)).append(static_cast<char>(identity.vendorId >> 8));
        device.append(static_cast<char>(identity.productId & 0xFF)).append(static_cast<char>(identity.productId >> 8));
        device.append(QByteArray::fromHex("0001010203 01"));
        const QByteArray configuration = QByteArray::fromHex("0902200001010080 32"
                                                             "090400000002ff0000 00"
                                                             "0705810240 0000"
                                                             "0705020240 0000");
        return QString::fromLatin1((device + configuration).toHex());
    }

    void plug()
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

    // Called with the mutex held, for bytes the host wrote to the OUT endpoint.
    void hostWrote(QByteArray bytes)
    {
        if (!identity.preamble)
            bytes.prepend(SamFrame::Preamble.data(), SamFrame::PreambleSize);
        assembler.feed(bytes);
        while (const auto result = assembler.next()) {
            if (result->error != SamFrameAssembler::Error::None)
                continue;
            const auto request = SamFrame::parseRequest(result->body);
            if (!request)
                continue;
            ++answered;
            qint64 readyAt = clock.elapsed();
            bool first = true;
            for (const SamReaderEmulator::Segment &segment : emulator.handle(*request)) {
                readyAt += segment.delayMs;
                QByteArray piece = segment.bytes;
                if (!identity.preamble && first && piece.startsWith(QByteArrayView(SamFrame::Preamble.data(), SamFrame::PreambleSize)))
                    piece.remove(0, SamFrame::PreambleSize);
                first = false;
                pendingIn.push_back({readyAt, piece});
            }
        }
    }

    // Called with the mutex held: moves IN URBs that can be served to `completed`.
    void serveIn()
    {
        while (!submittedIn.isEmpty() && !pendingIn.empty() && pendingIn.front().readyAtMs <= clock.elapsed()) {
            UMockdevIoctlData *urbData = submittedIn.takeFirst();
            auto *urb = reinterpret_cast<usbdevfs_urb *>(urbData->data);
            Chunk &chunk = pendingIn.front();
            const int n = static_cast<int>(std::min<qsizetype>(urb->buffer_length, chunk.bytes.size()));
            // The buffer was resolved when the URB was submitted: this pointer is our local copy.
            memcpy(urb->buffer, chunk.bytes.constData(), static_cast<size_t>(n));
            urb->actual_length = n;
            urb->status = 0;
            chunk.bytes.remove(0, n);
            if (chunk.bytes.isEmpty())
                pendingIn.pop_front();
            completed.append(urbData);
        }
    }

    gboolean handle(UMockdevIoctlClient *client)
    {
        const gulong request = umockdev_ioctl_client_get_request(client);
        UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
        std::lock_guard lock(mutex);
        if (unplugged) {
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
            if (urb->type != USBDEVFS_URB_TYPE_BULK || (urb->endpoint != EndpointIn && urb->endpoint != EndpointOut)) {
                umockdev_ioctl_data_unref(urbData);
                umockdev_ioctl_client_complete(client, -1, EINVAL);
                return TRUE;
            }
            if (urb->endpoint == EndpointOut) {
                UMockdevIoctlData *buffer = umockdev_ioctl_data_resolve(urbData, G_STRUCT_OFFSET(usbdevfs_urb, buffer),
                                                                        static_cast<gsize>(urb->buffer_length), nullptr);
                hostWrote(QByteArray(reinterpret_cast<const char *>(buffer->data), urb->buffer_length));
                umockdev_ioctl_data_unref(buffer);
                urb->actual_length = urb->buffer_length;
                urb->status = 0;
                completed.append(urbData);
            } else {
                // Resolving the buffer now gives a local copy that serveIn() fills and umockdev
                // syncs back on reaping: the host may be another process (kioskctl under the wrapper).
                UMockdevIoctlData *buffer = umockdev_ioctl_data_resolve(urbData, G_STRUCT_OFFSET(usbdevfs_urb, buffer),
                                                                        static_cast<gsize>(urb->buffer_length), nullptr);
                umockdev_ioctl_data_unref(buffer);
                submittedIn.append(urbData);
            }
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

UsbReaderEmulation::UsbReaderEmulation(const Identity &identity)
    : d(std::make_unique<Private>())
{
    d->identity = identity;
    d->clock.start();
}

UsbReaderEmulation::~UsbReaderEmulation()
{
    if (d->handler) {
        g_signal_handler_disconnect(d->handler, d->handlerId);
        g_object_unref(d->handler);
    }
    if (d->testbed)
        g_object_unref(d->testbed);
}

bool UsbReaderEmulation::start(QString *error)
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
    d->plug();
    return true;
}

QString UsbReaderEmulation::execute(const QString &commandLine)
{
    const QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::unique_lock lock(d->mutex);
    if (words.size() == 3 && words.at(0) == QLatin1String("card") && words.at(1) == QLatin1String("present")) {
        const std::optional<IdCardHolder> card = SimCards::card(words.at(2));
        if (!card)
            return QStringLiteral("error: no card called %1").arg(words.at(2));
        d->emulator.present(*card);
        return QStringLiteral("ok");
    }
    if (words == QStringList{QStringLiteral("card"), QStringLiteral("remove")}) {
        d->emulator.remove();
        return QStringLiteral("ok");
    }
    if ((words.size() == 2 || words.size() == 3) && words.at(0) == QLatin1String("fault")) {
        if (words.at(1) == QLatin1String("none") && words.size() == 2) {
            d->emulator.clearFaults();
            if (d->unplugged) {
                d->unplugged = false;
                d->emulator.powerCycle();
                lock.unlock();
                d->plug();
            }
            return QStringLiteral("ok");
        }
        QString error;
        const auto fault = d->emulator.setFault(words.at(1), words.value(2), &error);
        if (!fault)
            return QStringLiteral("error: ") + error;
        if (*fault == SamReaderEmulator::Fault::Unplug && !d->unplugged) {
            d->unplugged = true;
            d->pendingIn.clear();
            lock.unlock();
            umockdev_testbed_uevent(d->testbed, SysfsPath, "remove");
            umockdev_testbed_remove_device(d->testbed, SysfsPath);
        }
        return QStringLiteral("ok");
    }
    return QStringLiteral("error: unknown command");
}

int UsbReaderEmulation::commandsAnswered() const
{
    std::lock_guard lock(d->mutex);
    return d->answered;
}

int UsbReaderEmulation::samResetsReceived() const
{
    std::lock_guard lock(d->mutex);
    return d->emulator.samResetsReceived();
}
