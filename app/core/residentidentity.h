#pragma once

#include "idcard/idcardholder.h"
#include "sessionmachine.h"

#include <QDate>
#include <QObject>

#include <optional>

// Who the resident at the kiosk is, for the length of one session: the card they presented,
// accepted only if it is still valid on the day. It shows the UI a masked view, hands the full
// holder only to the code that submits on the resident's behalf, and forgets it at the wipe.
class ResidentIdentity : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    enum class Refusal { None, Expired, NotYetValid, Unreadable };

    explicit ResidentIdentity(QObject *parent = nullptr);

    // Takes a card read by the reader. Returns why it was refused, or Refusal::None when the
    // resident is now identified. `today` is the kiosk's date (a parameter so tests pin it).
    Refusal acceptCard(const IdCardHolder &holder, QDate today);

    [[nodiscard]] bool isIdentified() const { return m_holder.has_value(); }
    [[nodiscard]] const IdCardHolder *holder() const { return m_holder ? &*m_holder : nullptr; }
    [[nodiscard]] QString maskedName() const;
    [[nodiscard]] QString maskedIdNumber() const;
    [[nodiscard]] QString cardType() const;
    [[nodiscard]] Refusal lastRefusal() const { return m_lastRefusal; }
    [[nodiscard]] static QString refusalName(Refusal refusal);

    void wipeSessionData() override;

signals:
    void changed();

private:
    std::optional<IdCardHolder> m_holder;
    Refusal m_lastRefusal = Refusal::None;
};
