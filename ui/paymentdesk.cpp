#include "paymentdesk.h"

#include "catalogue.h"
#include "documentdelivery.h"
#include "kioskruntime.h"
#include "kioskshell.h"

PaymentDesk::PaymentDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_shell(shell)
{
    DocumentDelivery *delivery = runtime->delivery();
    connect(delivery->payment(), &FeePayment::stateChanged, this, &PaymentDesk::changed);
    connect(delivery->payment(), &FeePayment::secondsLeftChanged, this, &PaymentDesk::secondsLeftChanged);
    connect(delivery, &DocumentDelivery::stageChanged, this, &PaymentDesk::changed);
    // Paying is a screen of its own: the shell looks again whenever the stage moves.
    connect(delivery, &DocumentDelivery::stageChanged, shell, &KioskShell::screenChanged);
    connect(shell, &KioskShell::languageChanged, this, &PaymentDesk::changed);
}

PaymentDesk *PaymentDesk::create(QQmlEngine *, QJSEngine *)
{
    return ProcessSingleton<PaymentDesk>::forQml();
}

FeePayment::State PaymentDesk::state() const
{
    return m_runtime->delivery()->payment()->state();
}

QString PaymentDesk::amount() const
{
    const int fen = m_runtime->delivery()->payment()->amountFen();
    return fen > 0 ? FeePayment::yuanText(fen) : QString();
}

QString PaymentDesk::feeName() const
{
    const CatalogueItem *item = m_runtime->catalogue().item(m_runtime->delivery()->itemCode());
    return item && item->fee ? item->fee->description.in(m_shell->language()) : QString();
}

QString PaymentDesk::itemName() const
{
    const CatalogueItem *item = m_runtime->catalogue().item(m_runtime->delivery()->itemCode());
    return item ? item->name.in(m_shell->language()) : QString();
}

QString PaymentDesk::code() const
{
    const FeePayment *payment = m_runtime->delivery()->payment();
    // The code is shown only while it can be paid.
    return payment->state() == FeePayment::State::Pending ? payment->qrPayload() : QString();
}

QString PaymentDesk::caseNumber() const
{
    return m_runtime->delivery()->caseNumber();
}

bool PaymentDesk::application() const
{
    const CatalogueItem *item = m_runtime->catalogue().item(m_runtime->delivery()->itemCode());
    return item && item->kind == ItemKind::Apply;
}

QString PaymentDesk::paid() const
{
    const int fen = m_runtime->delivery()->paidFen();
    return fen > 0 ? FeePayment::yuanText(fen) : QString();
}

int PaymentDesk::secondsLeft() const
{
    return m_runtime->delivery()->payment()->secondsLeft();
}

QString PaymentDesk::countdown() const
{
    const int left = secondsLeft();
    return QStringLiteral("%1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
}

bool PaymentDesk::renew()
{
    return m_runtime->delivery()->renewPayment();
}

bool PaymentDesk::cancel()
{
    return m_runtime->delivery()->cancelPayment();
}
