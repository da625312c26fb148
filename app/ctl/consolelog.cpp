#include "consolelog.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <cstdio>

namespace ConsoleLog {

namespace {

std::atomic_bool g_verbose = false;
QtMessageHandler g_default = nullptr;

void route(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if ((type == QtDebugMsg || type == QtInfoMsg) && !g_verbose)
        return;
    if (g_default) {
        g_default(type, context, message);
        return;
    }
    std::fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, message)));
    std::fflush(stderr);
}

} // namespace

void install()
{
    // Qt's own handler is given back as null; its lines are then formatted as Qt formats them
    // (QT_MESSAGE_PATTERN).
    g_default = qInstallMessageHandler(route);
}

void setVerbose(bool verbose)
{
    g_verbose = verbose;
}

} // namespace ConsoleLog
