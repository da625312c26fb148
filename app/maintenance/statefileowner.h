#pragma once

#include <QString>

// kioskctl often runs as root, the kiosk as its own user: a log or audit file that root creates
// in the kiosk's state directory must stay writable by the kiosk. Files and folders made there
// therefore take the owner of the folder they are made in.
namespace StateFileOwner {

// Gives `path` the owner and group of its parent folder; does nothing unless running as root.
// False when the owner could not be changed (the file still works for the process that made it).
bool adoptParentOwner(const QString &path);

} // namespace StateFileOwner
