#include "ctlcommand.h"

#include "auditlog.h"
#include "configfileeditor.h"
#include "maintenancepin.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

// `kioskctl maintenance hash-pin|set-pin` and `kioskctl audit`: the maintenance PIN, which never
// appears on a command line (it would stay in the shell's history and in `ps`), and the audit log.
namespace {

// One line from stdin; at a terminal the PIN is asked for without echo.
QString readPin(CtlContext &context, const char *prompt)
{
    const bool interactive = ::isatty(STDIN_FILENO);
    termios saved {};
    if (interactive) {
        context.err << prompt << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    char buffer[256] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (interactive) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        context.err << Qt::endl;
    }
    return read ? QString::fromLocal8Bit(buffer).trimmed() : QString();
}

// Reads the PIN (twice at a terminal) and refuses a weak one; empty when refused.
QString acceptablePin(CtlContext &context)
{
    const QString pin = readPin(context, "new maintenance PIN: ");
    const QString weakness = MaintenancePin::weaknessOf(pin);
    if (!weakness.isEmpty()) {
        context.err << "refused: " << MaintenancePin::describeWeakness(weakness) << " (" << weakness << ")" << Qt::endl;
        return {};
    }
    if (::isatty(STDIN_FILENO) && readPin(context, "the same PIN again: ") != pin) {
        context.err << "refused: the two PINs differ" << Qt::endl;
        return {};
    }
    return pin;
}

int hashPin(CtlContext &context)
{
    const QString pin = acceptablePin(context);
    if (pin.isEmpty())
        return CtlExit::Error;
    context.err << "paste this line under [admin] in the configuration:" << Qt::endl;
    context.out << "pin_hash=" << MaintenancePin::hash(pin) << Qt::endl;
    return CtlExit::Ok;
}

int setPin(CtlContext &context)
{
    if (!QFileInfo::exists(context.configPath)) {
        context.err << "kioskctl maintenance set-pin: no configuration file at " << context.configPath
                    << " (give it with --config FILE)" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    const QString pin = acceptablePin(context);
    if (pin.isEmpty()) {
        AuditLog::recordCtl(*config, QStringLiteral("maintenance.set-pin"), QStringLiteral("refused"), QStringLiteral("weak PIN"));
        return CtlExit::Error;
    }
    // The file keeps its owner and mode; a PIN the touch screen set in the overlay would hide
    // this one, so it is taken out of the overlay.
    QString error;
    if (!ConfigFileEditor::setValues(context.configPath, {{QStringLiteral("admin/pin_hash"), MaintenancePin::hash(pin)}}, &error)
        || !ConfigFileEditor::removeKeys(config->overlayPath(), {QStringLiteral("admin/pin_hash")}, &error)) {
        AuditLog::recordCtl(*config, QStringLiteral("maintenance.set-pin"), QStringLiteral("failed"), error);
        context.err << "kioskctl maintenance set-pin: " << error << Qt::endl;
        return CtlExit::Error;
    }
    AuditLog::recordCtl(*config, QStringLiteral("maintenance.set-pin"), QStringLiteral("ok"), context.configPath);
    context.out << "maintenance PIN set in " << context.configPath << " (a running kiosk takes it at the next PIN entry)" << Qt::endl;
    return CtlExit::Ok;
}

} // namespace

int runMaintenanceCommand(CtlContext &context, const QStringList &args)
{
    if (args == QStringList{QStringLiteral("hash-pin")})
        return hashPin(context);
    if (args == QStringList{QStringLiteral("set-pin")})
        return setPin(context);
    context.err << "usage: kioskctl maintenance hash-pin|set-pin   (the PIN is read from stdin)" << Qt::endl;
    return CtlExit::Error;
}

int runAuditCommand(CtlContext &context, const QStringList &args)
{
    int count = 20;
    bool json = false;
    bool usage = false;
    for (qsizetype i = 0; i < args.size() && !usage; ++i) {
        if (args.at(i) == QLatin1String("--count") && i + 1 < args.size()) {
            bool ok = false;
            count = args.at(++i).toInt(&ok);
            usage = !ok || count <= 0;
        } else if (args.at(i) == QLatin1String("--json"))
            json = true;
        else
            usage = true;
    }
    if (usage) {
        context.err << "usage: kioskctl audit [--count N] [--json]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    const QList<AuditEntry> entries = AuditLog(AuditLog::pathIn(config->string(QStringLiteral("kiosk/state_dir")))).recent(count);
    QJsonArray array;
    for (const AuditEntry &entry : entries) {
        if (json) {
            array.append(QJsonObject{{QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("actor"), entry.actor},
                                     {QStringLiteral("action"), entry.action},
                                     {QStringLiteral("result"), entry.result},
                                     {QStringLiteral("detail"), entry.detail}});
            continue;
        }
        context.out << entry.at.toLocalTime().toString(Qt::ISODate) << "  " << entry.actor << "  " << entry.action << "  " << entry.result;
        if (!entry.detail.isEmpty())
            context.out << "  " << entry.detail;
        context.out << "\n";
    }
    if (json)
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (entries.isEmpty())
        context.out << "no audit entries yet\n";
    context.out.flush();
    return CtlExit::Ok;
}
