#pragma once

#include "feepayment.h"
#include "processsingleton.h"

#include <QObject>
#include <QQmlEngine>

class KioskRuntime;
class KioskShell;

// What the payment screen sees, as the singleton `Payment`, of a fee item's payment (FeePayment
// through DocumentDelivery): the amount, the code for the phone, the countdown and where the
// payment stands; it relays the resident's choices (a new code, cancel). It only presents.
class PaymentDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Payment)
    QML_SINGLETON
    Q_PROPERTY(FeePayment::State state READ state NOTIFY changed)
    Q_PROPERTY(QString amount READ amount NOTIFY changed)
    Q_PROPERTY(QString feeName READ feeName NOTIFY changed)
    Q_PROPERTY(QString itemName READ itemName NOTIFY changed)
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY changed)
    // An application's fee (no document comes now; the case goes on to be reviewed).
    Q_PROPERTY(bool application READ application NOTIFY changed)
    // Once paid: "¥10.00", what the resident paid; empty otherwise.
    Q_PROPERTY(QString paid READ paid NOTIFY changed)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    // "14:59": the countdown as minutes and seconds.
    Q_PROPERTY(QString countdown READ countdown NOTIFY secondsLeftChanged)

public:
    PaymentDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent = nullptr);

    // QML asks for the singleton here; the shell creates it before QML is loaded.
    static PaymentDesk *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] FeePayment::State state() const;
    [[nodiscard]] QString amount() const;
    [[nodiscard]] QString feeName() const;
    [[nodiscard]] QString itemName() const;
    [[nodiscard]] QString code() const;
    [[nodiscard]] QString caseNumber() const;
    [[nodiscard]] bool application() const;
    [[nodiscard]] QString paid() const;
    [[nodiscard]] int secondsLeft() const;
    [[nodiscard]] QString countdown() const;

    // A new code after an expired or cancelled one; the resident gives up paying.
    Q_INVOKABLE bool renew();
    Q_INVOKABLE bool cancel();

signals:
    void changed();
    void secondsLeftChanged();

private:
    KioskRuntime *m_runtime;
    KioskShell *m_shell;
    ProcessSingleton<PaymentDesk> m_singleton{this};
};
