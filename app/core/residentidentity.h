#pragma once

#include "idcard/idcardholder.h"
#include "localizedtext.h"
#include "sessionmachine.h"

#include <QDate>
#include <QObject>

#include <optional>

// Who the resident at the kiosk is, for the length of one session: the card they presented,
// accepted only if it is still valid on the day, or the identity the platform vouched for when
// they showed their network-identity or app code. It shows the UI a masked view, hands the full
// holder only to the code that submits on the resident's behalf, and forgets it at the wipe.
class ResidentIdentity : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    enum class Refusal { None, Expired, NotYetValid, Unreadable };
    enum class Method { None, Card, Code };

    explicit ResidentIdentity(QObject *parent = nullptr);

    // Takes a card read by the reader. Returns why it was refused, or Refusal::None when the
    // resident is now identified. `today` is the kiosk's date (a parameter so tests pin it).
    Refusal acceptCard(const IdCardHolder &holder, QDate today);
    // Takes the identity the platform verified for a code; the payload is kept for a face check
    // later in the session (the platform compares the face with the code's holder).
    void acceptVerifiedCode(const IdCardHolder &holder, const QString &payload);

    [[nodiscard]] bool isIdentified() const { return m_holder.has_value(); }
    [[nodiscard]] const IdCardHolder *holder() const { return m_holder ? &*m_holder : nullptr; }
    [[nodiscard]] QString maskedName() const;
    [[nodiscard]] QString maskedIdNumber() const;
    // The card's type name ("resident", …), or "netid" for an identity shown by code.
    [[nodiscard]] QString cardType() const;
    // What screens call the document the resident identified with, so that a permit holder is
    // not told of an ID card: where prefilled values came from ("来自居住证"), the label of its
    // number ("证件号码"), and the form's note on what was filled in. Empty when unidentified.
    [[nodiscard]] LocalizedText documentSource() const;
    [[nodiscard]] LocalizedText numberLabel() const;
    [[nodiscard]] LocalizedText prefilledNote() const;
    [[nodiscard]] Method method() const { return m_holder ? m_method : Method::None; }
    [[nodiscard]] QString codePayload() const { return m_codePayload; }
    [[nodiscard]] Refusal lastRefusal() const { return m_lastRefusal; }
    [[nodiscard]] static QString refusalName(Refusal refusal);

    void wipeSessionData() override;

signals:
    void changed();

private:
    void forgetCode();

    std::optional<IdCardHolder> m_holder;
    Method m_method = Method::None;
    QString m_codePayload;
    Refusal m_lastRefusal = Refusal::None;
};
