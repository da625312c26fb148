#include "idcard/sim/usbreaderemulation.h"

#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/sim/samreaderemulator.h"
#include "idcard/sim/simcards.h"

#include <QElapsedTimer>
#include <QStringList>

#include <linux/usbdevice_fs.h>

#include <deque>
#include <mutex>

namespace {

constexpr unsigned char EndpointIn = 0x81;
constexpr unsigned char EndpointOut = 0x02;

// One reply piece the host may collect once `readyAtMs` has passed.
struct Chunk {
    qint64 readyAtMs = 0;
    QByteArray bytes;
};

} // namespace

struct UsbReaderEmulation::Private {
    Identity identity;
    // Guarded by the base's mutex: shared with umockdev's ioctl thread.
    SamReaderEmulator emulator;
    SamFrameAssembler assembler{3};
    std::deque<Chunk> pendingIn;
    QElapsedTimer clock;
    int answered = 0;
};

namespace {

UsbDeviceEmulation::Descriptors descriptorsOf(const UsbReaderEmulation::Identity &identity)
{
    UsbDeviceEmulation::Descriptors descriptors;
    descriptors.vendorId = identity.vendorId;
    descriptors.productId = identity.productId;
    // One vendor-specific interface with a bulk IN (0x81) and a bulk OUT (0x02) endpoint.
    descriptors.configurationHex = "0902200001010080 32"
                                   "090400000002ff0000 00"
                                   "0705810240 0000"
                                   "0705020240 0000";
    descriptors.urbType = USBDEVFS_URB_TYPE_BULK;
    descriptors.endpointIn = EndpointIn;
    descriptors.endpointOut = EndpointOut;
    return descriptors;
}

} // namespace

UsbReaderEmulation::UsbReaderEmulation(const Identity &identity)
    : UsbDeviceEmulation(descriptorsOf(identity))
    , d(std::make_unique<Private>())
{
    d->identity = identity;
    d->clock.start();
}

UsbReaderEmulation::~UsbReaderEmulation()
{
    shutDown();
}

void UsbReaderEmulation::hostWrote(const QByteArray &written)
{
    QByteArray bytes = written;
    if (!d->identity.preamble)
        bytes.prepend(SamFrame::Preamble.data(), SamFrame::PreambleSize);
    d->assembler.feed(bytes);
    while (const auto result = d->assembler.next()) {
        if (result->error != SamFrameAssembler::Error::None)
            continue;
        const auto request = SamFrame::parseRequest(result->body);
        if (!request)
            continue;
        ++d->answered;
        qint64 readyAt = d->clock.elapsed();
        bool first = true;
        for (const SamReaderEmulator::Segment &segment : d->emulator.handle(*request)) {
            readyAt += segment.delayMs;
            QByteArray piece = segment.bytes;
            if (!d->identity.preamble && first && piece.startsWith(QByteArrayView(SamFrame::Preamble.data(), SamFrame::PreambleSize)))
                piece.remove(0, SamFrame::PreambleSize);
            first = false;
            d->pendingIn.push_back({readyAt, piece});
        }
    }
}

bool UsbReaderEmulation::takeInput(qsizetype room, QByteArray *bytes)
{
    if (d->pendingIn.empty() || d->pendingIn.front().readyAtMs > d->clock.elapsed())
        return false;
    Chunk &chunk = d->pendingIn.front();
    *bytes = chunk.bytes.left(room);
    chunk.bytes.remove(0, bytes->size());
    if (chunk.bytes.isEmpty())
        d->pendingIn.pop_front();
    return true;
}

void UsbReaderEmulation::dropInput()
{
    d->pendingIn.clear();
}

QString UsbReaderEmulation::execute(const QString &commandLine)
{
    const QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::unique_lock lock(mutex());
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
            if (isUnplugged()) {
                d->emulator.powerCycle();
                lock.unlock();
                plug();
            }
            return QStringLiteral("ok");
        }
        QString error;
        const auto fault = d->emulator.setFault(words.at(1), words.value(2), &error);
        if (!fault)
            return QStringLiteral("error: ") + error;
        if (*fault == SamReaderEmulator::Fault::Unplug && !isUnplugged()) {
            lock.unlock();
            unplug(Unplug::Vanish);
        }
        return QStringLiteral("ok");
    }
    return QStringLiteral("error: unknown command");
}

int UsbReaderEmulation::commandsAnswered() const
{
    std::lock_guard lock(mutex());
    return d->answered;
}

int UsbReaderEmulation::samResetsReceived() const
{
    std::lock_guard lock(mutex());
    return d->emulator.samResetsReceived();
}
