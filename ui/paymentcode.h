#pragma once

#include "qrsymbol.h"

#include <QQuickPaintedItem>
#include <QString>

// A payment code (or any short text) drawn as a QR code filling the item, black on white with
// its quiet zone, sharp at any size: large enough on the kiosk's screen for a phone held at
// arm's length to read it.
class PaymentCode : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)

public:
    explicit PaymentCode(QQuickItem *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    void paint(QPainter *painter) override;

signals:
    void textChanged();

private:
    QString m_text;
    QrSymbol m_symbol;
};
