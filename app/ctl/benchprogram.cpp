#include "ctlcommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

#include <cerrno>
#include <utility>
#include <vector>

// `kioskctl bench …` runs the benchmarks' own program, kiosk-bench, with the same arguments. The
// benchmarks link every layer and a few of them raw OpenCV and ZXing, so they live outside the
// kiosk package; the command stays where technicians and docs/benchmarks.md know it.
namespace {

QString findBench()
{
    if (qEnvironmentVariableIsSet("KIOSK_BENCH"))
        return qEnvironmentVariable("KIOSK_BENCH");
    // Installed side by side, or in the build tree (app/ctl/kioskctl, bench/kiosk-bench).
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("kiosk-bench")),
                                     here.filePath(QStringLiteral("../../bench/kiosk-bench"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace

int runBenchCommand(CtlContext &context, const QStringList &args)
{
    const QString bench = findBench();
    if (bench.isEmpty()) {
        context.err << "kioskctl bench: no kiosk-bench beside kioskctl; the benchmarks are not part of the kiosk package "
                       "(build them from the source tree, or name the program in KIOSK_BENCH)"
                    << Qt::endl;
        return CtlExit::Error;
    }
    QStringList arguments{bench};
    if (context.configGiven)
        arguments << QStringLiteral("--config") << context.configPath;
    arguments << args;

    // The bench replaces this process, so its output, exit code and signals are the command's own.
    context.out.flush();
    context.err.flush();
    std::vector<QByteArray> encoded;
    for (const QString &argument : std::as_const(arguments))
        encoded.push_back(QFile::encodeName(argument));
    std::vector<char *> argv;
    for (QByteArray &argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(argv.front(), argv.data());
    context.err << "kioskctl bench: cannot run " << bench << ": " << qt_error_string(errno) << Qt::endl;
    return CtlExit::Error;
}
