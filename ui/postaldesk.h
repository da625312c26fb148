#pragma once

#include "processsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

class KioskRuntime;
class PostalDelivery;

// What the choice and address screens see, as the singleton `Post`, of how an application's
// document comes (PostalDelivery): 窗口领取 or 免费邮寄, the recipient, phone and address with
// each field's problem, and the names a picker offers for the province, city and district. It
// only presents and relays taps; the rules are PostalDelivery's.
class PostalDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Post)
    QML_SINGLETON
    Q_PROPERTY(bool offered READ offered NOTIFY changed)
    Q_PROPERTY(Method method READ method NOTIFY changed)
    // The values as they are: the resident checks on the address screen where the document goes.
    Q_PROPERTY(QString recipient READ recipient NOTIFY changed)
    Q_PROPERTY(QString phone READ phone NOTIFY changed)
    Q_PROPERTY(QString province READ province NOTIFY changed)
    Q_PROPERTY(QString city READ city NOTIFY changed)
    Q_PROPERTY(QString district READ district NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
    // Field name → problem ("not_a_phone", "district_not_in_city", …), once the resident tried
    // to confirm; before that only a district that is not in the city is shown.
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY changed)
    Q_PROPERTY(QStringList provinces READ provinces CONSTANT)
    Q_PROPERTY(QStringList cities READ cities NOTIFY changed)
    Q_PROPERTY(QStringList districts READ districts NOTIFY changed)
    // For the review: how the document comes, the address, recipient and phone masked.
    Q_PROPERTY(QString maskedAddress READ maskedAddress NOTIFY changed)
    Q_PROPERTY(QString maskedRecipient READ maskedRecipient NOTIFY changed)
    Q_PROPERTY(QString maskedPhone READ maskedPhone NOTIFY changed)

public:
    enum class Method { None, Pickup, Post };
    Q_ENUM(Method)

    PostalDesk(KioskRuntime *runtime, QObject *parent = nullptr);

    // QML asks for the singleton here; the shell creates it before QML is loaded.
    static PostalDesk *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] bool offered() const;
    [[nodiscard]] Method method() const;
    [[nodiscard]] QString recipient() const;
    [[nodiscard]] QString phone() const;
    [[nodiscard]] QString province() const;
    [[nodiscard]] QString city() const;
    [[nodiscard]] QString district() const;
    [[nodiscard]] QString detail() const;
    [[nodiscard]] QVariantMap problems() const;
    [[nodiscard]] QStringList provinces() const;
    [[nodiscard]] QStringList cities() const;
    [[nodiscard]] QStringList districts() const;
    [[nodiscard]] QString maskedAddress() const;
    [[nodiscard]] QString maskedRecipient() const;
    [[nodiscard]] QString maskedPhone() const;

    Q_INVOKABLE bool choosePickup();
    Q_INVOKABLE bool choosePost();
    // From the address back to the choice, or from the review to the choice.
    Q_INVOKABLE bool change();
    // `field`: recipient, phone, province, city, district, detail.
    Q_INVOKABLE bool setField(const QString &field, const QString &value);
    // The address is whole: on to the review. False, with the problems shown, otherwise.
    Q_INVOKABLE bool confirm();

signals:
    void changed();

private:
    PostalDelivery *m_postal;
    bool m_confirmTried = false;
    ProcessSingleton<PostalDesk> m_singleton{this};
};
