#pragma once

#include <QString>
#include <QStringList>

// How large an append-only log may grow: `maxBytes` per file, `keptFiles` files in all (the live
// one and the rotated ones "<path>.1" … "<path>.<keptFiles-1>", newest first).
struct LogRotationLimits {
    qint64 maxBytes = 10 * 1024 * 1024;
    int keptFiles = 5;
};

// Keeps an append-only log within LogRotationLimits on a kiosk that runs for years: before a line
// is appended, a full file is renamed aside and the oldest beyond the limit deleted. Renames move
// names, never contents, so a writer holding the file open finishes its line in the rotated file.
namespace LogRotation {

// Rotates `path` when appending `incomingBytes` would take it past the limit. Several processes
// may write one log (the kiosk, kioskctl): they rotate under an exclusive lock on the file. False,
// with why, only when a rename or a deletion failed; the caller may still append.
bool makeRoom(const QString &path, qint64 incomingBytes, const LogRotationLimits &limits, QString *error = nullptr);

// The log's files that exist, newest first: `path`, then "<path>.1" and so on.
[[nodiscard]] QStringList files(const QString &path, const LogRotationLimits &limits);

} // namespace LogRotation
