#include "printer/sim/printersimulator.h"

#include "device/driverslog.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

constexpr auto systemBusSocket = "/run/dbus/system_bus_socket";
constexpr auto failMarker = "fail-next-job";
constexpr auto slowMarker = "slow-next-job";
constexpr auto outOfPaperMarker = "out-of-paper-next-job";
constexpr auto paperLoadedMarker = "paper-loaded";

void touch(const QString &directory, const char *marker)
{
    QFile file(QDir(directory).filePath(QString::fromLatin1(marker)));
    if (file.open(QIODevice::WriteOnly))
        file.close();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A socket file is not a bus: one left behind by a dbus-daemon that died refuses connections.
bool systemBusAnswers()
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::copy_n(systemBusSocket, std::char_traits<char>::length(systemBusSocket), address.sun_path);
    const bool connected = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

// The first lines ippeveprinter wrote, which say why it stopped ("Unable to initialize DNS-SD.").
QString logExcerpt(const QString &path)
{
    QFile log(path);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.read(400)).simplified();
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PrinterSimulator::PrinterSimulator(QObject *parent)
    : QObject(parent)
{
}

// ippeveprinter keeps each job's document (-k) only for the tests, which read the spool
// (tests/CMakeLists.txt sets KIOSK_PRINTER_SIM_KEEP_DOCUMENTS=1 for every test; their spools are
// in temporary directories). Otherwise a receipt with a resident's name on it lives only while
// it prints, as on a real printer, and nothing a demo printed stays in the state directory.
static bool keepsDocuments()
{
    return qEnvironmentVariableIntValue("KIOSK_PRINTER_SIM_KEEP_DOCUMENTS") == 1;
}

// ippeveprinter names a job's document "<job-id>-<title>.<format>".
static void removeDocuments(const QString &spoolDirectory)
{
    QDir spool(spoolDirectory);
    for (const QString &name : spool.entryList({QStringLiteral("[0-9]*-*")}, QDir::Files))
        spool.remove(name);
}

PrinterSimulator::~PrinterSimulator()
{
    stop();
}

QString PrinterSimulator::findExecutable()
{
    const QString installed = QStringLiteral("/usr/sbin/ippeveprinter");
    if (QFileInfo(installed).isExecutable())
        return installed;
    return QStandardPaths::findExecutable(QStringLiteral("ippeveprinter"));
}

QString PrinterSimulator::defaultSpoolDirectory(const QString &stateDirectory, const QString &deviceId)
{
    return QDir(stateDirectory).filePath(QStringLiteral("sim/printer-%1").arg(deviceId));
}

bool PrinterSimulator::start(const Options &options, QString *error)
{
    stop();
    m_options = options;
    const QString executable = options.executable.isEmpty() ? findExecutable() : options.executable;
    if (executable.isEmpty() || !QFileInfo(executable).isExecutable())
        return fail(error, QStringLiteral("ippeveprinter is not installed (package cups-ipp-utils)"));
    if (!systemBusAnswers())
        return fail(error, QStringLiteral("ippeveprinter needs the system D-Bus, and nothing answers on %1 "
                                          "(start it with packaging/system-bus.sh)")
                               .arg(QString::fromLatin1(systemBusSocket)));
    if (!QDir().mkpath(options.spoolDirectory))
        return fail(error, QStringLiteral("cannot create the spool directory %1").arg(options.spoolDirectory));
    // Documents an earlier kiosk kept (or left when it died mid-job) go before anything prints.
    if (!keepsDocuments())
        removeDocuments(options.spoolDirectory);

    // ippeveprinter runs this for each job; without it every job "prints" for 5–15 s and the
    // printer refuses others meanwhile. Its exit status decides completed (0) or aborted.
    const QString script = QDir(options.spoolDirectory).filePath(QStringLiteral("print-command.sh"));
    QFile scriptFile(script);
    if (!scriptFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(script, scriptFile.errorString()));
    // Out of paper, the printer says so through ippeveprinter's STATE: lines (printer-state-reasons)
    // and holds the job until paper is loaded, as a real one does; the wait ends with ippeveprinter.
    // Without -k ippeveprinter would still keep the document until the job leaves its history
    // (a minute, or for ever if it is stopped first): the script, which gets the document's
    // path, deletes it and its .prn output as the job ends.
    const QDir spool(options.spoolDirectory);
    scriptFile.write(QStringLiteral("#!/bin/sh\n"
                                    "# Written by the kiosk's printer simulator: a job fails, takes its time or runs out of paper when asked to.\n"
                                    "marker='%1'\n"
                                    "slow='%2'\n"
                                    "nopaper='%3'\n"
                                    "loaded='%4'\n"
                                    "keep='%5'\n"
                                    "[ \"$keep\" = 1 ] || trap 'rm -f \"$1\" \"${1%.*}.prn\"' EXIT\n"
                                    "if [ -e \"$marker\" ]; then rm -f \"$marker\"; echo 'ERROR: simulated media jam' >&2; exit 1; fi\n"
                                    "if [ -e \"$slow\" ]; then rm -f \"$slow\"; sleep 4; fi\n"
                                    "if [ -e \"$nopaper\" ]; then\n"
                                    "  rm -f \"$nopaper\" \"$loaded\"\n"
                                    "  echo 'STATE: +media-empty-error' >&2\n"
                                    "  echo 'INFO: out of paper, waiting for paper to be loaded' >&2\n"
                                    "  while [ ! -e \"$loaded\" ]; do kill -0 $PPID 2>/dev/null || exit 1; sleep 0.2; done\n"
                                    "  rm -f \"$loaded\"\n"
                                    "  echo 'STATE: -media-empty-error' >&2\n"
                                    "fi\n"
                                    "exit 0\n")
                         .arg(spool.filePath(QString::fromLatin1(failMarker)), spool.filePath(QString::fromLatin1(slowMarker)),
                              spool.filePath(QString::fromLatin1(outOfPaperMarker)), spool.filePath(QString::fromLatin1(paperLoadedMarker)),
                              keepsDocuments() ? QStringLiteral("1") : QStringLiteral("0"))
                         .toUtf8());
    scriptFile.close();
    scriptFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                              | QFileDevice::ExeGroup);

    m_port = options.port ? options.port : freeLoopbackPort();
    if (m_port == 0)
        return fail(error, QStringLiteral("no free loopback port for ippeveprinter"));

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    const QString logPath = QDir(options.spoolDirectory).filePath(QStringLiteral("ippeveprinter.log"));
    m_process->setStandardOutputFile(logPath);
    // The printer goes when the kiosk goes, even if the kiosk crashes (the thread that started it must live as long).
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QStringList arguments{QStringLiteral("-r"), QStringLiteral("off"), QStringLiteral("-p"), QString::number(m_port),
                          QStringLiteral("-n"), QStringLiteral("localhost"), QStringLiteral("-d"), options.spoolDirectory};
    if (keepsDocuments())
        arguments << QStringLiteral("-k");
    arguments << QStringLiteral("-c") << script << QStringLiteral("-f") << QStringLiteral("application/pdf,image/pwg-raster,image/urf") << options.name;
    m_process->start(executable, arguments);
    if (!m_process->waitForStarted(5000)) {
        const QString reason = m_process->errorString();
        stop();
        return fail(error, QStringLiteral("ippeveprinter did not start: %1").arg(reason));
    }
    // Ready when the port accepts connections; a printer that dies first explains itself in its log.
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(250)) {
            qCInfo(lcDrivers) << "printer simulator" << options.name << "at" << uri() << "spooling to" << options.spoolDirectory;
            return true;
        }
        // Waiting for the exit (not sleeping) is what lets QProcess notice one. The step is short:
        // a demo kiosk starts two printers before its first frame, and a refused loopback
        // connection costs nothing.
        if (m_process->waitForFinished(5) || m_process->state() != QProcess::Running) {
            stop();
            return fail(error, QStringLiteral("ippeveprinter exited at start: %1 (%2)").arg(logExcerpt(logPath), logPath));
        }
    }
    stop();
    return fail(error, QStringLiteral("ippeveprinter did not listen on port %1 within 15 s").arg(m_port));
}

void PrinterSimulator::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    delete m_process;
    m_process = nullptr;
    // A job cut short by the stop leaves its document behind; it goes too.
    if (!keepsDocuments() && !m_options.spoolDirectory.isEmpty())
        removeDocuments(m_options.spoolDirectory);
}

bool PrinterSimulator::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString PrinterSimulator::uri() const
{
    return QStringLiteral("ipp://127.0.0.1:%1/ipp/print").arg(m_port);
}

QStringList PrinterSimulator::printedFiles() const
{
    QDir dir(m_options.spoolDirectory);
    QFileInfoList files = dir.entryInfoList({QStringLiteral("*.pdf")}, QDir::Files);
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.fileName().section(QLatin1Char('-'), 0, 0).toInt() < b.fileName().section(QLatin1Char('-'), 0, 0).toInt();
    });
    QStringList paths;
    for (const QFileInfo &file : files)
        paths << file.absoluteFilePath();
    return paths;
}

void PrinterSimulator::failNextJob()
{
    touch(m_options.spoolDirectory, failMarker);
}

void PrinterSimulator::slowNextJob()
{
    touch(m_options.spoolDirectory, slowMarker);
}

void PrinterSimulator::runOutOfPaperDuringNextJob()
{
    touch(m_options.spoolDirectory, outOfPaperMarker);
}

void PrinterSimulator::loadPaper()
{
    touch(m_options.spoolDirectory, paperLoadedMarker);
}
