#include "ctlcommand.h"
#include "platformwait.h"

#include "cataloguechoice.h"
#include "platformclient.h"
#include "common/statefile.h"

#include <QJsonArray>
#include <QJsonDocument>

// `kioskctl catalogue fetch|show|check FILE`: the catalogue this terminal offers, chosen as the
// kiosk chooses it (CatalogueChoice), fetched from the platform into the kiosk's own cache, and
// a file checked before it is configured.
namespace {

int usage(CtlContext &context)
{
    context.err << "usage: kioskctl catalogue fetch | show [--json] | check FILE" << Qt::endl;
    return CtlExit::Error;
}

void printIgnored(CtlContext &context, const QStringList &ignored)
{
    for (const QString &line : ignored)
        context.out << "ignored    " << line << "\n";
}

int show(CtlContext &context, bool json)
{
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    const CatalogueChoice choice = CatalogueChoice::choose(*config);
    const Catalogue &catalogue = choice.catalogue();
    if (json) {
        QJsonObject object = choice.toJson();
        QJsonArray items;
        for (const CatalogueItem &item : catalogue.items()) {
            items.append(QJsonObject{{QStringLiteral("code"), item.code},
                                     {QStringLiteral("kind"), Catalogue::kindName(item.kind)},
                                     {QStringLiteral("name"), item.name.zh},
                                     {QStringLiteral("auth"), QJsonArray::fromStringList(item.auth)}});
        }
        object.insert(QStringLiteral("item_list"), items);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        context.out.flush();
        return CtlExit::Ok;
    }
    QTextStream &out = context.out;
    out << "catalogue  " << catalogue.version() << " (" << catalogue.items().size() << " items, " << catalogue.themes().size()
        << " themes)\n";
    out << "source     " << CatalogueChoice::sourceName(choice.source());
    if (!choice.path().isEmpty())
        out << " (" << choice.path() << ")";
    out << "\n";
    if (!choice.problem().isEmpty())
        out << "problem    " << choice.problem() << "\n";
    out << "items\n";
    for (const CatalogueItem &item : catalogue.items())
        out << "  " << item.code << "  " << QStringLiteral("%1").arg(Catalogue::kindName(item.kind), -5) << "  " << item.name.zh << "\n";
    out.flush();
    return CtlExit::Ok;
}

int check(CtlContext &context, const QString &path)
{
    QString error;
    QStringList ignored;
    const std::optional<Catalogue> catalogue = Catalogue::fromFile(path, &error, &ignored);
    if (!catalogue) {
        context.err << "kioskctl catalogue check: " << (error.startsWith(path) ? error : QStringLiteral("%1: %2").arg(path, error)) << Qt::endl;
        return CtlExit::Negative;
    }
    context.out << path << ": ok, catalogue " << catalogue->version() << " with " << catalogue->items().size() << " items and "
                << catalogue->themes().size() << " themes\n";
    printIgnored(context, ignored);
    context.out.flush();
    return CtlExit::Ok;
}

} // namespace

// GET /catalogue as the kiosk asks it, kept where the kiosk keeps it (its state directory, owned
// like the folder even when kioskctl runs as root), so both offer the same one. Enrolment uses it.
int fetchPlatformCatalogue(CtlContext &context, const KioskConfig &config)
{
    QString error;
    const std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(config, &error);
    if (!settings) {
        context.err << "kioskctl catalogue fetch: " << error << Qt::endl;
        return CtlExit::Error;
    }
    if (!settings->credentials) {
        context.err << "kioskctl catalogue fetch: this terminal is not enrolled (kioskctl enroll)" << Qt::endl;
        return CtlExit::Negative;
    }
    PlatformClient client(*settings);
    const PlatformResult result = waitFor(client.fetchCatalogue());
    if (!result.isOk()) {
        context.err << "kioskctl catalogue fetch: " << result.summary() << Qt::endl;
        return result.httpStatus == 0 ? CtlExit::Unreachable : CtlExit::Negative;
    }
    QStringList ignored;
    const std::optional<Catalogue> catalogue = Catalogue::fromJson(result.content, &error, &ignored);
    if (!catalogue) {
        context.err << "kioskctl catalogue fetch: " << error << Qt::endl;
        return CtlExit::Negative;
    }
    const QString cache = settings->catalogueCachePath;
    StateFile::adoptParentOwner(cache);
    StateFile::adoptParentOwner(cache + QStringLiteral(".etag"));
    context.out << "catalogue  " << catalogue->version() << " (" << catalogue->items().size() << " items"
                << (result.notModified ? QStringLiteral(", unchanged") : QString()) << ")\n"
                << "kept in    " << cache << "\n";
    printIgnored(context, ignored);
    context.out.flush();
    return CtlExit::Ok;
}

int runCatalogueCommand(CtlContext &context, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("show") && (args.size() == 1 || (args.size() == 2 && args.at(1) == QLatin1String("--json"))))
        return show(context, args.size() == 2);
    if (sub == QLatin1String("check") && args.size() == 2)
        return check(context, args.at(1));
    if (sub == QLatin1String("fetch") && args.size() == 1) {
        const std::optional<KioskConfig> config = context.loadConfig();
        if (!config)
            return CtlExit::Error;
        return fetchPlatformCatalogue(context, *config);
    }
    return usage(context);
}
