#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>

class QQuickItem;
class QQuickWindow;

// What a person sees and touches, read off the real QML: the texts on screen and taps on named
// items, in window coordinates, so a test clicks where a finger would.
namespace UiProbe {

[[nodiscard]] QQuickItem *find(QQuickWindow *window, const QString &objectName);
// Every visible text under `root`, in scene order. It fails the running test when any text item
// under `root` is not plain text (see textsNotPlain()).
[[nodiscard]] QStringList visibleTexts(QQuickItem *root);
// Every text item under `root`, shown or not, whose textFormat is not Text.PlainText: a text that
// shows data would draw markup in it ("<img src=…>" fetches the URL). Object name and text each.
[[nodiscard]] QStringList textsNotPlain(QQuickItem *root);
// Presses and releases at the centre of the named item, first scrolling the page it is on until
// it is in view; false if it is missing, hidden or off the window.
[[nodiscard]] bool tap(QQuickWindow *window, const QString &objectName);
// Scrolls the flickable the named item is in so that the item is in the middle of its view, as a
// resident's swipe would; false if the item is missing or in no flickable.
[[nodiscard]] bool scrollIntoView(QQuickWindow *window, const QString &objectName);
// Waits (processing events) up to `timeoutMs` for the named item to appear, then taps it.
[[nodiscard]] bool tapWhenShown(QQuickWindow *window, const QString &objectName, int timeoutMs = 20000);
// Saves a picture of the window under $KIOSK_SCREENSHOT_DIR/NAME.png and returns the path.
QString screenshot(QQuickWindow *window, const QString &name);

} // namespace UiProbe
