#include "demonetid.h"

#include "idcard/citizennumber.h"
#include "idcard/sim/simcards.h"

namespace DemoNetId {

Resolution resolve(const QString &payload)
{
    const QString prefix = QString::fromLatin1(Prefix);
    if (payload.startsWith(QLatin1String("expired")) || payload.startsWith(prefix + QLatin1String("expired-")))
        return {QStringLiteral("qr_expired"), {}};
    if (!payload.startsWith(prefix + QLatin1String("demo-")))
        return {QStringLiteral("card_invalid"), {}};
    std::optional<IdCardHolder> card = SimCards::card(payload.mid(prefix.size() + 5));
    // Only citizens hold a network identity in this stand-in: a card with a citizen number.
    if (!card || !CitizenNumber::isValid(card->idNumber) || card->name.isEmpty())
        return {QStringLiteral("card_invalid"), {}};
    Resolution known;
    known.holder = {{QStringLiteral("name"), card->name}, {QStringLiteral("id_number"), card->idNumber}};
    card->wipe();
    return known;
}

QString codeFor(const QString &cardName)
{
    return QString::fromLatin1(Prefix) + QStringLiteral("demo-") + cardName;
}

} // namespace DemoNetId
