#include "idcard/idcardholder.h"
#include "idcard/idcardtextblock.h"
#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/samstatus.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// One fuzz input through every codec entry point that takes bytes from a reader. Besides not
// crashing, it checks the codec's promises and aborts when one breaks, so a libFuzzer run and
// the corpus regression test both catch a wrong answer, not only a crash:
//   - every frame the assembler accepts re-encodes to a frame the assembler accepts again, with
//     the same body;
//   - the assembler never holds more than one maximal frame of unconsumed bytes;
//   - a 256-byte block always parses, and its holder masks all but the ends of its number.
namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // The first byte chooses how the stream is split into reads, so torn frames are explored.
    const qsizetype step = input.isEmpty() ? 1 : 1 + static_cast<quint8>(input.at(0)) % 64;

    for (const qsizetype minimumLength : {qsizetype(3), qsizetype(4)}) {
        SamFrameAssembler assembler(minimumLength);
        for (qsizetype offset = 0; offset < input.size(); offset += step) {
            assembler.feed(QByteArrayView(input).sliced(offset, std::min(step, input.size() - offset)));
            while (const auto result = assembler.next()) {
                if (result->error != SamFrameAssembler::Error::None)
                    continue;
                SamFrameAssembler again(minimumLength);
                again.feed(SamFrame::wrap(result->body));
                const auto reparsed = again.next();
                require(reparsed && reparsed->error == SamFrameAssembler::Error::None && reparsed->body == result->body);

                if (const auto response = SamFrame::parseResponse(result->body)) {
                    const SamStatus status = SamStatus::fromSw3(response->sw3);
                    require(!status.messageZh.isEmpty() && !status.messageEn.isEmpty());
                    for (bool fingerprint : {false, true}) {
                        if (const auto card = IdCardTextBlock::parseReadData(response->data, fingerprint)) {
                            require(card->text.size() + card->photo.size() + card->fingerprint.size()
                                    == response->data.size() - (fingerprint ? 6 : 4));
                            if (auto holder = IdCardTextBlock::parse(card->text)) {
                                (void)holder->problems();
                                (void)holder->toJson(false);
                                holder->wipe();
                            }
                        }
                    }
                }
                if (const auto request = SamFrame::parseRequest(result->body))
                    (void)request->code();
            }
            require(assembler.bufferedBytes() <= SamFrame::HeaderSize + SamFrame::MaxLength + step);
        }
    }

    if (input.size() >= IdCardTextBlock::TextSize) {
        const auto holder = IdCardTextBlock::parse(QByteArrayView(input).first(IdCardTextBlock::TextSize));
        require(holder.has_value());
        const QString number = holder->idNumber.trimmed();
        const QString masked = holder->toJson(false).value(QLatin1String("id_number")).toString();
        require(masked.size() == number.size());
        for (qsizetype i = 4; i + 4 < masked.size(); ++i)
            require(masked.at(i) == QLatin1Char('*'));
    }
    return 0;
}
