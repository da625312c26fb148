#include "pageflow.h"

#include "qrsymbol.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

PageFlow::PageFlow(QPaintDevice *device, QPainter *painter, qreal leftMm, qreal widthMm, qreal topMm)
    : m_device(device)
    , m_painter(painter)
    , m_dotsPerMm(device->logicalDpiY() / 25.4)
    , m_left(leftMm * m_dotsPerMm)
    , m_width(widthMm * m_dotsPerMm)
    , m_y(topMm * m_dotsPerMm)
{
}

qreal PageFlow::height(const QString &text, const QFont &font, qreal width, int flags) const
{
    const QFontMetricsF metrics(font, m_device);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height();
}

void PageFlow::text(const QString &text, const QFont &font, Qt::Alignment alignment, qreal indentMm)
{
    const int flags = int(alignment) | Qt::AlignTop | Qt::TextWordWrap;
    const qreal width = m_width - mm(indentMm);
    const qreal h = height(text, font, width, flags);
    if (m_painter) {
        m_painter->setFont(font);
        m_painter->drawText(QRectF(m_left + mm(indentMm), m_y, width, h), flags, text);
    }
    m_y += h;
}

void PageFlow::field(const QString &label, const QString &value, const QFont &labelFont, const QFont &valueFont, qreal labelWidthMm)
{
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const qreal labelWidth = mm(labelWidthMm);
    const qreal valueWidth = m_width - labelWidth;
    const qreal h = qMax(height(label, labelFont, labelWidth - mm(1), flags), height(value, valueFont, valueWidth, flags));
    if (m_painter) {
        m_painter->setFont(labelFont);
        m_painter->drawText(QRectF(m_left, m_y, labelWidth - mm(1), h), flags, label);
        m_painter->setFont(valueFont);
        m_painter->drawText(QRectF(m_left + labelWidth, m_y, valueWidth, h), flags, value);
    }
    m_y += h;
}

void PageFlow::numbered(int number, const QString &text, const QFont &font)
{
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QString marker = QStringLiteral("%1.").arg(number);
    const qreal markerWidth = QFontMetricsF(font, m_device).horizontalAdvance(QStringLiteral("00."));
    const qreal h = height(text, font, m_width - markerWidth, flags);
    if (m_painter) {
        m_painter->setFont(font);
        m_painter->drawText(QRectF(m_left, m_y, markerWidth, h), flags, marker);
        m_painter->drawText(QRectF(m_left + markerWidth, m_y, m_width - markerWidth, h), flags, text);
    }
    m_y += h;
}

void PageFlow::gap(qreal millimetres)
{
    m_y += mm(millimetres);
}

void PageFlow::rule(qreal thicknessMm)
{
    if (m_painter)
        m_painter->fillRect(QRectF(m_left, m_y, m_width, mm(thicknessMm)), Qt::black);
    m_y += mm(thicknessMm);
}

void PageFlow::qr(const QrSymbol &symbol, qreal sizeMm, Qt::Alignment alignment)
{
    const qreal size = mm(sizeMm);
    qreal x = m_left;
    if (alignment & Qt::AlignHCenter)
        x = m_left + (m_width - size) / 2;
    else if (alignment & Qt::AlignRight)
        x = m_left + m_width - size;
    if (m_painter)
        symbol.draw(*m_painter, QRectF(x, m_y, size, size));
    m_y += size;
}
