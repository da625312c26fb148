#pragma once

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

// A QR code as a square of modules, made with ZXing-C++'s writer and drawn as vector squares,
// so it stays sharp at any printer resolution. ZXing stays inside the .cpp.
class QrSymbol
{
public:
    // Encodes `text` (UTF-8); an empty symbol (size() == 0) when it cannot be encoded, with why.
    [[nodiscard]] static QrSymbol encode(const QString &text, QString *error = nullptr);

    [[nodiscard]] int size() const { return m_size; }
    [[nodiscard]] bool isDark(int x, int y) const { return m_modules.at(y * m_size + x); }
    // Draws the symbol filling `square`, with a quiet zone of four modules inside it.
    void draw(QPainter &painter, const QRectF &square) const;

private:
    int m_size = 0;
    QList<bool> m_modules;
};
