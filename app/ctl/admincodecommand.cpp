#include "ctlcommand.h"

#include "admincode.h"
#include "admincodereplaylist.h"
#include "qrsymbol.h"
#include "terminalcredentials.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QMap>
#include <QRegularExpression>

// `kioskctl admin-code keygen|sign|check`: the signed QR codes that open maintenance mode without
// the PIN (docs/maintenance.md). Keys are made and codes signed on a staff machine; terminals hold
// only the public keys, under admin/code_keys.
namespace {

const char Usage[] =
    "usage: kioskctl admin-code keygen --private FILE --public FILE [--force]\n"
    "       kioskctl admin-code sign --key PRIVATE.pem --terminal ID|* [--role maintainer|technician] [--valid 10m] [--png FILE]\n"
    "       kioskctl admin-code check PAYLOAD [--keys FILE] [--terminal ID] [--json]";

int usage(CtlContext &context)
{
    context.err << Usage << Qt::endl;
    return CtlExit::Error;
}

// Options as name → value from "--name value" pairs (and bare flags as "1"); false on a stray word.
bool parseOptions(const QStringList &args, const QStringList &flags, QMap<QString, QString> *options, QStringList *positional)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            if (!positional)
                return false;
            positional->append(arg);
        } else if (flags.contains(arg)) {
            options->insert(arg, QStringLiteral("1"));
        } else if (i + 1 < args.size()) {
            options->insert(arg, args.at(++i));
        } else {
            return false;
        }
    }
    return true;
}

// "10m", "90s" or plain seconds; -1 when it is none of them.
int parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,6})([sm]?)$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    const int number = match.captured(1).toInt();
    return match.captured(2) == QLatin1String("m") ? number * 60 : number;
}

bool writeFile(const QString &path, const QByteArray &bytes, bool secret, QString *error)
{
    QFile file(path);
    // The private key is made unreadable to others before a byte of it is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || (secret && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        || file.write(bytes) != bytes.size() || !file.flush()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int keygen(CtlContext &context, const QStringList &args)
{
    QMap<QString, QString> options;
    if (!parseOptions(args, {QStringLiteral("--force")}, &options, nullptr) || !options.contains(QStringLiteral("--private"))
        || !options.contains(QStringLiteral("--public")))
        return usage(context);
    const QString privatePath = options.value(QStringLiteral("--private"));
    const QString publicPath = options.value(QStringLiteral("--public"));
    if (!options.contains(QStringLiteral("--force")) && (QFileInfo::exists(privatePath) || QFileInfo::exists(publicPath))) {
        context.err << "kioskctl admin-code keygen: " << (QFileInfo::exists(privatePath) ? privatePath : publicPath)
                    << " exists; a new key would lock out every code signed with the old one (use --force)" << Qt::endl;
        return CtlExit::Error;
    }
    QString error;
    const std::optional<AdminKeyPair> pair = AdminCode::generateKeyPair(&error);
    if (!pair || !writeFile(privatePath, pair->privatePem, true, &error) || !writeFile(publicPath, pair->publicPem, false, &error)) {
        context.err << "kioskctl admin-code keygen: " << error << Qt::endl;
        return CtlExit::Error;
    }
    context.out << "key id   " << AdminCode::keyIdOf(pair->publicPem) << "\n"
                << "private  " << privatePath << " (mode 0600: keep it on the staff machine that signs codes)\n"
                << "public   " << publicPath << " (append it to the file admin/code_keys names on each terminal)" << Qt::endl;
    return CtlExit::Ok;
}

bool writePng(const QString &payload, const QString &path, QString *error)
{
    const QrSymbol symbol = QrSymbol::encode(payload, error);
    if (symbol.size() == 0)
        return false;
    // Eight pixels a module and the quiet zone QrSymbol draws: sharp on a phone and on paper.
    const int side = (symbol.size() + 8) * 8;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    symbol.draw(painter, QRectF(0, 0, side, side));
    painter.end();
    if (!image.save(path, "PNG")) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

int sign(CtlContext &context, const QStringList &args)
{
    QMap<QString, QString> options;
    if (!parseOptions(args, {}, &options, nullptr) || !options.contains(QStringLiteral("--key"))
        || !options.contains(QStringLiteral("--terminal")))
        return usage(context);
    // A code for any terminal lives five minutes unless asked for less (AdminCode::wildcardProblem).
    const bool wildcard = options.value(QStringLiteral("--terminal")) == QLatin1String(AdminCode::AnyTerminal);
    const int validS = parseDuration(options.value(QStringLiteral("--valid"), wildcard ? QStringLiteral("5m") : QStringLiteral("10m")));
    if (validS <= 0 || validS > AdminCode::MaximumValiditySeconds) {
        context.err << "kioskctl admin-code sign: --valid must be between 1s and " << AdminCode::MaximumValiditySeconds / 60
                    << "m (terminals refuse longer codes)" << Qt::endl;
        return CtlExit::Error;
    }
    QFile keyFile(options.value(QStringLiteral("--key")));
    if (!keyFile.open(QIODevice::ReadOnly)) {
        context.err << "kioskctl admin-code sign: " << keyFile.fileName() << ": " << keyFile.errorString() << Qt::endl;
        return CtlExit::Error;
    }
    AdminCodeClaims claims;
    claims.terminal = options.value(QStringLiteral("--terminal"));
    claims.role = options.value(QStringLiteral("--role"), QStringLiteral("maintainer"));
    claims.issued = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    claims.expires = claims.issued.addSecs(validS);
    QString error;
    const QString payload = AdminCode::sign(claims, keyFile.readAll(), &error);
    if (payload.isEmpty()) {
        context.err << "kioskctl admin-code sign: " << error << Qt::endl;
        return CtlExit::Error;
    }
    if (options.contains(QStringLiteral("--png")) && !writePng(payload, options.value(QStringLiteral("--png")), &error)) {
        context.err << "kioskctl admin-code sign: " << error << Qt::endl;
        return CtlExit::Error;
    }
    context.out << payload << Qt::endl;
    context.err << "valid until " << claims.expires.toLocalTime().toString(Qt::ISODate) << " for " << claims.terminal << " as "
                << claims.role << "; a terminal accepts it once" << Qt::endl;
    return CtlExit::Ok;
}

int check(CtlContext &context, const QStringList &args)
{
    QMap<QString, QString> options;
    QStringList positional;
    if (!parseOptions(args, {QStringLiteral("--json")}, &options, &positional) || positional.size() != 1)
        return usage(context);
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    const QString keysPath = options.value(QStringLiteral("--keys"), config->string(QStringLiteral("admin/code_keys")));
    QList<QByteArray> keys;
    if (!keysPath.isEmpty()) {
        QFile file(keysPath);
        if (!file.open(QIODevice::ReadOnly)) {
            context.err << "kioskctl admin-code check: " << keysPath << ": " << file.errorString() << Qt::endl;
            return CtlExit::Error;
        }
        keys = AdminCode::publicKeysIn(file.readAll());
    }
    QString terminal = options.value(QStringLiteral("--terminal"));
    QString ignored;
    const std::optional<TerminalCredentials> credentials =
        TerminalCredentials::load(config->string(QStringLiteral("platform/credentials_file")), &ignored);
    if (terminal.isEmpty())
        terminal = credentials ? credentials->terminalId : config->string(QStringLiteral("kiosk/site"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AdminCodeVerdict verdict = AdminCode::verify(positional.first(), keys, terminal, now, credentials.has_value());
    // Checking consumes nothing; it only says whether this terminal has already taken the code.
    if (verdict.ok()
        && AdminCodeReplayList(AdminCodeReplayList::pathIn(config->string(QStringLiteral("kiosk/state_dir")))).seen(verdict.claims.nonce, now))
        verdict.error = AdminCodeError::Replayed;
    const QString result = AdminCode::errorName(verdict.error);
    if (options.contains(QStringLiteral("--json"))) {
        QJsonObject json{{QStringLiteral("result"), result}, {QStringLiteral("terminal_checked"), terminal}};
        if (verdict.error != AdminCodeError::Malformed && verdict.error != AdminCodeError::NotAdminCode) {
            json.insert(QStringLiteral("terminal"), verdict.claims.terminal);
            json.insert(QStringLiteral("role"), verdict.claims.role);
            json.insert(QStringLiteral("key_id"), verdict.claims.keyId);
            json.insert(QStringLiteral("nonce"), verdict.claims.nonce);
            json.insert(QStringLiteral("issued"), verdict.claims.issued.toString(Qt::ISODate));
            json.insert(QStringLiteral("expires"), verdict.claims.expires.toString(Qt::ISODate));
        }
        context.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        context.out << "result     " << result << "\n";
        if (verdict.error != AdminCodeError::Malformed && verdict.error != AdminCodeError::NotAdminCode) {
            context.out << "terminal   " << verdict.claims.terminal << " (this terminal: " << terminal << ")\n"
                        << "role       " << verdict.claims.role << "\n"
                        << "key id     " << verdict.claims.keyId << (keys.isEmpty() ? " (no trusted keys configured)" : "") << "\n"
                        << "valid      " << verdict.claims.issued.toLocalTime().toString(Qt::ISODate) << " to "
                        << verdict.claims.expires.toLocalTime().toString(Qt::ISODate) << "\n";
        }
        context.out << Qt::flush;
    }
    return verdict.ok() ? CtlExit::Ok : CtlExit::Negative;
}

} // namespace

int runAdminCodeCommand(CtlContext &context, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("keygen"))
        return keygen(context, args.mid(1));
    if (sub == QLatin1String("sign"))
        return sign(context, args.mid(1));
    if (sub == QLatin1String("check"))
        return check(context, args.mid(1));
    return usage(context);
}
