#include "kioskruntime.h"

#include "applog.h"

std::unique_ptr<KioskRuntime> KioskRuntime::create(const KioskConfig &config, QString *error)
{
    const QString cataloguePath = config.string(QStringLiteral("kiosk/catalogue_file"));
    std::optional<Catalogue> catalogue;
    if (cataloguePath.isEmpty()) {
        catalogue = Catalogue::demo();
    } else {
        QString why;
        catalogue = Catalogue::fromFile(cataloguePath, &why);
        if (!catalogue) {
            if (error)
                *error = QStringLiteral("[kiosk] catalogue_file: %1").arg(why);
            return nullptr;
        }
    }
    qCInfo(lcApp) << "catalogue" << catalogue->version() << "with" << catalogue->items().size() << "items and"
                  << catalogue->themes().size() << "themes";
    return std::unique_ptr<KioskRuntime>(new KioskRuntime(config, std::move(*catalogue)));
}

KioskRuntime::KioskRuntime(const KioskConfig &config, Catalogue catalogue)
    : m_config(config)
    , m_catalogue(std::move(catalogue))
    , m_session(SessionTimeouts::fromConfig(config))
{
}
