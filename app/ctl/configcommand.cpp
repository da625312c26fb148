#include "ctlcommand.h"

#include "configschema.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Keys whose values are secrets or point at them are shown only as set/unset.
bool isSecret(const QString &key)
{
    return key == QLatin1String("admin/pin_hash") || key.endsWith(QLatin1String("_key"));
}

int check(CtlContext &context, const QString &path)
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
    if (sub == QLatin1String("example") && args.size() == 1) {
        context.out << KioskConfig::exampleText();
        context.out.flush();
        return CtlExit::Ok;
    }
    if (sub == QLatin1String("check") && args.size() <= 2) {
        const QString path = args.size() == 2 ? args.at(1) : context.configPath;
        return check(context, path);
    }
    if (sub == QLatin1String("show"))
        return show(context, args.contains(QLatin1String("--json")));
    context.err << "usage: kioskctl config example | check FILE | show [--json]" << Qt::endl;
    return CtlExit::Error;
}
