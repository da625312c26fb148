#pragma once

#include <QJsonObject>
#include <QString>

// The reference platform's stand-in for the national network identity and the provincial app:
// which codes it knows and whose they are. A real platform resolves an opaque code with the
// identity service; here the demo codes name one of the simulator's cards, so a resident shown
// by code is the same person as the one whose card the simulator reads:
//   https://netid.example.gov.cn/v1/demo-<card>     e.g. demo-resident, demo-resident_long_term
//   https://netid.example.gov.cn/v1/expired-<anything>, or any payload starting "expired"
namespace DemoNetId {

inline constexpr char Prefix[] = "https://netid.example.gov.cn/v1/";

struct Resolution {
    QString refusal;    // "qr_expired", "card_invalid" (a code it does not know); empty when known
    QJsonObject holder; // {"name", "id_number"} of a known code
};

[[nodiscard]] Resolution resolve(const QString &payload);
// The demo code that stands for the simulator's card `cardName`.
[[nodiscard]] QString codeFor(const QString &cardName);

} // namespace DemoNetId
