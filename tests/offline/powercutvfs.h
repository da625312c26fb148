#pragma once

#include <QString>

// A test-only SQLite VFS, registered over the default one, that models a power cut: every write
// reaches the real file at once (so the process reads what it wrote), but only what was made
// durable by xSync survives a cut. Each file it opens has a shadow copy in `shadowDir` holding its
// last synced content; a file never synced has none. After `cutAfter` writes, truncations and
// syncs the process ends on the spot (exit code CutExitCode), in the middle of whatever it was
// doing, and restore() then puts every file back to its shadow, deleting those never synced:
// the disk as the power cut would leave it. Files written without SQLite are not modelled.
namespace PowerCutVfs {

inline constexpr int CutExitCode = 77;

// Registers the VFS as the default, for this process. `cutAfter` 0 never cuts.
[[nodiscard]] bool install(const QString &shadowDir, qint64 cutAfter, QString *error);

// Returns every file the VFS has seen to its last synced content (run after the process died).
[[nodiscard]] bool restore(const QString &shadowDir, QString *error);

} // namespace PowerCutVfs
