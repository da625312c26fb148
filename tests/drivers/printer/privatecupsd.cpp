#include "privatecupsd.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cups/cups.h>

#include <signal.h>
#include <sys/prctl.h>

namespace {

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

QString lastLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(-8).join(QLatin1String(" | "));
}

} // namespace

PrivateCupsd::~PrivateCupsd()
{
    stop();
}

bool PrivateCupsd::start(const QString &root, QString *error)
{
    stop();
    m_root = root;
    const QDir dir(root);
    for (const char *sub : {"conf", "log", "tmp"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return fail(error, QStringLiteral("cannot create %1/%2").arg(root, QString::fromLatin1(sub)));
    }
    // cupsd hands spool files to filters and backends running as lp, which must reach them.
    QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);

    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return fail(error, QStringLiteral("no free loopback port for cupsd"));
    m_port = probe.serverPort();
    probe.close();

    const QString conf = dir.filePath(QStringLiteral("conf/cupsd.conf"));
    const QString files = dir.filePath(QStringLiteral("conf/cups-files.conf"));
    // Anyone on loopback may do anything: this scheduler exists for one test and listens nowhere else.
    const bool written = writeFile(conf, QStringLiteral("Listen 127.0.0.1:%1\n"
                                                        "Browsing No\n"
                                                        "BrowseLocalProtocols none\n"
                                                        "DefaultAuthType None\n"
                                                        "WebInterface No\n"
                                                        "LogLevel info\n"
                                                        "<Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>\n"
                                                        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
                                             .arg(m_port))
        && writeFile(files, QStringLiteral("User lp\n"
                                           "Group lp\n"
                                           "SystemGroup root\n"
                                           "ServerRoot %1/conf\n"
                                           "RequestRoot %1/spool\n"
                                           "StateDir %1/state\n"
                                           "CacheDir %1/cache\n"
                                           "TempDir %1/tmp\n"
                                           "ServerKeychain %1/ssl\n"
                                           "Printcap %1/printcap\n"
                                           "AccessLog %1/log/access_log\n"
                                           "ErrorLog %1/log/error_log\n"
                                           "PageLog %1/log/page_log\n"
                                           "FileDevice No\n")
                                .arg(root));
    if (!written)
        return fail(error, QStringLiteral("cannot write cupsd's configuration under %1").arg(root));

    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // cupsd goes with the test even if the test crashes.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(QStringLiteral("/usr/sbin/cupsd"), {QStringLiteral("-f"), QStringLiteral("-c"), conf, QStringLiteral("-s"), files});
    if (!m_process->waitForStarted(5000)) {
        const QString reason = m_process->errorString();
        stop();
        return fail(error, QStringLiteral("cupsd (package cups-daemon) did not start: %1").arg(reason));
    }
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(250))
            return true;
        if (m_process->waitForFinished(100) || m_process->state() != QProcess::Running) {
            const QString said = QString::fromUtf8(m_process->readAll()).simplified();
            stop();
            return fail(error, QStringLiteral("cupsd exited at start: %1 %2").arg(said, lastLines(dir.filePath(QStringLiteral("log/error_log")))));
        }
    }
    stop();
    return fail(error, QStringLiteral("cupsd did not listen on port %1 within 30 s").arg(m_port));
}

void PrivateCupsd::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    delete m_process;
    m_process = nullptr;
}

QString PrivateCupsd::server() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

bool PrivateCupsd::addEverywhereQueue(const QString &name, const QString &printerUri, QString *error)
{
    if (!run(QStringLiteral("lpadmin"),
             {QStringLiteral("-p"), name, QStringLiteral("-E"), QStringLiteral("-v"), printerUri, QStringLiteral("-m"),
              QStringLiteral("everywhere")},
             error))
        return false;
    // lpadmin returns before cupsd has asked the printer and written the queue's PPD; until then
    // the queue is a raw one, and a PDF sent to it never reaches a filter.
    const QDeadlineTimer deadline(30000);
    QString model;
    while (!deadline.hasExpired()) {
        model = makeAndModel(name);
        if (!model.isEmpty() && model != QLatin1String("Local Raw Printer"))
            return true;
        QThread::msleep(100);
    }
    return fail(error, QStringLiteral("cupsd did not make the queue %1 driverless within 30 s (it says \"%2\"; %3)")
                           .arg(name, model, lastLines(QDir(m_root).filePath(QStringLiteral("log/error_log")))));
}

QString PrivateCupsd::makeAndModel(const QString &queue) const
{
    http_t *http = httpConnect2("127.0.0.1", m_port, nullptr, AF_INET, HTTP_ENCRYPTION_NEVER, 1, 5000, nullptr);
    if (!http)
        return {};
    QString model;
    if (cups_dest_t *dest = cupsGetNamedDest(http, queue.toUtf8().constData(), nullptr)) {
        model = QString::fromUtf8(cupsGetOption("printer-make-and-model", dest->num_options, dest->options));
        cupsFreeDests(1, dest);
    }
    httpClose(http);
    return model;
}

bool PrivateCupsd::run(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess command;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CUPS_SERVER"), server());
    command.setProcessEnvironment(environment);
    command.setProcessChannelMode(QProcess::MergedChannels);
    command.start(program, arguments);
    if (!command.waitForFinished(60000) || command.exitStatus() != QProcess::NormalExit || command.exitCode() != 0) {
        const QString said = QString::fromUtf8(command.readAll()).simplified();
        command.kill();
        command.waitForFinished(5000);
        return fail(error, QStringLiteral("%1 %2 failed: %3 %4 (cupsd: %5)")
                               .arg(program, arguments.join(QLatin1Char(' ')), command.errorString(), said,
                                    lastLines(QDir(m_root).filePath(QStringLiteral("log/error_log")))));
    }
    return true;
}
