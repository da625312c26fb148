#include "pinyindecoder.h"

#include <QFile>

#include <pinyinime.h>

PinyinDecoder &PinyinDecoder::instance()
{
    // Never destroyed: the readings table may still be built on its own thread when the process
    // exits early (a bad option, a failed start), and closing the decoder under it crashed the
    // exit. The system reclaims the dictionary's memory with the process.
    static PinyinDecoder *decoder = new PinyinDecoder;
    return *decoder;
}

QString PinyinDecoder::dictionaryPath()
{
    const QString configured = qEnvironmentVariable("KIOSK_PINYIN_DICTIONARY");
    return configured.isEmpty() ? QStringLiteral(KIOSK_PINYIN_DICTIONARY) : configured;
}

bool PinyinDecoder::ensureOpen(QString *error)
{
    if (m_open)
        return true;
    const QByteArray path = QFile::encodeName(dictionaryPath());
    if (!QFile::exists(dictionaryPath())) {
        *error = QStringLiteral("the pinyin dictionary %1 is missing (package libgooglepinyin0)").arg(dictionaryPath());
        return false;
    }
    // An empty user dictionary name cannot be opened, so googlepinyin runs without one and learns
    // nothing from what is chosen: the next resident sees the same candidates as the first.
    if (!ime_pinyin::im_open_decoder(path.constData(), "")) {
        *error = QStringLiteral("the pinyin dictionary %1 cannot be read").arg(dictionaryPath());
        return false;
    }
    ime_pinyin::im_set_max_lens(MaxLetters, MaxHanzi);
    m_open = true;
    return true;
}
