#include "idcard/sim/simcards.h"

namespace SimCards {

namespace {

// Stand-ins for the WLT photo and the fingerprint template: deterministic bytes of the real
// sizes, different per card so that a test can tell which card's bytes arrived.
QByteArray pattern(qsizetype size, quint8 seed)
{
    QByteArray bytes(size, '\0');
    quint32 state = seed * 2654435761u + 1;
    for (qsizetype i = 0; i < size; ++i) {
        state = state * 1103515245u + 12345u;
        bytes[i] = static_cast<char>(state >> 16);
    }
    return bytes;
}

IdCardHolder resident()
{
    IdCardHolder h;
    h.type = IdCardHolder::CardType::Resident;
    h.name = QStringLiteral("李文静");
    h.gender = IdCardHolder::Gender::Female;
    h.nationCode = 1;
    h.birthDate = QDate(1988, 6, 12);
    h.address = QStringLiteral("安徽省合肥市蜀山区长江西路189号2幢301室");
    h.idNumber = QStringLiteral("340104198806122521");
    h.issuer = QStringLiteral("合肥市公安局蜀山分局");
    h.validFrom = QDate(2016, 3, 1);
    h.validUntil = QDate(2036, 3, 1);
    h.photo = pattern(1024, 1);
    h.fingerprint = pattern(1024, 2);
    return h;
}

IdCardHolder residentLongTerm()
{
    IdCardHolder h;
    h.type = IdCardHolder::CardType::Resident;
    h.name = QStringLiteral("张国华");
    h.gender = IdCardHolder::Gender::Male;
    h.nationCode = 3;
    h.birthDate = QDate(1955, 3, 8);
    h.address = QStringLiteral("安徽省合肥市庐阳区寿春路88号");
    h.idNumber = QStringLiteral("340102195503081519");
    h.issuer = QStringLiteral("合肥市公安局庐阳分局");
    h.validFrom = QDate(2012, 9, 20);
    h.validLongTerm = true;
    h.photo = pattern(1024, 3);
    return h;
}

IdCardHolder permit()
{
    IdCardHolder h;
    h.type = IdCardHolder::CardType::HkMoTwPermit;
    h.name = QStringLiteral("陈嘉欣");
    h.gender = IdCardHolder::Gender::Female;
    h.birthDate = QDate(1990, 2, 15);
    h.address = QStringLiteral("安徽省合肥市包河区徽州大道1号");
    h.idNumber = QStringLiteral("81000019900215302X");
    h.issuer = QStringLiteral("合肥市公安局");
    h.validFrom = QDate(2024, 7, 1);
    h.validUntil = QDate(2029, 7, 1);
    h.passNumber = QStringLiteral("H12345678");
    h.issueCount = QStringLiteral("02");
    h.photo = pattern(1024, 4);
    return h;
}

IdCardHolder foreign2017()
{
    IdCardHolder h;
    h.type = IdCardHolder::CardType::ForeignPermanent2017;
    h.nameEn = QStringLiteral("SMITH, JOHN ANDREW");
    h.name = QStringLiteral("史密斯");
    h.gender = IdCardHolder::Gender::Male;
    h.idNumber = QStringLiteral("USA340080011601");
    h.nationality = QStringLiteral("USA");
    h.validFrom = QDate(2019, 5, 20);
    h.validUntil = QDate(2029, 5, 19);
    h.birthDate = QDate(1980, 1, 16);
    h.cardVersion = QStringLiteral("01");
    h.issuingOffice = QStringLiteral("3400");
    h.photo = pattern(1024, 5);
    return h;
}

IdCardHolder foreign2023()
{
    IdCardHolder h;
    h.type = IdCardHolder::CardType::ForeignPermanent2023;
    h.name = QStringLiteral("威廉斯");
    h.nameEn = QStringLiteral("WILLIAMS-BROWN, CHARLOTTE ELIZABETH VICTORIA");
    h.gender = IdCardHolder::Gender::Female;
    h.renewalCount = QStringLiteral("00");
    h.birthDate = QDate(1985, 3, 15);
    h.idNumber = QStringLiteral("934826198503150015");
    h.validFrom = QDate(2023, 12, 1);
    h.validUntil = QDate(2033, 11, 30);
    h.nationality = QStringLiteral("GBR");
    h.photo = pattern(1024, 6);
    return h;
}

// A card whose texts begin like HTML, for the tests that show the kiosk draws card data as the
// characters it holds: the name carries a bold tag, the address an image aimed at port 47811 on
// loopback (the address field's 35 characters hold the tag and two more). Not offered by names():
// the demo panel shows residents' cards, not a hostile one.
IdCardHolder hostileText()
{
    IdCardHolder h = resident();
    h.name = QStringLiteral("<b>李四</b>");
    h.address = QStringLiteral("<img src=http://127.0.0.1:47811/>合肥");
    return h;
}

} // namespace

QStringList names()
{
    return {QStringLiteral("resident"), QStringLiteral("hk_mo_tw_permit"), QStringLiteral("foreign_permanent_2017"),
            QStringLiteral("foreign_permanent_2023"), QStringLiteral("resident_long_term")};
}

std::optional<IdCardHolder> card(const QString &name)
{
    if (name == QLatin1String("resident"))
        return resident();
    if (name == QLatin1String("resident_long_term"))
        return residentLongTerm();
    if (name == QLatin1String("hk_mo_tw_permit"))
        return permit();
    if (name == QLatin1String("foreign_permanent_2017"))
        return foreign2017();
    if (name == QLatin1String("foreign_permanent_2023"))
        return foreign2023();
    if (name == QLatin1String("hostile_text"))
        return hostileText();
    return std::nullopt;
}

} // namespace SimCards
