#include "ctlcommand.h"

#include "auditlog.h"
#include "bytesize.h"
#include "camera/camera.h"
#include "diagnosticsbundle.h"
#include "statusreport.h"

#include <QFileInfo>

// `kioskctl diag bundle --out FILE`: the diagnostics bundle a maintainer takes away, without the
// kiosk process and without any personal data.
int runDiagCommand(CtlContext &context, const QStringList &args)
{
    QString out;
    StatusReport::Options options;
    bool usage = args.value(0) != QLatin1String("bundle");
    for (qsizetype i = 1; i < args.size() && !usage; ++i) {
        if (args.at(i) == QLatin1String("--out") && i + 1 < args.size())
            out = args.at(++i);
        else if (args.at(i) == QLatin1String("--no-platform"))
            options.checkPlatform = false;
        else
            usage = true;
    }
    if (usage || out.isEmpty()) {
        context.err << "usage: kioskctl diag bundle --out FILE.tar.gz [--no-platform]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    Camera::registerWithDeviceRegistry();
    const QJsonObject status = StatusReport::collect(*config, options);
    QString error;
    if (!DiagnosticsBundle::write(*config, status, {}, out, &error)) {
        AuditLog::recordCtl(*config, QStringLiteral("diag.bundle"), QStringLiteral("failed"), error);
        context.err << "kioskctl diag bundle: " << error << Qt::endl;
        return CtlExit::Error;
    }
    AuditLog::recordCtl(*config, QStringLiteral("diag.bundle"), QStringLiteral("ok"), QFileInfo(out).absoluteFilePath());
    context.out << "wrote " << QFileInfo(out).absoluteFilePath() << " (" << ByteSize::text(QFileInfo(out).size()) << ")" << Qt::endl;
    return CtlExit::Ok;
}
