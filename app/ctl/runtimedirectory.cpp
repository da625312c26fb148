#include "runtimedirectory.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QtGlobal>

#include <cerrno>

#include <sys/stat.h>
#include <unistd.h>

namespace RuntimeDirectory {

namespace {

// A directory of this user's alone, as Qt and the specification require of a runtime directory.
bool usable(const QByteArray &path)
{
    struct stat info {};
    return !path.isEmpty() && ::lstat(path.constData(), &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == ::geteuid()
           && (info.st_mode & 0777) == 0700;
}

} // namespace

void provide()
{
    if (usable(qgetenv("XDG_RUNTIME_DIR")))
        return;
    const QByteArray session = "/run/user/" + QByteArray::number(::geteuid());
    if (usable(session)) {
        qputenv("XDG_RUNTIME_DIR", session);
        return;
    }
    const QByteArray own = QFile::encodeName(QDir::tempPath()) + "/kioskctl-runtime-" + QByteArray::number(::geteuid());
    // mkdir fails on an existing path, and a path another user made (or a link to one) is never
    // taken: then Qt's own fallback and its warning stand.
    if (::mkdir(own.constData(), 0700) != 0 && errno != EEXIST)
        return;
    if (usable(own))
        qputenv("XDG_RUNTIME_DIR", own);
}

} // namespace RuntimeDirectory
