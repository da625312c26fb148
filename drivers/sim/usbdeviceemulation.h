#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <mutex>

// A USB device emulated in this process for tests of drivers that speak libusb: umockdev presents
// a device at /dev/bus/usb/001/001 with the given descriptors, and an ioctl handler plays the
// kernel's usbdevfs (capabilities, claim and release, URBs submitted, reaped and discarded). A
// device class says only what its endpoints carry: what the host wrote to the OUT endpoint, and
// the next piece of input an IN URB may take. The process must run under umockdev's preload
// library (`umockdev-wrapper`), and the emulation must exist before anything calls libusb_init().
//
// The hooks run on umockdev's ioctl thread with mutex() held; a device class guards its own state
// with the same mutex.
class UsbDeviceEmulation
{
public:
    // How a device leaves when unplugged.
    enum class Unplug {
        // Every request fails with ENODEV at once, as a reader pulled out between transfers.
        Vanish,
        // Transfers in flight complete with ESHUTDOWN and can still be reaped, as the kernel hands
        // them back, so libusb finishes them instead of waiting forever.
        FailTransfers,
    };

    struct Descriptors {
        quint16 vendorId = 0;
        quint16 productId = 0;
        QByteArray configurationHex; // the configuration, interface and endpoint descriptors
        int urbType = 0;             // USBDEVFS_URB_TYPE_BULK or _INTERRUPT
        quint8 endpointIn = 0x81;
        quint8 endpointOut = 0; // 0: the device has no OUT endpoint
    };

    UsbDeviceEmulation(const UsbDeviceEmulation &) = delete;
    UsbDeviceEmulation &operator=(const UsbDeviceEmulation &) = delete;

    // Creates the testbed and plugs the device in; false (with a reason) outside umockdev.
    [[nodiscard]] bool start(QString *error);

protected:
    explicit UsbDeviceEmulation(Descriptors descriptors);
    virtual ~UsbDeviceEmulation();

    // Bytes the host wrote to the OUT endpoint.
    virtual void hostWrote(const QByteArray &bytes) { Q_UNUSED(bytes) }
    // The next input an IN URB of `room` bytes may take now; false when none is due.
    virtual bool takeInput(qsizetype room, QByteArray *bytes) = 0;
    // The device was unplugged: drop the input not yet taken.
    virtual void dropInput() {}

    // Removes the device (nothing when it is already out) and plugs it back in.
    void unplug(Unplug how);
    void plug();
    // With mutex() held.
    [[nodiscard]] bool isUnplugged() const;
    std::mutex &mutex() const;

    // Stops answering ioctls; a device class calls it first in its destructor, so no hook runs
    // on a half-destroyed object.
    void shutDown();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
