#pragma once

#include <QChar>
#include <QHash>
#include <QString>
#include <QStringList>

// How each Chinese character is read in pinyin (行 → xing, hang), taken from the system pinyin
// dictionary itself: every syllable is spelled to the decoder and its single characters noted.
// Built once a process, in about a tenth of a second; prepare() starts that early, off the UI.
class HanziReadings
{
public:
    using Table = QHash<QChar, QStringList>;

    // Starts building the shared table on a worker thread, so the first search does not wait.
    static void prepare();
    // The process's table, built on first use; empty when the dictionary is missing.
    [[nodiscard]] static const Table &shared();
    // A fresh table from the dictionary; empty with `error` set when it cannot be read.
    [[nodiscard]] static Table build(QString *error);
    // The syllables the decoder accepts as whole ones (zhang, a, lve …), about four hundred.
    [[nodiscard]] static QStringList syllables();
};
