#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// kioskctl often runs as root, the kiosk as its own user: a log or audit file that root creates
// in the kiosk's state directory must stay writable by the kiosk. Files and folders made there
// therefore take the owner of the folder they are made in.
//
// The kiosk user controls that folder, so it may plant a symbolic link (or a hard link) where root
// expects one of its files: root would then write, or chown, whatever the link points to. Every
// file here is therefore opened with O_NOFOLLOW, checked on its descriptor, and given its owner
// with fchown on that descriptor, never by path.
namespace StateFile {

// Gives `path` the owner and group of its parent folder; does nothing unless running as root.
// False when the owner could not be changed (the file still works for the process that made it),
// and when `path` is a link: the link's target is never touched.
bool adoptParentOwner(const QString &path);

// Opens `file` (its fileName()) for `mode` (WriteOnly, Append, Truncate, ReadOnly) without
// following a link; a new file is made with mode 0600 and, under root, the folder's owner. False,
// with the file closed, when the name is a link, a hard link to another file, or not a plain file.
[[nodiscard]] bool open(QFile &file, QIODevice::OpenMode mode);

// Replaces `path` with `bytes` atomically (a new file beside it, then rename, which replaces a
// link rather than following it), mode 0600 and, under root, the folder's owner.
[[nodiscard]] bool replace(const QString &path, const QByteArray &bytes);

} // namespace StateFile
