#include "statefileowner.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace StateFileOwner {

bool adoptParentOwner(const QString &path)
{
    if (::geteuid() != 0)
        return true;
    struct stat parent {};
    if (::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &parent) != 0)
        return false;
    return ::chown(QFile::encodeName(path).constData(), parent.st_uid, parent.st_gid) == 0;
}

} // namespace StateFileOwner
