#pragma once

#include <QFont>
#include <QString>

class QPaintDevice;
class QPainter;
class QrSymbol;

// Lays out a printed page from top to bottom in one column. The same calls first measure (no
// painter: the receipt's length depends on its content) and then paint, so both passes agree.
// Distances are given in millimetres and converted at the device's resolution.
class PageFlow
{
public:
    PageFlow(QPaintDevice *device, QPainter *painter, qreal leftMm, qreal widthMm, qreal topMm);

    [[nodiscard]] qreal mm(qreal millimetres) const { return millimetres * m_dotsPerMm; }
    [[nodiscard]] qreal yMm() const { return m_y / m_dotsPerMm; }

    void text(const QString &text, const QFont &font, Qt::Alignment alignment = Qt::AlignLeft, qreal indentMm = 0);
    // "label   value" with the value wrapping in its own column.
    void field(const QString &label, const QString &value, const QFont &labelFont, const QFont &valueFont, qreal labelWidthMm);
    void numbered(int number, const QString &text, const QFont &font);
    void gap(qreal millimetres);
    void rule(qreal thicknessMm = 0.3);
    void qr(const QrSymbol &symbol, qreal sizeMm, Qt::Alignment alignment = Qt::AlignHCenter);

private:
    qreal height(const QString &text, const QFont &font, qreal width, int flags) const;

    QPaintDevice *m_device;
    QPainter *m_painter;
    qreal m_dotsPerMm;
    qreal m_left;
    qreal m_width;
    qreal m_y;
};
