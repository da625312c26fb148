#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>

// 缴费 as the platform fronts the province's unified public payment platform (contract 1.1
// "Fees"): a payment issued with a fee item's case, its state for the kiosk to poll, its
// cancellation, and the phone's side: the payment code's URL, which a test or the demo opens and
// pays as a resident's phone would. A paid payment has its fiscal receipt (财政电子票据) under
// /documents/R<payment id>.
class Payments
{
public:
    using TimeText = std::function<QString(const QDateTime &)>;

    Payments(QSqlDatabase db, int lifetimeS, TimeText timeText);

    // Creates the table; false with `error` when the database refuses.
    [[nodiscard]] bool open(QString *error);

    // A new pending payment for `caseNo`; the contract's "payment" object, whose qr_payload is
    // the URL under `payBase` ("https://host:port") a phone opens.
    [[nodiscard]] QJsonObject issue(const QString &caseNo, const QString &terminalId, int amountFen, const QString &payBase,
                                    const QDateTime &now);
    // "pending", "paid", "expired" or "cancelled" for the case's payment; empty: the case has none.
    [[nodiscard]] QString stateOfCase(const QString &caseNo, const QDateTime &now) const;

    // GET /payments/{id} and POST /payments/{id}/cancel from the terminal `terminalId`.
    [[nodiscard]] HttpResponse status(const QString &paymentId, const QString &terminalId, const QDateTime &now) const;
    [[nodiscard]] HttpResponse cancel(const QString &paymentId, const QString &terminalId, const QDateTime &now);

    // The phone's side, outside the terminal API: GET shows what is to be paid, POST pays it.
    [[nodiscard]] HttpResponse payPage(const QString &paymentId, bool pay, const QDateTime &now);

    // The fiscal receipt's lines for /documents/R<payment id>, for the holder whose case it paid;
    // empty when there is no such paid payment.
    [[nodiscard]] QStringList receiptLines(const QString &paymentId, const QString &holder) const;

    // What a test reads through /_inspect/payments.
    [[nodiscard]] QJsonObject inspect(const QDateTime &now) const;

private:
    struct Row {
        QString caseNo;
        QString terminalId;
        int amountFen = 0;
        QString state;
        qint64 expiresAtMs = 0;
        qint64 paidAtMs = 0;
    };
    [[nodiscard]] bool find(const QString &paymentId, Row *row, const QDateTime &now) const;

    QSqlDatabase m_db;
    int m_lifetimeS;
    TimeText m_timeText;
};
