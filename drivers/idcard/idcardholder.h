#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QDebug;

// What one read of a card yields: the text fields of its type, the raw photo (WLT) and
// fingerprint bytes, and a decoded photo when a decoder plugin is installed. It is personal
// data: QDebug prints it masked, toJson() masks unless asked to reveal, and wipe() clears it.
struct IdCardHolder {
    enum class CardType { Resident, HkMoTwPermit, ForeignPermanent2017, ForeignPermanent2023 };
    enum class Gender { Unknown, Male, Female, Unstated };

    CardType type = CardType::Resident;
    QString name;        // Chinese name (may be empty on a 2017 foreign card)
    QString nameEn;      // foreign cards
    Gender gender = Gender::Unknown;
    int nationCode = 0;  // resident card and permit: 1..56, 97, 98
    QDate birthDate;
    QString address;
    QString idNumber;    // citizen number, or the foreign card's number
    QString issuer;
    QDate validFrom;
    QDate validUntil;
    bool validLongTerm = false; // 长期: no expiry
    QString passNumber;  // permit J
    // Counts as the card holds them, digits kept: a permit issued twice says "02", and that is
    // what is shown and sent.
    QString issueCount;   // permit J: how many times issued
    QString renewalCount; // 2023 Y
    QString nationality; // foreign cards: ISO 3166 alpha-3
    QString cardVersion;     // 2017 I
    QString issuingOffice;   // 2017 I
    QString previousCardNumber; // 2023 Y: a link to the card it replaces
    QByteArray photo;        // 1024 bytes WLT, undecoded
    QByteArray fingerprint;  // 0 or up to 1024 bytes
    QByteArray decodedPhoto; // BMP bytes from the photo plugin, empty without one
    QString samId;           // the reader's SAM that read the card (not the holder's data): `sam_id`

    [[nodiscard]] static QString typeName(CardType type); // "resident", "hk_mo_tw_permit", …
    [[nodiscard]] static std::optional<CardType> typeFromName(const QString &name);
    [[nodiscard]] static QString genderName(Gender gender);

    // Problems a technician should know of: a failing check character, dates that do not parse,
    // an unknown nation code. Empty for a sound card.
    [[nodiscard]] QStringList problems() const;
    // The same card presented again yields the same key; it holds no personal data in clear.
    [[nodiscard]] QByteArray identityKey() const;
    // One line for logs: type, masked name and number.
    [[nodiscard]] QString maskedDescription() const;
    // The JSON of `kioskctl card read --json`: personal fields masked unless `reveal`.
    [[nodiscard]] QJsonObject toJson(bool reveal) const;
    // Overwrites every buffer and clears every field.
    void wipe();
};

QDebug operator<<(QDebug debug, const IdCardHolder &holder);

Q_DECLARE_METATYPE(IdCardHolder)
