#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class PlatformCall;
class PlatformClient;
struct PlatformResult;

// One fee paid by the resident's phone (contract 1.1 "Fees"): the payment the platform issued
// with a fee item's case, polled (GET /payments/{id}) until it is paid, expires or is cancelled,
// with the seconds left until expires_at. Giving up (the resident, or the session's wipe) cancels
// it at the platform; "already_paid" is taken as paid. The state always says where the payment
// stands, so the screen never leaves a resident wondering whether their money went.
class FeePayment : public QObject
{
    Q_OBJECT

public:
    // None: no payment. Pending: the code can be paid. Cancelling: the cancel is on its way.
    // Paid, Expired, Cancelled: final. Unknown: the platform could not be asked in time; the
    // resident is told to ask staff, with the case number.
    enum class State { None, Pending, Cancelling, Paid, Expired, Cancelled, Unknown };
    Q_ENUM(State)

    explicit FeePayment(QObject *parent = nullptr);

    // Takes the case answer's "payment" object and starts polling every `pollMs`.
    bool begin(PlatformClient *platform, const QJsonObject &payment, int pollMs = 2000);
    // Asks the platform to cancel a pending payment; stateChanged() follows with Cancelled, or
    // Paid when it was paid meanwhile.
    bool cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString paymentId() const { return m_paymentId; }
    [[nodiscard]] int amountFen() const { return m_amountFen; }
    [[nodiscard]] QString qrPayload() const { return m_qrPayload; }
    [[nodiscard]] QDateTime expiresAt() const { return m_expiresAt; }
    // Whole seconds until the code expires by the platform's clock, never below 0.
    [[nodiscard]] int secondsLeft() const;
    // Once paid: the fiscal receipt (财政电子票据) as a /documents/ path.
    [[nodiscard]] QString receiptUrl() const { return m_receiptUrl; }
    // "¥20.00": how an amount in fen is shown and printed.
    [[nodiscard]] static QString yuanText(int fen);

    // Forgets the payment; a pending one is cancelled at the platform first (the answer is not
    // waited for: the session is over, and the platform records the cancellation on its own).
    void forget();

signals:
    void stateChanged(FeePayment::State state);
    // Once a second while pending, for the countdown.
    void secondsLeftChanged();

private:
    void poll();
    void takeStatus(const PlatformResult &result);
    void takeCancel(const PlatformResult &result);
    void setState(State state);
    [[nodiscard]] QDateTime platformNow() const;

    QPointer<PlatformClient> m_platform;
    State m_state = State::None;
    QString m_paymentId;
    int m_amountFen = 0;
    QString m_qrPayload;
    QDateTime m_expiresAt;
    QString m_receiptUrl;
    QString m_cancelKey;
    QTimer m_poll;
    QTimer m_second;
    QPointer<PlatformCall> m_call;
    // Answers for a payment forgotten or replaced belong to nobody.
    quint64 m_generation = 0;
};
