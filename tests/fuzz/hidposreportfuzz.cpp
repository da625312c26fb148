#include "fuzzrequire.h"
#include "scanner/hidposreport.h"
#include "scanner/scanpayload.h"

#include <QList>

#include <cstddef>
#include <cstdint>

// HID-POS input reports as a USB scanner (or a device pretending to be one) sends them. The
// input is cut into reports of the sizes its first byte chooses, so short, full and oversized
// reports all occur. Promises:
//   - the assembler never holds more than ScanPayload::MaxBytes, and no scan it hands over is longer;
//   - finish() leaves nothing pending;
//   - the reports encode() builds for any payload up to the cap assemble back to that payload
//     and symbology, whatever state a previous scan left (after finish()).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype step = input.isEmpty() ? 64 : 1 + quint8(input.at(0)) % 80;

    HidPosReportAssembler assembler;
    HidPosReportAssembler::Scan scan;
    for (qsizetype offset = 1; offset < input.size(); offset += step) {
        const QByteArrayView report = QByteArrayView(input).sliced(offset, std::min(step, input.size() - offset));
        const HidPosReportAssembler::Verdict verdict = assembler.feed(report, &scan);
        FUZZ_REQUIRE(assembler.bufferedBytes() <= ScanPayload::MaxBytes);
        if (verdict == HidPosReportAssembler::Verdict::Complete)
            FUZZ_REQUIRE(!scan.payload.isEmpty() && scan.payload.size() <= ScanPayload::MaxBytes);
    }
    if (const std::optional<HidPosReportAssembler::Scan> last = assembler.finish())
        FUZZ_REQUIRE(!last->payload.isEmpty() && last->payload.size() <= ScanPayload::MaxBytes);
    FUZZ_REQUIRE(!assembler.isPending());

    // The round trip, with the input as the payload (a long one repeated past the cap).
    const QByteArray payload = input.size() > 1 ? input.mid(1) : QByteArray("x");
    const quint8 symbology = input.isEmpty() ? 'Q' : quint8(input.at(0));
    const QList<QByteArray> reports = HidPosReportAssembler::encode(payload, symbology);
    HidPosReportAssembler::Scan back;
    bool complete = false;
    for (const QByteArray &report : reports) {
        FUZZ_REQUIRE(report.size() == HidPosReportAssembler::ReportSize && !complete);
        complete = assembler.feed(report, &back) == HidPosReportAssembler::Verdict::Complete;
    }
    if (!complete) {
        const std::optional<HidPosReportAssembler::Scan> ended = assembler.finish();
        FUZZ_REQUIRE(ended.has_value());
        back = *ended;
    }
    FUZZ_REQUIRE(back.payload == payload && back.symbology == symbology);
    FUZZ_REQUIRE(!assembler.isPending());
    return 0;
}
