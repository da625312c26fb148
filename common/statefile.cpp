#include "statefile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace StateFile {

namespace {

// Under root, gives the open file `fd` the owner of the folder `path` lies in.
bool adoptOnDescriptor(int fd, const QString &path)
{
    if (::geteuid() != 0)
        return true;
    struct stat parent {};
    if (::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &parent) != 0)
        return false;
    return ::fchown(fd, parent.st_uid, parent.st_gid) == 0;
}

// A plain file with no other name, or a folder: what a state file may be.
bool isOwnFile(int fd)
{
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return false;
    return S_ISDIR(info.st_mode) || (S_ISREG(info.st_mode) && info.st_nlink == 1);
}

} // namespace

bool adoptParentOwner(const QString &path)
{
    if (::geteuid() != 0)
        return true;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    const bool adopted = isOwnFile(fd) && adoptOnDescriptor(fd, path);
    ::close(fd);
    return adopted;
}

bool open(QFile &file, QIODevice::OpenMode mode)
{
    const bool writing = mode & QIODevice::WriteOnly;
    int flags = O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
    if (writing)
        flags |= ((mode & QIODevice::ReadOnly) ? O_RDWR : O_WRONLY) | ((mode & QIODevice::Append) ? O_APPEND : 0);
    const QByteArray name = QFile::encodeName(file.fileName());
    // O_EXCL makes a new file or fails on any name already there, a link included; an existing
    // name is then opened without following a link. Truncation waits for the checks.
    int fd = writing ? ::open(name.constData(), flags | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR) : -1;
    const bool created = fd >= 0;
    if (!created && (!writing || errno == EEXIST))
        fd = ::open(name.constData(), flags);
    if (fd < 0)
        return false;
    const bool usable = isOwnFile(fd) && (!created || adoptOnDescriptor(fd, file.fileName()))
        && (!(mode & QIODevice::Truncate) || ::ftruncate(fd, 0) == 0) && ::fcntl(fd, F_SETFL, flags & O_APPEND) == 0;
    if (!usable || !file.open(fd, mode, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return false;
    }
    return true;
}

bool replace(const QString &path, const QByteArray &bytes)
{
    const QByteArray name = QFile::encodeName(path);
    // A fresh name beside the file (mkostemp creates it with O_EXCL, so it never follows a link),
    // one per writer: two threads saving the same file never share it.
    QByteArray temporary = name + ".XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return false;
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const bool ok = written == bytes.size() && adoptOnDescriptor(fd, path) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(temporary.constData(), name.constData()) != 0) {
        ::unlink(temporary.constData());
        return false;
    }
    return true;
}

} // namespace StateFile
