#include "camera/framecapturemodule.h"

#include "camera/framecapture.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <atomic>
#include <mutex>

namespace {

std::atomic<bool> g_loaded{false};
std::atomic<bool> g_held{false};

QString modulePath()
{
    const QString programDir = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    const QString buildDir = QStringLiteral(KIOSK_BINARY_DIR);
    if (programDir == buildDir || programDir.startsWith(buildDir + QLatin1Char('/')))
        return QStringLiteral(KIOSK_BUILD_MODULE_DIR "/kiosk-videoio.so");
    return QDir(programDir).filePath(QStringLiteral("../lib/kiosk/kiosk-videoio.so"));
}

struct Loaded {
    FrameCaptureEntry entry = nullptr;
    QString error;
};

const Loaded &load()
{
    static Loaded loaded;
    static std::once_flag once;
    std::call_once(once, [] {
        QLibrary library(modulePath());
        // Resolved now rather than symbol by symbol, as the program itself is (-z now).
        library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
        if (!library.load()) {
            loaded.error = QStringLiteral("the video capture module did not load: %1").arg(library.errorString());
            return;
        }
        loaded.entry = reinterpret_cast<FrameCaptureEntry>(library.resolve(KIOSK_FRAME_CAPTURE_ENTRY));
        if (!loaded.entry)
            loaded.error = QStringLiteral("%1 has no %2").arg(library.fileName(), QLatin1String(KIOSK_FRAME_CAPTURE_ENTRY));
        g_loaded = loaded.entry != nullptr;
    });
    return loaded;
}

} // namespace

std::unique_ptr<FrameCapture> FrameCaptureModule::create(QString *error)
{
    const Loaded &loaded = load();
    if (!loaded.entry) {
        if (error)
            *error = loaded.error;
        return nullptr;
    }
    return std::unique_ptr<FrameCapture>(loaded.entry());
}

bool FrameCaptureModule::isLoaded()
{
    return g_loaded;
}

void FrameCaptureModule::holdUntilFirstFrame()
{
    g_held = true;
}

void FrameCaptureModule::release()
{
    g_held = false;
}

bool FrameCaptureModule::isHeld()
{
    return g_held;
}
