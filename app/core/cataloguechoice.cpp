#include "cataloguechoice.h"

#include "applog.h"
#include "kioskconfig.h"

#include <QDir>
#include <QFileInfo>

CatalogueChoice CatalogueChoice::choose(const KioskConfig &config)
{
    CatalogueChoice choice;
    const QString configured = config.string(QStringLiteral("kiosk/catalogue_file"));
    std::optional<Catalogue> fromConfigured;
    if (!configured.isEmpty()) {
        QString why;
        fromConfigured = Catalogue::fromFile(configured, &why);
        if (!fromConfigured)
            choice.m_problem = QStringLiteral("[kiosk] catalogue_file: %1").arg(why.startsWith(configured) ? why : QStringLiteral("%1: %2").arg(configured, why));
    }

    // The platform's catalogue is what the kiosk fetched last and serves from while offline; a
    // kept copy that no longer reads (a half-written disk) is passed over, never fatal.
    const QString cache = platformCachePath(config);
    if (!cache.isEmpty() && QFileInfo::exists(cache)) {
        QString why;
        if (std::optional<Catalogue> platform = Catalogue::fromFile(cache, &why)) {
            choice.m_catalogue = std::move(*platform);
            choice.m_source = Source::Platform;
            choice.m_path = cache;
        } else {
            qCWarning(lcApp).noquote() << "the platform's kept catalogue is passed over:" << why;
        }
    }
    if (choice.m_source != Source::Platform && fromConfigured) {
        choice.m_catalogue = std::move(*fromConfigured);
        choice.m_source = Source::ConfiguredFile;
        choice.m_path = configured;
    } else if (choice.m_source != Source::Platform) {
        choice.m_catalogue = Catalogue::demo();
        choice.m_source = Source::BuiltIn;
    }
    if (!choice.m_problem.isEmpty()) {
        choice.m_problem += QStringLiteral("; the kiosk offers the %1 catalogue %2 instead")
                                .arg(sourceName(choice.m_source), choice.m_catalogue.version());
    }
    return choice;
}

QString CatalogueChoice::platformCachePath(const KioskConfig &config)
{
    const QString stateDir = config.string(QStringLiteral("kiosk/state_dir"));
    return stateDir.isEmpty() ? QString() : QDir(stateDir).filePath(QStringLiteral("platform-catalogue.json"));
}

QString CatalogueChoice::sourceName(Source source)
{
    switch (source) {
    case Source::Platform: return QStringLiteral("platform");
    case Source::ConfiguredFile: return QStringLiteral("configured");
    case Source::BuiltIn: return QStringLiteral("built-in");
    }
    return {};
}

QJsonObject CatalogueChoice::toJson() const
{
    return {{QStringLiteral("source"), sourceName(m_source)},
            {QStringLiteral("path"), m_path},
            {QStringLiteral("version"), m_catalogue.version()},
            {QStringLiteral("items"), m_catalogue.items().size()},
            {QStringLiteral("health"), m_problem.isEmpty() ? QStringLiteral("ok") : QStringLiteral("warning")},
            {QStringLiteral("detail"), m_problem.isEmpty() ? QString() : QStringLiteral("catalogue_file_unusable")},
            {QStringLiteral("problem"), m_problem}};
}

QJsonObject CatalogueChoice::heartbeatDevice() const
{
    const QJsonObject json = toJson();
    return {{QStringLiteral("class"), QStringLiteral("catalogue")},
            {QStringLiteral("id"), QStringLiteral("catalogue")},
            {QStringLiteral("health"), json.value(QLatin1String("health"))},
            {QStringLiteral("detail"), json.value(QLatin1String("detail"))}};
}
