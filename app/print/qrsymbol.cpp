#include "qrsymbol.h"

#include <QPainter>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

QrSymbol QrSymbol::encode(const QString &text, QString *error)
{
    QrSymbol symbol;
    try {
        // Width and height 0 with margin 0: one matrix cell per module, the quiet zone is drawn by us.
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                            .setEncoding(ZXing::CharacterSet::UTF8)
                                            .setMargin(0)
                                            .encode(text.toStdString(), 0, 0);
        if (matrix.width() != matrix.height() || matrix.width() == 0) {
            if (error)
                *error = QStringLiteral("the QR writer returned a %1x%2 matrix").arg(matrix.width()).arg(matrix.height());
            return symbol;
        }
        symbol.m_size = matrix.width();
        symbol.m_modules.reserve(symbol.m_size * symbol.m_size);
        for (int y = 0; y < symbol.m_size; ++y) {
            for (int x = 0; x < symbol.m_size; ++x)
                symbol.m_modules.append(matrix.get(x, y));
        }
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("the QR code cannot hold this text: %1").arg(QString::fromUtf8(e.what()));
    }
    return symbol;
}

void QrSymbol::draw(QPainter &painter, const QRectF &square) const
{
    if (m_size == 0)
        return;
    constexpr int quietZone = 4;
    const qreal module = square.width() / (m_size + 2 * quietZone);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y)) {
                // A hair of overlap so no white seams appear between neighbouring modules.
                painter.drawRect(QRectF(square.left() + (x + quietZone) * module, square.top() + (y + quietZone) * module,
                                        module * 1.02, module * 1.02));
            }
        }
    }
    painter.restore();
}
