#include "scanner/sim/hidposemulation.h"

#include "scanner/hidposreport.h"

#include <QList>

#include <linux/usbdevice_fs.h>

#include <deque>
#include <mutex>

struct HidPosEmulation::Private {
    // Guarded by the base's mutex: shared with umockdev's ioctl thread.
    std::deque<QByteArray> reports;
    int delivered = 0;
};

namespace {

UsbDeviceEmulation::Descriptors descriptorsOf(quint16 vendorId, quint16 productId)
{
    UsbDeviceEmulation::Descriptors descriptors;
    descriptors.vendorId = vendorId;
    descriptors.productId = productId;
    // One HID interface (class 03, no boot protocol) with one interrupt IN endpoint.
    descriptors.configurationHex = "0902190001010080 32"
                                   "090400000103000000"
                                   "0705810340 0001";
    descriptors.urbType = USBDEVFS_URB_TYPE_INTERRUPT;
    descriptors.endpointIn = 0x81;
    return descriptors;
}

} // namespace

HidPosEmulation::HidPosEmulation(quint16 vendorId, quint16 productId)
    : UsbDeviceEmulation(descriptorsOf(vendorId, productId))
    , d(std::make_unique<Private>())
{
}

HidPosEmulation::~HidPosEmulation()
{
    shutDown();
}

bool HidPosEmulation::takeInput(qsizetype, QByteArray *bytes)
{
    // Each waiting IN URB takes one whole report.
    if (d->reports.empty())
        return false;
    *bytes = d->reports.front();
    d->reports.pop_front();
    ++d->delivered;
    return true;
}

void HidPosEmulation::dropInput()
{
    d->reports.clear();
}

void HidPosEmulation::scan(const QByteArray &payload, quint8 symbology)
{
    std::lock_guard lock(mutex());
    for (const QByteArray &report : HidPosReportAssembler::encode(payload, symbology))
        d->reports.push_back(report);
}

void HidPosEmulation::sendReport(const QByteArray &report)
{
    std::lock_guard lock(mutex());
    d->reports.push_back(report);
}

void HidPosEmulation::unplug()
{
    UsbDeviceEmulation::unplug(Unplug::FailTransfers);
}

int HidPosEmulation::reportsDelivered() const
{
    std::lock_guard lock(mutex());
    return d->delivered;
}
