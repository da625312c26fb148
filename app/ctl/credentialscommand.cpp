#include "ctlcommand.h"

#include "auditlog.h"
#include "sealedcredentials.h"

// `kioskctl credentials seal`: the outbox key and the terminal credentials, written as plain files
// by `outbox init-key` and `enroll` (or by the touch screen's enrolment), are sealed to this
// machine with systemd-creds and the plain files removed. kiosk.service runs it before the kiosk
// starts, so a terminal provisioned before sealing existed, or on the touch screen, is sealed at
// its next start. Needs root: the host key and the TPM are root's.

int runCredentialsCommand(CtlContext &context, const QStringList &args)
{
    const bool quiet = args == QStringList{QStringLiteral("seal"), QStringLiteral("--quiet")};
    if (args != QStringList{QStringLiteral("seal")} && !quiet) {
        context.err << "usage: kioskctl credentials seal [--quiet]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    QString error;
    const QStringList done = SealedCredentials::seal(*config, &error);
    for (const QString &line : done)
        context.out << line << "\n";
    if (!done.isEmpty())
        AuditLog::recordCtl(*config, QStringLiteral("credentials seal"), error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed"),
                            QString::number(done.size()));
    if (!error.isEmpty()) {
        context.err << "kioskctl credentials seal: " << error << Qt::endl;
        return CtlExit::Error;
    }
    if (done.isEmpty() && !quiet)
        context.out << "nothing to seal: no plain secret at " << config->string(QStringLiteral("offline/key_file")) << " or "
                    << config->string(QStringLiteral("platform/credentials_file")) << "\n";
    if (!quiet)
        context.out << SealedCredentials::assess(*config).detail << "\n";
    context.out.flush();
    return CtlExit::Ok;
}
