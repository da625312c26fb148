#pragma once

#include <QFont>
#include <QList>
#include <QRawFont>
#include <QString>

// How a string reads back from a rendered PDF's text layer (pdftotext), for comparisons.
// Qt's PDF text layer names each glyph by the lowest code point the font maps to it, and Noto
// Sans CJK shares glyphs between radicals (U+2E80–U+2FDF) and ideographs: 页 reads back as ⻚,
// 生 as ⽣. The page shows the right glyph; expected text is spelled the way the layer spells it,
// and line breaks (which depend on the page width) and ligatures are ignored.
namespace PdfTextLayer {

inline QString spelled(const QString &text)
{
    static const QRawFont font = QRawFont::fromFont(QFont(QStringLiteral("Noto Sans CJK SC")));
    QString result;
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        QChar spelling = c;
        if (c.unicode() >= 0x3400) {
            const QList<quint32> glyph = font.glyphIndexesForString(QString(c));
            for (char16_t radical = 0x2E80; radical <= 0x2FDF && !glyph.isEmpty(); ++radical) {
                if (font.glyphIndexesForString(QString(QChar(radical))) == glyph) {
                    spelling = QChar(radical);
                    break;
                }
            }
        }
        result += spelling;
    }
    return result;
}

// Whether `pdfText` (pdftotext's output) carries `expected`.
inline bool carries(const QString &pdfText, const QString &expected)
{
    // NFKC on both sides undoes ligatures (ﬁ, ﬄ) and Kangxi radicals alike.
    QString flat = pdfText.normalized(QString::NormalizationForm_KC);
    flat.remove(QChar(u' ')).remove(QChar(u'\n')).remove(QChar(u'\f'));
    return flat.contains(spelled(expected).normalized(QString::NormalizationForm_KC));
}

} // namespace PdfTextLayer
