#include "fuzzrequire.h"
#include "scanner/scanpayload.h"
#include "scanner/wedgekeydecoder.h"

#include <linux/input-event-codes.h>

#include <cstddef>
#include <cstdint>

// A keyboard-wedge scanner's key events: every three input bytes are one event (its type, from a
// small set; its key code; its value 0–2), so held Alt with endless keypad digits, Shift and
// CapsLock in any order, autorepeat and stray releases all occur. Promises:
//   - no arithmetic overflows (the Alt code accumulator is capped; UBSan aborts otherwise);
//   - the decoder never holds more than ScanPayload::MaxBytes and finish() leaves nothing pending;
//   - decode(encode(bytes)) gives back the input's own bytes, with CR LF and a lone CR as a line
//     break and the final Enter, for any bytes up to the cap.
namespace {

// What encode() promises to bring back: its own reading of line ends and GB18030 pairs.
QByteArray expectedBack(const QByteArray &bytes)
{
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = quint8(bytes.at(i));
        if (byte >= 0x80 && i + 1 < bytes.size()) {
            out += bytes.at(i);
            out += bytes.at(++i);
        } else if (byte == '\r') {
            if (i + 1 == bytes.size() || bytes.at(i + 1) != '\n')
                out += '\n';
        } else {
            out += char(byte);
        }
    }
    return out + '\n';
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static constexpr int types[] = {WedgeKeyDecoder::EventKey, 0 /* EV_SYN */, 4 /* EV_MSC */};
    WedgeKeyDecoder decoder;
    for (size_t i = 0; i + 3 <= size; i += 3) {
        const int type = types[data[i] % 3];
        // Most events are keys; the code byte reaches the whole range of keys scanners use.
        decoder.feed(data[i] % 8 == 0 ? type : WedgeKeyDecoder::EventKey, data[i + 1], data[i + 2] % 3);
        FUZZ_REQUIRE(decoder.bufferedBytes() <= ScanPayload::MaxBytes);
    }
    if (const std::optional<QByteArray> scan = decoder.finish())
        FUZZ_REQUIRE(!scan->isEmpty() && scan->size() <= ScanPayload::MaxBytes);
    (void)decoder.takeDroppedScans();
    FUZZ_REQUIRE(!decoder.isPending() && decoder.takeDroppedScans() == 0);

    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray expected = expectedBack(bytes);
    WedgeKeyDecoder again;
    for (const WedgeKeyDecoder::KeyEvent &event : WedgeKeyDecoder::encode(bytes))
        again.feed(WedgeKeyDecoder::EventKey, event.code, event.value);
    const std::optional<QByteArray> back = again.finish();
    if (expected.size() <= ScanPayload::MaxBytes)
        FUZZ_REQUIRE(back.has_value() && *back == expected);
    else
        FUZZ_REQUIRE(!back.has_value() && again.takeDroppedScans() == 1);
    return 0;
}
