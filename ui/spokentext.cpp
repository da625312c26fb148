#include "spokentext.h"

#include "common/personaldata.h"

#include <QRegularExpression>

namespace {

// A run of at least this many digits is a code rather than an amount or a count: read one by one.
constexpr qsizetype kCodeDigits = 5;

bool isMaskMark(QChar c)
{
    return c == QLatin1Char('*') || c == QChar(0x2022) || c == QChar(0xFF0A);
}

QString spelled(const QString &code)
{
    QStringList pieces;
    for (const QChar c : code)
        pieces.append(QString(c).toUpper());
    return pieces.join(QLatin1Char(' '));
}

} // namespace

namespace SpokenText {

QString forSpeech(const QString &text, const QString &language)
{
    // The number itself must never reach the speech engine, even when a screen failed to mask it.
    static const QRegularExpression fullIdNumber(QStringLiteral("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"));
    QString masked = text;
    for (QRegularExpressionMatch m = fullIdNumber.match(masked); m.hasMatch(); m = fullIdNumber.match(masked))
        masked.replace(m.capturedStart(), m.capturedLength(), PersonalData::maskIdNumber(m.captured()));

    const QString hidden = language == QLatin1String("zh") ? QStringLiteral("隐藏") : QStringLiteral("hidden");
    QString out;
    qsizetype i = 0;
    const qsizetype n = masked.size();
    while (i < n) {
        const QChar c = masked.at(i);
        // A code: digits, masking stars and a final check letter (ID numbers end in X), or a
        // ticket number, a capital letter directly before digits ("A012").
        const bool letterBeforeDigits = c.isUpper() && c.unicode() < 0x80 && i + 1 < n && masked.at(i + 1).isDigit()
                                        && (i == 0 || !masked.at(i - 1).isLetterOrNumber());
        if (c.isDigit() || isMaskMark(c) || letterBeforeDigits) {
            qsizetype j = letterBeforeDigits ? i + 1 : i;
            while (j < n && (masked.at(j).isDigit() || isMaskMark(masked.at(j))))
                ++j;
            if (j < n && (masked.at(j) == QLatin1Char('X') || masked.at(j) == QLatin1Char('x')) && j - i >= kCodeDigits
                && (j + 1 == n || !masked.at(j + 1).isLetterOrNumber()))
                ++j;
            const QString run = masked.mid(i, j - i);
            qsizetype digits = 0;
            bool hasMask = false;
            for (const QChar r : run) {
                digits += r.isDigit() ? 1 : 0;
                hasMask = hasMask || isMaskMark(r);
            }
            // An amount ("12.50") or a number in a sentence ("3 个事项") is read as a number.
            const bool decimal = j < n - 1 && masked.at(j) == QLatin1Char('.') && masked.at(j + 1).isDigit();
            const bool afterDecimal = i > 0 && masked.at(i - 1) == QLatin1Char('.');
            if (!hasMask && !letterBeforeDigits && (digits < kCodeDigits || decimal || afterDecimal)) {
                out += run;
                i = j;
                continue;
            }
            QStringList words;
            QString pending;
            for (qsizetype k = 0; k < run.size(); ++k) {
                if (isMaskMark(run.at(k))) {
                    if (!pending.isEmpty())
                        words.append(spelled(pending));
                    pending.clear();
                    if (words.isEmpty() || words.constLast() != hidden)
                        words.append(hidden);
                } else {
                    pending += run.at(k);
                }
            }
            if (!pending.isEmpty())
                words.append(spelled(pending));
            if (!out.isEmpty() && !out.endsWith(QLatin1Char(' ')))
                out += QLatin1Char(' ');
            out += words.join(QStringLiteral(", "));
            if (j < n && masked.at(j).isLetterOrNumber())
                out += QLatin1Char(' ');
            i = j;
            continue;
        }
        out += c;
        ++i;
    }
    return out.simplified();
}

} // namespace SpokenText
