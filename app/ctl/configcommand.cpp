#include "ctlcommand.h"

#include "configfilecheck.h"
#include "configschema.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Keys whose values are secrets or point at them are shown only as set/unset.
bool isSecret(const QString &key)
{
    return key == QLatin1String("admin/pin_hash") || key.endsWith(QLatin1String("_key"));
}

// The account whose access counts: the one named, else the kiosk's service user ("kiosk", as
// packaging/systemd/kiosk.service runs it) when the check runs as root, else the caller.
std::optional<ConfigFileCheck::Account> kioskAccount(CtlContext &context, const QString &user)
{
    if (!user.isEmpty()) {
        const std::optional<ConfigFileCheck::Account> named = ConfigFileCheck::account(user);
        if (!named)
            context.err << "kioskctl config check: no user " << user << " on this machine" << Qt::endl;
        return named;
    }
    const ConfigFileCheck::Account caller = ConfigFileCheck::currentAccount();
    if (caller.uid != 0)
        return caller;
    if (std::optional<ConfigFileCheck::Account> kiosk = ConfigFileCheck::account(QStringLiteral("kiosk")))
        return kiosk;
    context.out << "note: no user kiosk on this machine; files are checked as readable by " << caller.name << Qt::endl;
    return caller;
}

int check(CtlContext &context, const QString &path, const QString &user)
{
    QList<ConfigError> errors;
    const std::optional<KioskConfig> config = KioskConfig::load(path, &errors);
    for (const ConfigError &e : errors)
        context.err << path << ": " << e.toString() << Qt::endl;
    if (!config) {
        context.err << path << ": " << errors.size() << (errors.size() == 1 ? " problem" : " problems")
                    << "; the kiosk would not start" << Qt::endl;
        return CtlExit::Negative;
    }
    const std::optional<ConfigFileCheck::Account> account = kioskAccount(context, user);
    if (!account)
        return CtlExit::Error;
    // The keys are right; now what they name, as the kiosk's user will find it.
    int blocking = 0;
    for (const ConfigFileCheck::Finding &finding : ConfigFileCheck::check(*config, *account)) {
        if (finding.blocking) {
            ++blocking;
            context.err << path << ": " << finding.toString() << Qt::endl;
        } else {
            context.out << path << ": note: " << finding.toString() << Qt::endl;
        }
    }
    if (blocking > 0) {
        context.err << path << ": " << blocking << (blocking == 1 ? " file" : " files") << " the kiosk (user " << account->name
                    << ") cannot use as configured" << Qt::endl;
        return CtlExit::Negative;
    }
    context.out << path << ": ok" << Qt::endl;
    return CtlExit::Ok;
}

int show(CtlContext &context, bool json)
{
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    QJsonObject object;
    for (const ConfigKey &key : ConfigSchema::keys()) {
        QString value = key.type == ConfigType::Boolean ? (config->boolean(key.key) ? QStringLiteral("true") : QStringLiteral("false"))
                                                        : config->string(key.key);
        if (isSecret(key.key))
            value = value.isEmpty() ? QStringLiteral("(unset)") : QStringLiteral("(set)");
        if (json)
            object.insert(key.key, value);
        else
            context.out << key.key << " = " << value << "\n";
    }
    if (json)
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    context.out.flush();
    return CtlExit::Ok;
}

} // namespace

int runConfigCommand(CtlContext &context, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("example") && (args.size() == 1 || args == QStringList{sub, QStringLiteral("--demo")})) {
        context.out << KioskConfig::exampleText(args.size() == 2 ? KioskMode::Demo : KioskMode::Production);
        context.out.flush();
        return CtlExit::Ok;
    }
    if (sub == QLatin1String("check")) {
        QStringList rest = args.mid(1);
        QString user;
        if (const qsizetype at = rest.indexOf(QLatin1String("--user")); at >= 0 && at + 1 < rest.size()) {
            user = rest.at(at + 1);
            rest.remove(at, 2);
        }
        if (rest.size() <= 1 && !rest.contains(QLatin1String("--user")))
            return check(context, rest.isEmpty() ? context.configPath : rest.first(), user);
    }
    if (sub == QLatin1String("show"))
        return show(context, args.contains(QLatin1String("--json")));
    context.err << "usage: kioskctl config example [--demo] | check FILE [--user NAME] | show [--json]" << Qt::endl;
    return CtlExit::Error;
}
