#include "maintenancepin.h"

#include "kioskconfig.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QStringList>

#include <openssl/evp.h>

namespace {

constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;
// A hash claiming more work than this is refused: it would freeze the kiosk while checking.
constexpr int MaximumIterations = 10000000;
const QLatin1StringView Scheme("pbkdf2-sha256");

struct ParsedHash {
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

bool parse(const QString &stored, ParsedHash *parsed)
{
    const QStringList parts = stored.trimmed().split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != Scheme)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < MaintenancePin::MinimumIterations || iterations > MaximumIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.size() < SaltBytes || key.decoded.size() != KeyBytes)
        return false;
    *parsed = {iterations, salt.decoded, key.decoded};
    return true;
}

// OpenSSL rather than QPasswordDigestor: the same PBKDF2-HMAC-SHA256, several times faster, so
// 600 000 rounds keep the PIN pad answering within a second on the kiosk's CPU.
QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    const QByteArray secret = pin.toUtf8();
    QByteArray key(KeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), KeyBytes, reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return {};
    return key;
}

// Looks at every byte whatever the first difference, so the time taken says nothing about how
// much of a guess was right.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

QString MaintenancePin::hash(const QString &pin)
{
    return hash(pin, DefaultIterations);
}

QString MaintenancePin::hash(const QString &pin, int iterations)
{
    iterations = qBound(MinimumIterations, iterations, MaximumIterations);
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltBytes / sizeof(quint32));
    return QStringLiteral("%1$%2$%3$%4")
        .arg(Scheme)
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derive(pin, salt, iterations).toBase64()));
}

bool MaintenancePin::matches(const QString &pin, const QString &stored)
{
    ParsedHash parsed;
    if (!parse(stored, &parsed))
        return false;
    const QByteArray derived = derive(pin, parsed.salt, parsed.iterations);
    return !derived.isEmpty() && equalInConstantTime(derived, parsed.key);
}

bool MaintenancePin::needsRehash(const QString &stored)
{
    ParsedHash parsed;
    return parse(stored, &parsed) && parsed.iterations < DefaultIterations;
}

QString MaintenancePin::storedIn(const QString &configPath, const QString &fallback)
{
    if (configPath.isEmpty())
        return fallback;
    QList<ConfigError> errors;
    const std::optional<KioskConfig> config = KioskConfig::load(configPath, &errors);
    return config ? config->string(QStringLiteral("admin/pin_hash")) : fallback;
}

bool MaintenancePin::isWellFormed(const QString &stored)
{
    ParsedHash parsed;
    return parse(stored, &parsed);
}

QString MaintenancePin::weaknessOf(const QString &pin)
{
    if (pin.size() < MinimumLength)
        return QStringLiteral("too-short");
    for (QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return QStringLiteral("not-digits");
    }
    if (pin.count(pin.at(0)) == pin.size())
        return QStringLiteral("repeated");
    const auto isRun = [&pin](int step) {
        for (qsizetype i = 1; i < pin.size(); ++i) {
            if ((pin.at(i - 1).digitValue() + step + 10) % 10 != pin.at(i).digitValue())
                return false;
        }
        return true;
    };
    if (isRun(1) || isRun(-1))
        return QStringLiteral("sequence");
    return {};
}

QString MaintenancePin::describeWeakness(const QString &reason)
{
    if (reason == QLatin1String("too-short"))
        return QStringLiteral("a PIN needs at least %1 digits").arg(MinimumLength);
    if (reason == QLatin1String("not-digits"))
        return QStringLiteral("a PIN is digits only (the maintenance keypad has no letters)");
    if (reason == QLatin1String("repeated"))
        return QStringLiteral("a PIN of one repeated digit is guessed first");
    if (reason == QLatin1String("sequence"))
        return QStringLiteral("a run of digits such as 123456 is guessed first");
    return reason;
}
