#pragma once

#include <QString>

class KioskRuntime;
class QQmlApplicationEngine;
class QQuickWindow;

// Loads the kiosk's Main.qml into `engine` and returns its window, or null with the QML errors
// in `error`. The kiosk and the UI tests both go through here, so tests drive the real screens.
// The executable must link kioskuiplugin and say Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin).
namespace KioskWindow {

[[nodiscard]] QQuickWindow *load(QQmlApplicationEngine &engine, QString *error);
// Lends the runtime what only the window has: the picture of its screen that the platform's
// `screenshot` command uploads (RemoteCare takes it on the attract screen only).
void serveRemoteCare(QQuickWindow *window, KioskRuntime *runtime);

} // namespace KioskWindow
