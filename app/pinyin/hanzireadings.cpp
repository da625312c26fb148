#include "hanzireadings.h"

#include "pinyindecoder.h"

#include <QMutexLocker>

#include <pinyinime.h>

#include <future>

namespace {

// Every initial with every final: the decoder itself says which of them are syllables.
const char *const initials[] = {"", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
                                "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"};
const char *const finals[] = {"a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie",
                              "ve", "er", "an", "en", "in", "un", "vn", "ang", "eng", "ing", "ong",
                              "ia", "iao", "ian", "iang", "iong", "ua", "uo", "uai", "uan", "uang",
                              "ue", "ng", "n", "m"};

// The readings table is one more user of the shared decoder; this marks its turns.
const char readingsUser = 0;

// Spells `syllable` and returns how many candidates it has when the decoder reads it as exactly
// one whole syllable, or -1.
int spellOneSyllable(const QByteArray &syllable)
{
    ime_pinyin::im_reset_search();
    const size_t count = ime_pinyin::im_search(syllable.constData(), static_cast<size_t>(syllable.size()));
    const ime_pinyin::uint16 *starts = nullptr;
    size_t decoded = 0;
    ime_pinyin::im_get_sps_str(&decoded);
    if (ime_pinyin::im_get_spl_start_pos(starts) != 1 || decoded != static_cast<size_t>(syllable.size()))
        return -1;
    return static_cast<int>(count);
}

std::shared_future<HanziReadings::Table> &sharedTable()
{
    static std::once_flag once;
    static std::shared_future<HanziReadings::Table> table;
    std::call_once(once, [] {
        table = std::async(std::launch::async, [] {
                    QString error;
                    return HanziReadings::build(&error);
                }).share();
    });
    return table;
}

QStringList syllablesLocked()
{
    QStringList out;
    for (const char *initial : initials) {
        for (const char *final : finals) {
            const QByteArray syllable = QByteArray(initial) + final;
            // A bare initial ("n", "m") is an abbreviation to the decoder, not a syllable.
            if (syllable == "n" || syllable == "m")
                continue;
            if (spellOneSyllable(syllable) >= 0 && !out.contains(QString::fromLatin1(syllable)))
                out.append(QString::fromLatin1(syllable));
        }
    }
    return out;
}

} // namespace

void HanziReadings::prepare()
{
    sharedTable();
}

const HanziReadings::Table &HanziReadings::shared()
{
    return sharedTable().get();
}

QStringList HanziReadings::syllables()
{
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    QString error;
    if (!decoder.ensureOpen(&error))
        return {};
    decoder.setLastUser(&readingsUser);
    const QStringList out = syllablesLocked();
    ime_pinyin::im_reset_search();
    return out;
}

HanziReadings::Table HanziReadings::build(QString *error)
{
    Table table;
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    if (!decoder.ensureOpen(error))
        return table;
    decoder.setLastUser(&readingsUser);
    for (const QString &syllable : syllablesLocked()) {
        const int count = spellOneSyllable(syllable.toLatin1());
        ime_pinyin::char16 buffer[4] = {};
        // Every candidate of a single syllable, the first included, is a word of that syllable;
        // the one-character ones are the characters read so.
        for (int i = 0; i < count; ++i) {
            if (!ime_pinyin::im_get_candidate(static_cast<size_t>(i), buffer, 3) || buffer[0] == 0 || buffer[1] != 0)
                continue;
            QStringList &readings = table[QChar(static_cast<char16_t>(buffer[0]))];
            if (!readings.contains(syllable))
                readings.append(syllable);
        }
    }
    ime_pinyin::im_reset_search();
    return table;
}
