#pragma once

#include <QMutex>
#include <QString>

// The one googlepinyin decoder of the process. The library keeps its decoder in global state, so
// every user (each keyboard's engine, the readings table) takes this lock, and whoever touched it
// last is remembered so an engine knows when it must restore its own search. The decoder runs
// without a user dictionary: nothing a resident types is learned or written anywhere.
class PinyinDecoder
{
public:
    // Longer spellings are refused letter by letter, as a phone's pinyin keyboard does.
    static constexpr int MaxLetters = 40;
    static constexpr int MaxHanzi = 20;

    [[nodiscard]] static PinyinDecoder &instance();
    // The system dictionary, from the build's libgooglepinyin unless KIOSK_PINYIN_DICTIONARY names another.
    [[nodiscard]] static QString dictionaryPath();

    // Opens the decoder on first use; false (with the reason) when the dictionary cannot be read.
    // The caller holds lock().
    [[nodiscard]] bool ensureOpen(QString *error);
    [[nodiscard]] QMutex &lock() { return m_lock; }
    [[nodiscard]] const void *lastUser() const { return m_lastUser; }
    void setLastUser(const void *user) { m_lastUser = user; }

private:
    PinyinDecoder() = default;

    QMutex m_lock;
    bool m_open = false;
    const void *m_lastUser = nullptr;
};
