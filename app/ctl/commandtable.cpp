#include "ctlcommand.h"

int runConfigCommand(CtlContext &context, const QStringList &args);
int runCatalogueCommand(CtlContext &context, const QStringList &args);
int runBenchCommand(CtlContext &context, const QStringList &args);
int runOutboxCommand(CtlContext &context, const QStringList &args);
int runDevicesCommand(CtlContext &context, const QStringList &args);
int runDeviceCommand(CtlContext &context, const QStringList &args);
int runCardCommand(CtlContext &context, const QStringList &args);
int runSimCommand(CtlContext &context, const QStringList &args);
int runEnrollCommand(CtlContext &context, const QStringList &args);
int runPlatformCommand(CtlContext &context, const QStringList &args);
int runCaseCommand(CtlContext &context, const QStringList &args);
int runScanCommand(CtlContext &context, const QStringList &args);
int runCameraCommand(CtlContext &context, const QStringList &args);
int runPrintCommand(CtlContext &context, const QStringList &args);
int runPrinterCommand(CtlContext &context, const QStringList &args);
int runStatusCommand(CtlContext &context, const QStringList &args);
int runDiagCommand(CtlContext &context, const QStringList &args);
int runMaintenanceCommand(CtlContext &context, const QStringList &args);
int runAuditCommand(CtlContext &context, const QStringList &args);
int runChecklistCommand(CtlContext &context, const QStringList &args);
int runAdminCodeCommand(CtlContext &context, const QStringList &args);
int runCredentialsCommand(CtlContext &context, const QStringList &args);
int runMetricsCommand(CtlContext &context, const QStringList &args);

const QList<CtlCommand> &ctlCommands()
{
    static const QList<CtlCommand> table = {
        {"config", "config example [--demo]     print a complete commented configuration: a production terminal's, or with --demo the demo's\n"
                   "config check FILE [--user NAME]   validate FILE and the files it names, readable by the kiosk's user\n"
                   "config show [--json]        the effective configuration, secrets left out",
         runConfigCommand},
        {"catalogue", "catalogue show [--json]     the catalogue the kiosk offers: its source (platform, configured, built-in), version and items\n"
                      "catalogue fetch             fetch the platform's catalogue and keep it where the kiosk reads it\n"
                      "catalogue check FILE        validate a catalogue file; name the first bad field, and what a newer platform added",
         runCatalogueCommand},
        {"devices", "devices                     configured and found devices with their health and statistics", runDevicesCommand},
        {"device", "device check ID --level internal|external|interactive [--timeout S]   run one device's health check (interactive: lay a card on the reader)", runDeviceCommand},
        {"card", "card read [--port PATH | --usb VID:PID] [--baud N] [--timeout S] [--json] [--reveal]   read one ID card", runCardCommand},
        {"scan", "scan image FILE... [--formats F,G] [--json] | scan listen [--device ID] [--count N] [--timeout S]   decode codes", runScanCommand},
        {"camera", "camera check [--device face_camera|document_camera] [--seconds N] [--min-fps 15] [--brightness 40-220] [--min-focus 20]\n"
                   "                            frames per second, brightness and focus against their ranges; exit 1 when one is out\n"
                   "camera snapshot [--device face_camera|document_camera] --out FILE.jpg   one frame, never of a person",
         runCameraCommand},
        {"sim", "sim card present TYPE | sim card remove | sim fault NAME|none | sim status | sim scan TEXT   drive the running simulator\n"
                "sim camera [--device ID] code TEXT | face absent|live|photo | stall | resume   what a simulated camera sees",
         runSimCommand},
        {"outbox", "outbox status|list [--state S]|show REF|retry REF|park REF|discard REF [--yes]|export [--json]   the offline queue", runOutboxCommand},
        {"enroll", "enroll --url URL --token TOKEN [--site S] [--ca FILE] [--force]   register with the platform; writes its URL and CA into the config", runEnrollCommand},
        {"credentials", "credentials seal            seal the outbox key and the terminal credentials to this machine (TPM, else host key); run as root",
         runCredentialsCommand},
        {"platform", "platform ping               reachability, TLS, signature, clock skew and latency of the platform", runPlatformCommand},
        {"case", "case submit --item CODE --form FILE.json [--material ID=FILE]... [--id-card FILE.json]   file through the outbox\n"
                 "case status CASE_NO         a case's progress on the platform", runCaseCommand},
        {"print", "print test [--printer QUEUE|URI] [--pdf FILE]   a test page with this kiosk's identity and time\n"
                  "print receipt --local-ref REF | --case-no NO [--a4] [--language zh|en] [--pdf FILE]   (re)print a receipt", runPrintCommand},
        {"printer", "printer status [--printer QUEUE|URI] [--json]   each printer's state, reasons, supplies and health", runPrinterCommand},
        {"checklist", "checklist [--json]          the provisioning checklist; exit 0 only when every item is green", runChecklistCommand},
        {"status", "status [--json] [--no-platform]   everything a maintainer needs on one screen, with or without the kiosk running", runStatusCommand},
        {"diag", "diag bundle --out FILE.tar.gz [--no-platform]   versions, configuration without secrets, devices, outbox, logs: no personal data", runDiagCommand},
        {"metrics", "metrics [--out FILE.prom] [--no-platform]   the figures for Prometheus (node-exporter's textfile collector), on stdout or written whole to FILE",
         runMetricsCommand},
        {"maintenance", "maintenance hash-pin | maintenance set-pin   the maintenance PIN from stdin: its hash line, or written into --config", runMaintenanceCommand},
        {"admin-code", "admin-code keygen --private FILE --public FILE | sign --key FILE --terminal ID|* [--role R] [--valid 10m] [--png FILE] | check PAYLOAD   signed QR codes that open maintenance mode", runAdminCodeCommand},
        {"audit", "audit [--count N] [--json]  the latest maintenance and technician actions, newest first", runAuditCommand},
        {"bench", "bench startup|idcard|vision|outbox|platform|print|pinyin [options]   speed figures of one layer, printed (docs/benchmarks.md)",
         runBenchCommand},
    };
    return table;
}

const CtlCommand *ctlCommand(const QString &name)
{
    for (const CtlCommand &command : ctlCommands()) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

void printCommandUsage(QTextStream &out, const CtlCommand &command)
{
    for (const QString &line : QString::fromUtf8(command.usage).split(QLatin1Char('\n')))
        out << "  kioskctl " << line << "\n";
    out.flush();
}
