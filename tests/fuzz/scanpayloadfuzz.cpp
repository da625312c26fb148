#include "fuzzrequire.h"
#include "scanner/scanpayload.h"

#include <QStringEncoder>

#include <cstddef>
#include <cstdint>

// Whatever bytes a scanner delivers, through the UTF-8-else-GB18030 decoding. Promises:
//   - the text neither begins nor ends with a line end, and is empty only for bytes that are
//     nothing but line ends;
//   - it has no more characters than the stripped bytes have bytes;
//   - a scan read as UTF-8 or as GB18030 encodes back to exactly the stripped bytes (nothing is
//     lost or invented by the decoding it claims);
//   - the log description of a scan says its format and length and nothing of its text.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray stripped = ScanPayload::stripLineEnds(bytes);
    const ScanPayload::Text decoded = ScanPayload::decode(bytes);

    FUZZ_REQUIRE(decoded.text.isEmpty() == stripped.isEmpty());
    FUZZ_REQUIRE(decoded.text.size() <= stripped.size());
    for (const QChar end : {QLatin1Char('\r'), QLatin1Char('\n')})
        FUZZ_REQUIRE(!decoded.text.startsWith(end) && !decoded.text.endsWith(end));

    if (decoded.encoding == ScanPayload::Encoding::Gb18030) {
        QStringEncoder encoder("GB18030", QStringEncoder::Flag::Stateless);
        FUZZ_REQUIRE(QByteArray(encoder.encode(decoded.text)) == stripped);
    } else if (!decoded.text.contains(QChar::ReplacementCharacter)) {
        FUZZ_REQUIRE(decoded.text.toUtf8() == stripped);
    }

    // Its format and length, nothing of its content.
    FUZZ_REQUIRE(ScanPayload::describe(QStringLiteral("QRCode"), decoded.text)
                 == QStringLiteral("QRCode, %1 characters").arg(decoded.text.size()));
    return 0;
}
