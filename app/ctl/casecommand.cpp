#include "ctlcommand.h"
#include "common/eventwait.h"
#include "platformwait.h"

#include "cataloguechoice.h"
#include "outboxkey.h"
#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

// `kioskctl case submit` files an application the way the kiosk does, through the offline
// outbox (encrypted, idempotent), and prints the case number or "queued" with the local
// reference; `kioskctl case status CASE_NO` asks the platform how a case is getting on.
namespace {

int usage(CtlContext &context)
{
    context.err << "usage: kioskctl case status CASE_NO\n"
                   "       kioskctl case submit --item CODE --form FILE.json [--material ID=FILE]... [--id-card FILE.json]\n"
                   "                            [--wait S]" << Qt::endl;
    return CtlExit::Error;
}

std::optional<QJsonObject> readObject(CtlContext &context, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << "kioskctl case: " << path << ": " << file.errorString() << Qt::endl;
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        context.err << "kioskctl case: " << path << ": not a JSON object" << Qt::endl;
        return std::nullopt;
    }
    return doc.object();
}

std::optional<PlatformClientSettings> platformSettings(CtlContext &context, const KioskConfig &config)
{
    QString error;
    std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(config, &error);
    if (!settings)
        context.err << "kioskctl case: " << error << Qt::endl;
    else if (!settings->credentials)
        context.err << "kioskctl case: this terminal is not enrolled (kioskctl enroll --url URL --token TOKEN)" << Qt::endl;
    if (!settings || !settings->credentials)
        return std::nullopt;
    return settings;
}

int caseStatus(CtlContext &context, const QString &caseNumber)
{
    std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    std::optional<PlatformClientSettings> settings = platformSettings(context, *config);
    if (!settings)
        return CtlExit::Error;
    PlatformClient client(*settings);
    const PlatformResult result = waitFor(client.caseStatus(caseNumber));
    if (!result.isOk()) {
        context.err << "kioskctl case status: " << result.summary() << Qt::endl;
        return result.httpStatus == 0                        ? CtlExit::Unreachable
               : result.errorCode == QLatin1String("not_found") ? CtlExit::Negative
                                                                : CtlExit::Error;
    }
    const QString language = config->string(QStringLiteral("kiosk/language"));
    context.out << "case     " << result.body.value(QLatin1String("case_no")).toString() << "\n"
                << "item     " << result.body.value(QLatin1String("item_code")).toString() << "\n"
                << "status   " << result.body.value(QLatin1String("status")).toString() << "\n";
    for (const QJsonValue &step : result.body.value(QLatin1String("history")).toArray()) {
        const QJsonObject o = step.toObject();
        context.out << "  " << o.value(QLatin1String("at")).toString() << "  " << o.value(QLatin1String("status")).toString()
                    << "  " << LocalizedText::fromJson(o.value(QLatin1String("note")).toObject()).in(language) << "\n";
    }
    context.out.flush();
    return CtlExit::Ok;
}

int caseSubmit(CtlContext &context, const QStringList &args)
{
    QString item;
    QString formPath;
    QString idCardPath;
    QStringList materialSpecs;
    int waitS = 30;
    QStringList rest = args;
    while (rest.size() >= 2) {
        const QString option = rest.takeFirst();
        const QString value = rest.takeFirst();
        if (option == QLatin1String("--item"))
            item = value;
        else if (option == QLatin1String("--form"))
            formPath = value;
        else if (option == QLatin1String("--id-card"))
            idCardPath = value;
        else if (option == QLatin1String("--material"))
            materialSpecs.append(value);
        else if (option == QLatin1String("--wait"))
            waitS = value.toInt();
        else
            return usage(context);
    }
    if (!rest.isEmpty() || item.isEmpty() || formPath.isEmpty())
        return usage(context);

    std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    QString error;
    // The catalogue the kiosk offers, the platform's when it has been fetched.
    const CatalogueChoice choice = CatalogueChoice::choose(*config);
    if (!choice.catalogue().item(item)) {
        context.err << "kioskctl case submit: no item " << item << " in the " << CatalogueChoice::sourceName(choice.source())
                    << " catalogue " << choice.catalogue().version() << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<QJsonObject> form = readObject(context, formPath);
    if (!form)
        return CtlExit::Error;
    QJsonObject applicant{{QStringLiteral("name"), form->value(QLatin1String("name"))},
                          {QStringLiteral("id_number"), form->value(QLatin1String("id_number"))},
                          {QStringLiteral("verified_by"), QStringLiteral("idcard")}};
    if (!idCardPath.isEmpty()) {
        const std::optional<QJsonObject> card = readObject(context, idCardPath);
        if (!card)
            return CtlExit::Error;
        applicant.insert(QStringLiteral("name"), card->value(QLatin1String("name")));
        applicant.insert(QStringLiteral("id_number"), card->value(QLatin1String("id_number")));
    }
    CaseDraft draft;
    draft.itemCode = item;
    draft.body = QJsonDocument(QJsonObject{{QStringLiteral("item_code"), item},
                                           {QStringLiteral("applicant"), applicant},
                                           {QStringLiteral("form"), *form}})
                     .toJson(QJsonDocument::Compact);
    for (const QString &spec : materialSpecs) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        QFile file(spec.mid(eq + 1));
        if (eq <= 0 || !file.open(QIODevice::ReadOnly)) {
            context.err << "kioskctl case submit: --material wants ID=FILE (readable), not " << spec << Qt::endl;
            return CtlExit::Error;
        }
        draft.materials.append({spec.left(eq), file.fileName().endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
                                                   ? QStringLiteral("application/pdf") : QStringLiteral("image/jpeg"),
                                file.readAll()});
    }

    std::optional<PlatformClientSettings> settings = platformSettings(context, *config);
    if (!settings)
        return CtlExit::Error;
    const OutboxResult<OutboxKey> key = OutboxKey::load(config->string(QStringLiteral("offline/key_file")));
    if (!key) {
        context.err << "kioskctl case submit: " << key.error().message << Qt::endl;
        return CtlExit::Error;
    }
    OutboxOptions options;
    options.stateDir = config->string(QStringLiteral("kiosk/state_dir"));
    options.keyFile = config->string(QStringLiteral("offline/key_file"));
    options.terminalId = settings->credentials->terminalId;
    options.budgetBytes = config->integer(QStringLiteral("offline/budget_mb")) * 1024 * 1024;
    OutboxResult<std::unique_ptr<OutboxStore>> store = OutboxStore::open(options);
    if (!store) {
        context.err << "kioskctl case submit: " << store.error().message << Qt::endl;
        return CtlExit::Error;
    }
    const OutboxResult<QueuedCase> queued = store.value()->enqueueCase(draft);
    if (!queued) {
        context.err << "kioskctl case submit: " << queued.error().message << Qt::endl;
        return CtlExit::Error;
    }
    const QString localRef = queued->localRef;

    PlatformClient client(*settings);
    OutboxPlatformTransport transport(client);
    OutboxSender sender(*store.value(), transport);
    if (const OutboxResult<OutboxOk> started = sender.start(); !started) {
        // The kiosk's own sender holds the outbox: it will send the case, as it does for residents.
        context.out << "queued " << localRef << " (" << started.error().message << ")" << Qt::endl;
        return CtlExit::Ok;
    }
    int exitCode = CtlExit::Ok;
    QString line = QStringLiteral("queued ") + localRef;
    EventWait wait(std::chrono::seconds(qMax(1, waitS)));
    QObject::connect(&sender, &OutboxSender::delivered, wait.context(), [&](const QString &ref, const QString &reference) {
        if (ref == localRef) {
            line = reference;
            wait.end();
        }
    });
    QObject::connect(&sender, &OutboxSender::retryScheduled, wait.context(), [&](const QString &ref, qint64, const QString &reason) {
        if (ref.startsWith(localRef)) {
            line = QStringLiteral("queued %1 (the platform is unavailable: %2; it will be sent later)").arg(localRef, reason);
            wait.end();
        }
    });
    QObject::connect(&sender, &OutboxSender::parked, wait.context(), [&](const QString &ref, const QString &code) {
        if (ref.startsWith(localRef)) {
            line = QStringLiteral("parked %1 (%2): staff must look at it with kioskctl outbox show").arg(ref, code);
            exitCode = CtlExit::Negative;
            wait.end();
        }
    });
    QObject::connect(&sender, &OutboxSender::storageFailed, wait.context(), [&](const QString &message) {
        line = QStringLiteral("queued %1 (the outbox reported: %2)").arg(localRef, message);
        exitCode = CtlExit::Error;
        wait.end();
    });
    sender.wake();
    wait.exec();
    sender.stop();
    (exitCode == CtlExit::Ok ? context.out : context.err) << line << Qt::endl;
    return exitCode;
}

} // namespace

int runCaseCommand(CtlContext &context, const QStringList &args)
{
    if (args.size() == 2 && args.first() == QLatin1String("status"))
        return caseStatus(context, args.at(1));
    if (!args.isEmpty() && args.first() == QLatin1String("submit"))
        return caseSubmit(context, args.mid(1));
    return usage(context);
}
