#include "powercutvfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>

#include <sqlite3.h>

#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace PowerCutVfs {

namespace {

// What a file's shadow knows: where it lives, and the byte ranges written since the last sync.
struct Tracked {
    QString shadow;
    QList<std::pair<qint64, qint64>> dirty; // offset, length
    bool durable = false;                   // a shadow exists
};

sqlite3_vfs g_vfs;
sqlite3_vfs *g_base = nullptr;
QString g_shadowDir;
qint64 g_cutAfter = 0;
qint64 g_operations = 0;
QHash<QString, Tracked> g_files; // by the real file's path

struct File {
    sqlite3_file base;        // must come first: SQLite sees this
    sqlite3_file *real;       // the default VFS's file, allocated after this struct
    QString *path;
};

QString shadowPathFor(const QString &path)
{
    return g_shadowDir + QLatin1Char('/') + QFileInfo(path).fileName();
}

QString markerPathFor(const QString &path)
{
    return shadowPathFor(path) + QStringLiteral(".tracked");
}

// Every write, truncation and sync brings the cut nearer; at the cut the process is gone at
// once, with nothing after it reaching the disk, which is what a power cut does.
void operation()
{
    if (g_cutAfter > 0 && ++g_operations >= g_cutAfter)
        ::_exit(CutExitCode);
}

bool copyRange(int from, int to, qint64 offset, qint64 length)
{
    QByteArray buffer(qsizetype(std::min<qint64>(length, 1 << 20)), '\0');
    while (length > 0) {
        const ssize_t got = ::pread(from, buffer.data(), size_t(std::min<qint64>(length, buffer.size())), off_t(offset));
        if (got <= 0)
            return got == 0; // the file ends before the range: a later truncation cut it
        if (::pwrite(to, buffer.constData(), size_t(got), off_t(offset)) != got)
            return false;
        offset += got;
        length -= got;
    }
    return true;
}

// The file's current content becomes its durable content.
int makeDurable(const QString &path)
{
    Tracked &tracked = g_files[path];
    const int from = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (from < 0)
        return SQLITE_IOERR_FSYNC;
    const int to = ::open(QFile::encodeName(tracked.shadow).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    struct stat info {};
    bool done = to >= 0 && ::fstat(from, &info) == 0;
    if (done && !tracked.durable) {
        done = copyRange(from, to, 0, info.st_size); // first sync of a new file: all of it
    } else {
        for (const auto &[offset, length] : std::as_const(tracked.dirty))
            done = done && copyRange(from, to, offset, length);
    }
    done = done && ::ftruncate(to, info.st_size) == 0;
    ::close(from);
    if (to >= 0)
        ::close(to);
    if (!done)
        return SQLITE_IOERR_FSYNC;
    tracked.dirty.clear();
    tracked.durable = true;
    return SQLITE_OK;
}

File *self(sqlite3_file *file)
{
    return reinterpret_cast<File *>(file);
}

int fileClose(sqlite3_file *file)
{
    const int rc = self(file)->real->pMethods ? self(file)->real->pMethods->xClose(self(file)->real) : SQLITE_OK;
    delete self(file)->path;
    return rc;
}

int fileRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    return self(file)->real->pMethods->xRead(self(file)->real, buffer, amount, offset);
}

int fileWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    operation();
    if (!self(file)->path->isEmpty())
        g_files[*self(file)->path].dirty.append({offset, amount});
    return self(file)->real->pMethods->xWrite(self(file)->real, buffer, amount, offset);
}

int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    operation();
    return self(file)->real->pMethods->xTruncate(self(file)->real, size);
}

int fileSync(sqlite3_file *file, int)
{
    operation();
    // The real fsync adds nothing here: durability is what the shadow holds. A temporary file
    // (no name) does not outlive the process anyway.
    return self(file)->path->isEmpty() ? SQLITE_OK : makeDurable(*self(file)->path);
}

int fileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return self(file)->real->pMethods->xFileSize(self(file)->real, size);
}

int fileLock(sqlite3_file *file, int level)
{
    return self(file)->real->pMethods->xLock(self(file)->real, level);
}

int fileUnlock(sqlite3_file *file, int level)
{
    return self(file)->real->pMethods->xUnlock(self(file)->real, level);
}

int fileCheckReservedLock(sqlite3_file *file, int *out)
{
    return self(file)->real->pMethods->xCheckReservedLock(self(file)->real, out);
}

int fileControl(sqlite3_file *file, int op, void *arg)
{
    // Size hints make the real VFS grow the file behind xTruncate's back; the next sync copies
    // the size, so nothing is lost, but leave the file as the writes make it.
    if (op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_CHUNK_SIZE)
        return SQLITE_OK;
    return self(file)->real->pMethods->xFileControl(self(file)->real, op, arg);
}

int fileSectorSize(sqlite3_file *file)
{
    return self(file)->real->pMethods->xSectorSize(self(file)->real);
}

int fileDeviceCharacteristics(sqlite3_file *file)
{
    // Nothing a real disk does not promise: no atomic or safe-append writes, no powersafe
    // overwrite, so SQLite takes no shortcut the cut could punish unfairly.
    return self(file)->real->pMethods->xDeviceCharacteristics(self(file)->real) & ~SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

int fileShmMap(sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
    return self(file)->real->pMethods->xShmMap(self(file)->real, page, size, extend, out);
}

int fileShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return self(file)->real->pMethods->xShmLock(self(file)->real, offset, n, flags);
}

void fileShmBarrier(sqlite3_file *file)
{
    self(file)->real->pMethods->xShmBarrier(self(file)->real);
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return self(file)->real->pMethods->xShmUnmap(self(file)->real, deleteFlag);
}

int fileFetch(sqlite3_file *, sqlite3_int64, int, void **out)
{
    *out = nullptr; // no memory-mapped reads: every read goes through xRead
    return SQLITE_OK;
}

int fileUnfetch(sqlite3_file *, sqlite3_int64, void *)
{
    return SQLITE_OK;
}

const sqlite3_io_methods g_methods = {
    3, fileClose, fileRead, fileWrite, fileTruncate, fileSync, fileSize, fileLock, fileUnlock,
    fileCheckReservedLock, fileControl, fileSectorSize, fileDeviceCharacteristics, fileShmMap, fileShmLock,
    fileShmBarrier, fileShmUnmap, fileFetch, fileUnfetch,
};

int vfsOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    File *f = self(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + sizeof(File));
    f->path = nullptr;
    const int rc = g_base->xOpen(g_base, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    f->path = new QString(name ? QFileInfo(QFile::decodeName(name)).absoluteFilePath() : QString());
    f->base.pMethods = &g_methods;
    if (!name)
        return SQLITE_OK;
    Tracked &tracked = g_files[*f->path];
    tracked.shadow = shadowPathFor(*f->path);
    // A file seen for the first time in this process: it is durable as it is now if it has a
    // shadow from an earlier life, or if it was already on disk before the VFS saw it at all.
    const bool marked = QFileInfo::exists(markerPathFor(*f->path));
    tracked.durable = QFileInfo::exists(tracked.shadow);
    if (!marked) {
        QFile markerFile(markerPathFor(*f->path));
        if (!markerFile.open(QIODevice::WriteOnly) || markerFile.write(QFile::encodeName(*f->path)) <= 0)
            return SQLITE_IOERR;
        markerFile.close();
        QFile original(*f->path);
        if (original.size() > 0 || (flags & SQLITE_OPEN_CREATE) == 0) {
            QFile::remove(tracked.shadow);
            if (!QFile::copy(*f->path, tracked.shadow))
                return SQLITE_IOERR;
            tracked.durable = true;
        }
    }
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    operation();
    const QString path = QFileInfo(QFile::decodeName(name)).absoluteFilePath();
    // Deleting is taken as durable at once: SQLite deletes only what it no longer needs.
    QFile::remove(shadowPathFor(path));
    g_files.remove(path);
    return g_base->xDelete(g_base, name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_base->xAccess(g_base, name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_base->xFullPathname(g_base, name, size, out);
}

} // namespace

bool install(const QString &shadowDir, qint64 cutAfter, QString *error)
{
    if (!QDir().mkpath(shadowDir)) {
        *error = QStringLiteral("cannot make %1").arg(shadowDir);
        return false;
    }
    g_base = sqlite3_vfs_find(nullptr);
    if (!g_base) {
        *error = QStringLiteral("no default SQLite VFS");
        return false;
    }
    g_shadowDir = QDir(shadowDir).absolutePath();
    g_cutAfter = cutAfter;
    g_vfs = *g_base;
    g_vfs.szOsFile = int(sizeof(File)) + g_base->szOsFile;
    g_vfs.zName = "powercut";
    g_vfs.pNext = nullptr;
    g_vfs.xOpen = vfsOpen;
    g_vfs.xDelete = vfsDelete;
    g_vfs.xAccess = vfsAccess;
    g_vfs.xFullPathname = vfsFullPathname;
    if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK) {
        *error = QStringLiteral("cannot register the VFS");
        return false;
    }
    return true;
}

bool restore(const QString &shadowDir, QString *error)
{
    // Each marker names a file the VFS saw; its shadow, if any, is what the disk kept, and a
    // file without one was never made durable and is gone.
    const QDir shadows(shadowDir);
    for (const QFileInfo &marker : shadows.entryInfoList({QStringLiteral("*.tracked")}, QDir::Files)) {
        QFile markerFile(marker.filePath());
        if (!markerFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(marker.filePath());
            return false;
        }
        const QString real = QFile::decodeName(markerFile.readAll());
        const QString shadow = marker.filePath().chopped(int(qstrlen(".tracked")));
        QFile::remove(real);
        if (QFileInfo::exists(shadow) && !QFile::copy(shadow, real)) {
            *error = QStringLiteral("cannot put %1 back from %2").arg(real, shadow);
            return false;
        }
    }
    return true;
}

} // namespace PowerCutVfs
