#include "ctlcommand.h"
#include "recentlog.h"

#include <QFileInfo>

std::optional<KioskConfig> CtlContext::loadConfig()
{
    if (!configGiven && !QFileInfo::exists(configPath))
        return KioskConfig::defaults();
    QList<ConfigError> errors;
    std::optional<KioskConfig> config = KioskConfig::load(configPath, &errors);
    for (const ConfigError &e : errors)
        err << configPath << ": " << e.toString() << Qt::endl;
    if (config)
        RecentLog::installForCtl(config->string(QStringLiteral("kiosk/state_dir")));
    return config;
}
