#include "paymentcode.h"

#include <QPainter>

PaymentCode::PaymentCode(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void PaymentCode::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    m_symbol = text.isEmpty() ? QrSymbol() : QrSymbol::encode(text);
    emit textChanged();
    update();
}

void PaymentCode::paint(QPainter *painter)
{
    const qreal side = qMin(width(), height());
    const QRectF square((width() - side) / 2, (height() - side) / 2, side, side);
    painter->fillRect(square, Qt::white);
    if (m_symbol.size() > 0)
        m_symbol.draw(*painter, square);
}
