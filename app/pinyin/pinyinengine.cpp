#include "pinyinengine.h"

#include "pinyindecoder.h"

#include <QMutexLocker>

#include <pinyinime.h>

#include <algorithm>
#include <cstring>

namespace {

QString candidateText(size_t index)
{
    ime_pinyin::char16 buffer[PinyinDecoder::MaxHanzi + 1] = {};
    if (!ime_pinyin::im_get_candidate(index, buffer, PinyinDecoder::MaxHanzi))
        return {};
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer));
}

// The candidate as a resident sees it: once some characters are chosen, the first candidate is
// the whole sentence, of which only the part after them is new.
QString shownCandidate(size_t index)
{
    const QString text = candidateText(index);
    return index == 0 ? text.mid(static_cast<qsizetype>(ime_pinyin::im_get_fixed_len())) : text;
}

size_t spellingCount(const ime_pinyin::uint16 **starts)
{
    const ime_pinyin::uint16 *positions = nullptr;
    const size_t count = ime_pinyin::im_get_spl_start_pos(positions);
    if (starts)
        *starts = positions;
    return count;
}

} // namespace

PinyinEngine::~PinyinEngine()
{
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    forgetInput();
    // Another engine built later at this address must not take the decoder's state for its own.
    if (decoder.lastUser() == this)
        decoder.setLastUser(nullptr);
}

bool PinyinEngine::isAvailable(QString *error)
{
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    QString reason;
    const bool open = decoder.ensureOpen(&reason);
    if (error)
        *error = reason;
    return open;
}

void PinyinEngine::restoreSearch() const
{
    // Another engine or the readings table used the shared decoder since this engine last did:
    // spell this engine's letters again and repeat its choices by their text.
    PinyinDecoder &decoder = PinyinDecoder::instance();
    if (decoder.lastUser() == this)
        return;
    decoder.setLastUser(this);
    ime_pinyin::im_reset_search();
    if (m_letters.isEmpty())
        return;
    size_t count = ime_pinyin::im_search(m_letters.constData(), static_cast<size_t>(m_letters.size()));
    for (const QString &chosen : m_chosen) {
        size_t found = count;
        for (size_t i = 0; i < count && found == count; ++i) {
            if (shownCandidate(i) == chosen)
                found = i;
        }
        if (found == count)
            return;
        count = ime_pinyin::im_choose(found);
    }
}

void PinyinEngine::refresh()
{
    if (m_letters.isEmpty()) {
        m_composition.clear();
        m_candidateCount = 0;
        return;
    }
    const ime_pinyin::uint16 *starts = nullptr;
    const size_t spellings = spellingCount(&starts);
    const size_t fixed = std::min(ime_pinyin::im_get_fixed_len(), spellings);
    const QString sentence = candidateText(0);
    const int firstOpenLetter = spellings > 0 ? starts[fixed] : 0;
    m_composition = sentence.left(static_cast<qsizetype>(fixed)) + QString::fromLatin1(m_letters.mid(firstOpenLetter));
    // What was chosen and is no longer fixed (a backspace reached into it) is forgotten.
    qsizetype kept = 0;
    qsizetype keptChars = 0;
    while (kept < m_chosen.size() && keptChars + m_chosen.at(kept).size() <= static_cast<qsizetype>(fixed))
        keptChars += m_chosen.at(kept++).size();
    m_chosen.resize(kept);
}

bool PinyinEngine::typeLetter(QChar letter)
{
    const char ch = letter.toLower().toLatin1();
    if (ch < 'a' || ch > 'z' || m_letters.size() >= PinyinDecoder::MaxLetters)
        return false;
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    QString error;
    if (!decoder.ensureOpen(&error))
        return false;
    restoreSearch();
    const QByteArray spelling = m_letters + ch;
    m_candidateCount = static_cast<int>(ime_pinyin::im_search(spelling.constData(), static_cast<size_t>(spelling.size())));
    size_t decoded = 0;
    const char *kept = ime_pinyin::im_get_sps_str(&decoded);
    if (!kept || std::strlen(kept) != static_cast<size_t>(spelling.size())) {
        // The decoder refused the letter (too long a spelling): keep what was there.
        m_candidateCount = static_cast<int>(ime_pinyin::im_search(m_letters.constData(), static_cast<size_t>(m_letters.size())));
        refresh();
        return false;
    }
    m_letters = spelling;
    refresh();
    return true;
}

bool PinyinEngine::backspace()
{
    if (m_letters.isEmpty())
        return false;
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    restoreSearch();
    m_letters.chop(1);
    if (m_letters.isEmpty()) {
        forgetInput();
        return true;
    }
    m_candidateCount = static_cast<int>(ime_pinyin::im_search(m_letters.constData(), static_cast<size_t>(m_letters.size())));
    refresh();
    return true;
}

QString PinyinEngine::choose(int index)
{
    if (m_letters.isEmpty() || index < 0 || index >= m_candidateCount)
        return {};
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    restoreSearch();
    const QString shown = shownCandidate(static_cast<size_t>(index));
    m_candidateCount = static_cast<int>(ime_pinyin::im_choose(static_cast<size_t>(index)));
    const size_t spellings = spellingCount(nullptr);
    if (ime_pinyin::im_get_fixed_len() < spellings) {
        m_chosen.append(shown);
        refresh();
        return {};
    }
    // Every syllable is chosen. Letters the decoder could not spell into syllables stay letters.
    size_t decoded = 0;
    ime_pinyin::im_get_sps_str(&decoded);
    const QString finished = candidateText(0) + QString::fromLatin1(m_letters.mid(static_cast<qsizetype>(decoded)));
    forgetInput();
    return finished;
}

void PinyinEngine::clear()
{
    if (m_letters.isEmpty())
        return;
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    forgetInput();
}

void PinyinEngine::forgetInput()
{
    // The decoder's buffers hold the spelling too; they are emptied along with the engine's.
    PinyinDecoder &decoder = PinyinDecoder::instance();
    if (decoder.lastUser() == this)
        ime_pinyin::im_reset_search();
    m_letters.clear();
    m_chosen.clear();
    m_composition.clear();
    m_candidateCount = 0;
}

QStringList PinyinEngine::candidates(int first, int count) const
{
    QStringList out;
    if (m_letters.isEmpty() || first < 0 || count <= 0)
        return out;
    PinyinDecoder &decoder = PinyinDecoder::instance();
    QMutexLocker locker(&decoder.lock());
    restoreSearch();
    const int last = std::min(m_candidateCount, first + count);
    for (int i = first; i < last; ++i)
        out.append(shownCandidate(static_cast<size_t>(i)));
    return out;
}
