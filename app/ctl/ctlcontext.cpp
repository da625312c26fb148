#include "ctlcommand.h"
#include "halltime.h"
#include "recentlog.h"
#include "sealedcredentials.h"

#include <QFileInfo>

std::optional<KioskConfig> CtlContext::loadConfig()
{
    if (!configGiven && !QFileInfo::exists(configPath)) {
        const KioskConfig demo = KioskConfig::builtInDemo();
        HallTime::apply(demo);
        return demo;
    }
    QList<ConfigError> errors;
    std::optional<KioskConfig> config = KioskConfig::load(configPath, &errors);
    for (const ConfigError &e : errors)
        err << configPath << ": " << e.toString() << Qt::endl;
    if (config) {
        RecentLog::installForCtl(config->string(QStringLiteral("kiosk/state_dir")));
        HallTime::apply(*config);
        if (unsealSecrets) {
            for (const QString &problem : SealedCredentials::unseal(&*config))
                err << "kioskctl: " << problem << Qt::endl;
        }
    }
    return config;
}
