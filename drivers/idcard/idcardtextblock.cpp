#include "idcard/idcardtextblock.h"

namespace IdCardTextBlock {

namespace {

QString field(QByteArrayView block, qsizetype offset, qsizetype bytes)
{
    QString text;
    text.reserve(bytes / 2);
    for (qsizetype i = offset; i + 1 < offset + bytes; i += 2) {
        const auto unit = static_cast<char16_t>(static_cast<quint8>(block[i]) | static_cast<quint8>(block[i + 1]) << 8);
        text.append(QChar(unit));
    }
    // Cards pad with spaces; some readers pad with NULs.
    while (!text.isEmpty() && (text.back() == QLatin1Char(' ') || text.back() == QChar(0)))
        text.chop(1);
    return text;
}

QDate date(const QString &text)
{
    return QDate::fromString(text, QStringLiteral("yyyyMMdd"));
}

int number(const QString &text, int fallback)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok ? value : fallback;
}

IdCardHolder::Gender gender(const QString &text)
{
    if (text == QLatin1String("1"))
        return IdCardHolder::Gender::Male;
    if (text == QLatin1String("2"))
        return IdCardHolder::Gender::Female;
    if (text == QLatin1String("9"))
        return IdCardHolder::Gender::Unstated;
    return IdCardHolder::Gender::Unknown;
}

QString genderCode(IdCardHolder::Gender value)
{
    switch (value) {
    case IdCardHolder::Gender::Male: return QStringLiteral("1");
    case IdCardHolder::Gender::Female: return QStringLiteral("2");
    case IdCardHolder::Gender::Unstated: return QStringLiteral("9");
    case IdCardHolder::Gender::Unknown: break;
    }
    return QStringLiteral("0");
}

void validity(IdCardHolder &holder, QByteArrayView block)
{
    holder.validFrom = date(field(block, 188, 16));
    const QString until = field(block, 204, 16);
    holder.validLongTerm = until.startsWith(QStringLiteral("长期"));
    if (!holder.validLongTerm)
        holder.validUntil = date(until);
}

void put(QByteArray &block, qsizetype offset, qsizetype bytes, const QString &text)
{
    for (qsizetype i = 0; i < bytes / 2; ++i) {
        const char16_t unit = i < text.size() ? text.at(i).unicode() : u' ';
        block[offset + 2 * i] = static_cast<char>(unit & 0xFF);
        block[offset + 2 * i + 1] = static_cast<char>(unit >> 8);
    }
}

QString dateText(const QDate &value)
{
    return value.toString(QStringLiteral("yyyyMMdd"));
}

quint16 bigEndian(QByteArrayView data, qsizetype offset)
{
    return static_cast<quint16>(static_cast<quint8>(data[offset]) << 8 | static_cast<quint8>(data[offset + 1]));
}

void appendBigEndian(QByteArray &data, qsizetype value)
{
    data.append(static_cast<char>((value >> 8) & 0xFF));
    data.append(static_cast<char>(value & 0xFF));
}

} // namespace

std::optional<CardData> parseReadData(QByteArrayView data, bool withFingerprint, QString *error)
{
    const qsizetype lengths = withFingerprint ? 6 : 4;
    if (data.size() < lengths) {
        if (error)
            *error = QStringLiteral("read reply too short for its lengths (%1 bytes)").arg(data.size());
        return std::nullopt;
    }
    const qsizetype textSize = bigEndian(data, 0);
    const qsizetype photoSize = bigEndian(data, 2);
    const qsizetype fingerprintSize = withFingerprint ? bigEndian(data, 4) : 0;
    if (data.size() != lengths + textSize + photoSize + fingerprintSize) {
        if (error)
            *error = QStringLiteral("read reply is %1 bytes but its lengths say %2")
                         .arg(data.size())
                         .arg(lengths + textSize + photoSize + fingerprintSize);
        return std::nullopt;
    }
    CardData card;
    card.text = data.sliced(lengths, textSize).toByteArray();
    card.photo = data.sliced(lengths + textSize, photoSize).toByteArray();
    card.fingerprint = data.sliced(lengths + textSize + photoSize, fingerprintSize).toByteArray();
    return card;
}

QByteArray encodeReadData(const CardData &card, bool withFingerprint)
{
    QByteArray data;
    appendBigEndian(data, card.text.size());
    appendBigEndian(data, card.photo.size());
    if (withFingerprint)
        appendBigEndian(data, card.fingerprint.size());
    data += card.text;
    data += card.photo;
    if (withFingerprint)
        data += card.fingerprint;
    return data;
}

std::optional<IdCardHolder> parse(QByteArrayView block, QString *error)
{
    if (block.size() != TextSize) {
        if (error)
            *error = QStringLiteral("text block is %1 bytes, not %2").arg(block.size()).arg(TextSize);
        return std::nullopt;
    }
    IdCardHolder holder;
    const QString marker = field(block, 248, 2);
    if (marker == QLatin1String("I")) {
        holder.type = IdCardHolder::CardType::ForeignPermanent2017;
        holder.nameEn = field(block, 0, 120);
        holder.gender = gender(field(block, 120, 2));
        holder.idNumber = field(block, 122, 30);
        holder.nationality = field(block, 152, 6);
        holder.name = field(block, 158, 30);
        validity(holder, block);
        holder.birthDate = date(field(block, 220, 16));
        holder.cardVersion = field(block, 236, 4);
        holder.issuingOffice = field(block, 240, 8);
        return holder;
    }
    if (marker == QLatin1String("Y")) {
        holder.type = IdCardHolder::CardType::ForeignPermanent2023;
        holder.name = field(block, 0, 30);
        holder.gender = gender(field(block, 30, 2));
        holder.renewalCount = field(block, 32, 4);
        holder.birthDate = date(field(block, 36, 16));
        // The English name runs on from offset 52 into the reserved area; pad the first part
        // back to its 35 characters so a space at the join survives.
        QString first = field(block, 52, 70);
        const QString rest = field(block, 220, 22);
        if (!rest.isEmpty())
            first = first.leftJustified(35, QLatin1Char(' '));
        holder.nameEn = (first + rest).trimmed();
        holder.idNumber = field(block, 122, 36);
        validity(holder, block);
        holder.nationality = field(block, 242, 6);
        holder.previousCardNumber = field(block, 250, 6);
        return holder;
    }
    holder.type = marker == QLatin1String("J") ? IdCardHolder::CardType::HkMoTwPermit : IdCardHolder::CardType::Resident;
    holder.name = field(block, 0, 30);
    holder.gender = gender(field(block, 30, 2));
    holder.nationCode = number(field(block, 32, 4), 0);
    holder.birthDate = date(field(block, 36, 16));
    holder.address = field(block, 52, 70);
    holder.idNumber = field(block, 122, 36);
    holder.issuer = field(block, 158, 30);
    validity(holder, block);
    if (holder.type == IdCardHolder::CardType::HkMoTwPermit) {
        holder.passNumber = field(block, 220, 18);
        holder.issueCount = field(block, 238, 4);
    }
    return holder;
}

QByteArray encode(const IdCardHolder &holder)
{
    QByteArray block(TextSize, '\0');
    put(block, 0, TextSize, QString());
    const QString until = holder.validLongTerm ? QStringLiteral("长期") : dateText(holder.validUntil);
    switch (holder.type) {
    case IdCardHolder::CardType::ForeignPermanent2017:
        put(block, 0, 120, holder.nameEn);
        put(block, 120, 2, genderCode(holder.gender));
        put(block, 122, 30, holder.idNumber);
        put(block, 152, 6, holder.nationality);
        put(block, 158, 30, holder.name);
        put(block, 188, 16, dateText(holder.validFrom));
        put(block, 204, 16, until);
        put(block, 220, 16, dateText(holder.birthDate));
        put(block, 236, 4, holder.cardVersion);
        put(block, 240, 8, holder.issuingOffice);
        put(block, 248, 2, QStringLiteral("I"));
        break;
    case IdCardHolder::CardType::ForeignPermanent2023:
        put(block, 0, 30, holder.name);
        put(block, 30, 2, genderCode(holder.gender));
        put(block, 32, 4, holder.renewalCount);
        put(block, 36, 16, dateText(holder.birthDate));
        put(block, 52, 70, holder.nameEn.left(35));
        put(block, 122, 36, holder.idNumber);
        put(block, 188, 16, dateText(holder.validFrom));
        put(block, 204, 16, until);
        put(block, 220, 22, holder.nameEn.mid(35));
        put(block, 242, 6, holder.nationality);
        put(block, 248, 2, QStringLiteral("Y"));
        put(block, 250, 6, holder.previousCardNumber);
        break;
    case IdCardHolder::CardType::Resident:
    case IdCardHolder::CardType::HkMoTwPermit:
        put(block, 0, 30, holder.name);
        put(block, 30, 2, genderCode(holder.gender));
        put(block, 32, 4, holder.nationCode > 0 ? QStringLiteral("%1").arg(holder.nationCode, 2, 10, QLatin1Char('0')) : QString());
        put(block, 36, 16, dateText(holder.birthDate));
        put(block, 52, 70, holder.address);
        put(block, 122, 36, holder.idNumber);
        put(block, 158, 30, holder.issuer);
        put(block, 188, 16, dateText(holder.validFrom));
        put(block, 204, 16, until);
        if (holder.type == IdCardHolder::CardType::HkMoTwPermit) {
            put(block, 220, 18, holder.passNumber);
            put(block, 238, 4, holder.issueCount);
            put(block, 248, 2, QStringLiteral("J"));
        }
        break;
    }
    return block;
}

} // namespace IdCardTextBlock
