#include "feepayment.h"

#include "applog.h"
#include "platformcall.h"
#include "platformclient.h"

namespace {

// After the code's time is up, the platform is still asked this long for its final word (a
// phone may have paid in the last second) before the kiosk says it does not know.
constexpr qint64 kFinalWordMs = 15000;

} // namespace

FeePayment::FeePayment(QObject *parent)
    : QObject(parent)
{
    connect(&m_poll, &QTimer::timeout, this, &FeePayment::poll);
    m_second.setInterval(1000);
    connect(&m_second, &QTimer::timeout, this, [this] {
        emit secondsLeftChanged();
        // Past the time and past the grace for the platform's word: the state must still say
        // something true, and "not known" is what the kiosk knows.
        if (m_state == State::Pending && platformNow().msecsTo(m_expiresAt) < -kFinalWordMs)
            setState(State::Unknown);
    });
}

QString FeePayment::yuanText(int fen)
{
    return QStringLiteral("¥%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

QDateTime FeePayment::platformNow() const
{
    const qint64 offset = m_platform ? m_platform->clockOffsetMs() : 0;
    return QDateTime::currentDateTimeUtc().addMSecs(offset);
}

int FeePayment::secondsLeft() const
{
    if (!m_expiresAt.isValid())
        return 0;
    return int(qMax<qint64>(0, (platformNow().msecsTo(m_expiresAt) + 999) / 1000));
}

bool FeePayment::begin(PlatformClient *platform, const QJsonObject &payment, int pollMs)
{
    if (!platform)
        return false;
    forget();
    m_platform = platform;
    m_paymentId = payment.value(QLatin1String("payment_id")).toString();
    m_amountFen = payment.value(QLatin1String("amount_fen")).toInt();
    m_qrPayload = payment.value(QLatin1String("qr_payload")).toString();
    m_expiresAt = QDateTime::fromString(payment.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs);
    m_cancelKey = PlatformClient::newIdempotencyKey();
    m_poll.setInterval(qMax(100, pollMs));
    m_poll.start();
    m_second.start();
    qCInfo(lcSession) << "payment" << m_paymentId << "issued," << m_amountFen << "fen";
    setState(State::Pending);
    emit secondsLeftChanged();
    return true;
}

void FeePayment::poll()
{
    // One question at a time: a slow answer is not overtaken by the next poll.
    if (!m_platform || m_call || m_state != State::Pending)
        return;
    const quint64 generation = m_generation;
    m_call = m_platform->paymentStatus(m_paymentId);
    connect(m_call, &PlatformCall::finished, this, [this, generation](const PlatformResult &result) {
        if (generation == m_generation)
            takeStatus(result);
    });
}

void FeePayment::takeStatus(const PlatformResult &result)
{
    m_call = nullptr;
    if (!result.isOk() || m_state != State::Pending)
        return; // a missed poll is asked again; the countdown still runs
    const QString state = result.body.value(QLatin1String("state")).toString();
    if (state == QLatin1String("paid")) {
        m_receiptUrl = result.body.value(QLatin1String("receipt_url")).toString();
        setState(State::Paid);
    } else if (state == QLatin1String("expired")) {
        setState(State::Expired);
    } else if (state == QLatin1String("cancelled") || state == QLatin1String("refunded")) {
        setState(State::Cancelled);
    }
}

bool FeePayment::cancel()
{
    if (!m_platform || m_state != State::Pending)
        return false;
    if (m_call)
        m_call->disconnect(this);
    const quint64 generation = m_generation;
    setState(State::Cancelling);
    m_call = m_platform->cancelPayment(m_paymentId, m_cancelKey);
    connect(m_call, &PlatformCall::finished, this, [this, generation](const PlatformResult &result) {
        if (generation == m_generation)
            takeCancel(result);
    });
    return true;
}

void FeePayment::takeCancel(const PlatformResult &result)
{
    m_call = nullptr;
    if (result.errorCode == QLatin1String("already_paid")) {
        // The phone was quicker: the resident paid, and gets what they paid for.
        setState(State::Pending);
        poll();
        return;
    }
    if (result.isOk()) {
        const QString state = result.body.value(QLatin1String("state")).toString();
        setState(state == QLatin1String("expired") ? State::Expired : State::Cancelled);
        return;
    }
    // Not confirmed either way: the resident is told so rather than told it is cancelled.
    setState(State::Unknown);
}

void FeePayment::setState(State state)
{
    if (state != State::Pending && state != State::Cancelling) {
        m_poll.stop();
        m_second.stop();
    }
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSession) << "payment" << m_paymentId << "now" << int(state);
    emit stateChanged(state);
}

void FeePayment::forget()
{
    if (m_state == State::Pending && m_platform) {
        // Nobody is waiting for this answer; the key makes a repeat harmless.
        qCInfo(lcSession) << "payment" << m_paymentId << "cancelled with the session";
        m_platform->cancelPayment(m_paymentId, m_cancelKey);
    }
    ++m_generation;
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    m_poll.stop();
    m_second.stop();
    m_paymentId.clear();
    m_amountFen = 0;
    m_qrPayload.clear();
    m_expiresAt = {};
    m_receiptUrl.clear();
    m_cancelKey.clear();
    m_state = State::None;
}
