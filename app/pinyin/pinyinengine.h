#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Typing Chinese by pinyin for one keyboard: the letters typed so far, the words they spell (best
// first, fetched a page at a time), choosing a word (the whole spelling, or its first characters
// and then the rest), and backspace. It keeps only the word being typed; clear() forgets it, and
// nothing chosen is learned for the next resident.
class PinyinEngine
{
public:
    PinyinEngine() = default;
    ~PinyinEngine();
    PinyinEngine(const PinyinEngine &) = delete;
    PinyinEngine &operator=(const PinyinEngine &) = delete;

    // Whether the dictionary can be used; when it cannot, `error` says why.
    [[nodiscard]] static bool isAvailable(QString *error = nullptr);

    // Adds a letter a–z (v stands for ü); false when it is not one or the spelling is full.
    bool typeLetter(QChar letter);
    // Takes back the last letter; false when nothing is being typed, so the caller deletes from
    // its own text instead.
    bool backspace();
    // Chooses candidate `index` (counted over all pages). Returns the finished text once the
    // whole spelling is chosen, and an empty string while letters remain to choose for.
    [[nodiscard]] QString choose(int index);
    void clear();

    [[nodiscard]] bool isComposing() const { return !m_letters.isEmpty(); }
    [[nodiscard]] QString letters() const { return QString::fromLatin1(m_letters); }
    // What a field shows while typing: the characters chosen so far, then the letters still to
    // choose for ("张san").
    [[nodiscard]] QString composition() const { return m_composition; }
    [[nodiscard]] int candidateCount() const { return m_candidateCount; }
    [[nodiscard]] QStringList candidates(int first, int count) const;

private:
    void restoreSearch() const;
    void refresh();
    void forgetInput();

    QByteArray m_letters;
    QStringList m_chosen;
    QString m_composition;
    int m_candidateCount = 0;
};
