#pragma once

// kioskctl is run from SSH, sudo or runuser, where no login session set XDG_RUNTIME_DIR; Qt
// then complains on every command while it looks for a display server. Without one, kioskctl
// takes the session's directory when it exists (/run/user/UID) or makes a private one, owned by
// this user with mode 0700 as the XDG base directory specification asks.
namespace RuntimeDirectory {

// Sets XDG_RUNTIME_DIR when it is unset or unusable; call before the application object.
void provide();

} // namespace RuntimeDirectory
