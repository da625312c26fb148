#pragma once

#include "localizedtext.h"
#include "sessionmachine.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class ApplicationDraft;
class ResidentIdentity;

// How the document of an application reaches the resident (contract 1.1 "Delivery by post"): for
// an item that offers `post`, a choice step before the review, 窗口领取 or 免费邮寄, and for post
// the recipient, phone and address, prefilled from the card (its address split into province,
// city and district by DivisionTable) and edited by the resident. The case then carries
// `delivery`. All of it is personal data for one session: the wipe clears it.
class PostalDelivery : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    enum class Method { None, Pickup, Post };
    // Where the choice step is: Closed when it is not on screen (nothing to choose, or chosen).
    enum class Stage { Closed, Choosing, Address };
    enum class Field { Recipient, Phone, Province, City, District, Detail };
    enum class Problem { None, Required, NotAPhone, UnknownProvince, CityNotInProvince, DistrictNotInCity, DistrictMissing, TooLong };

    PostalDelivery(SessionMachine *session, const ApplicationDraft *draft, const ResidentIdentity *identity, QObject *parent = nullptr);

    // The application in progress lets the resident choose how its document comes.
    [[nodiscard]] bool offered() const;
    [[nodiscard]] Stage stage() const { return m_stage; }
    [[nodiscard]] Method method() const { return m_method; }

    bool choosePickup();
    // Opens the address, filled from the card and the form's phone the first time.
    bool choosePost();
    // Back from the address to the choice, or from the review to the choice.
    bool change();
    bool setValue(Field field, const QString &value);
    [[nodiscard]] QString value(Field field) const;
    [[nodiscard]] Problem problem(Field field) const;
    // The address is whole: the choice step closes and the review follows.
    bool confirmAddress();

    // The application may be filed: nothing to choose, or chosen (and for post, a whole address).
    [[nodiscard]] bool ready() const;
    // The case's `delivery`, empty when the item offers no choice.
    [[nodiscard]] QJsonObject caseDelivery() const;
    // What a receipt or the review may show: province, city and district, the street masked,
    // the recipient's name and phone masked.
    [[nodiscard]] QString maskedAddress() const;
    [[nodiscard]] QString maskedRecipient() const;
    [[nodiscard]] QString maskedPhone() const;
    // The receipt's line on how the document comes; empty when the item offers no choice.
    [[nodiscard]] LocalizedText receiptNote() const;

    [[nodiscard]] static QString problemName(Problem problem);

    void wipeSessionData() override;

signals:
    void changed();

private:
    void sessionStateChanged(SessionState from, SessionState to);
    void prefill();
    void rememberForTheLogs() const;
    void setStage(Stage stage);

    SessionMachine *m_session;
    const ApplicationDraft *m_draft;
    const ResidentIdentity *m_identity;
    Stage m_stage = Stage::Closed;
    Method m_method = Method::None;
    bool m_prefilled = false;
    QString m_recipient;
    QString m_phone;
    QString m_province;
    QString m_city;
    QString m_district;
    QString m_detail;
};
