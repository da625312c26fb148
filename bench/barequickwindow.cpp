// The start-up benchmark's baseline: the least a Qt Quick program can do on this machine, a
// window with one line of Chinese text, so that the font database and a CJK face are loaded as
// they are for the kiosk's attract screen. It prints the same "first-frame" line the kiosk prints
// and, like `kiosk --exit-after-first-frame`, quits on the next turn of the event loop.
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData(QByteArrayLiteral("import QtQuick\n"
                                      "Window {\n"
                                      "    width: 1080; height: 1920; visible: true; color: \"#f4f6f9\"\n"
                                      "    Text { anchors.centerIn: parent; font.pixelSize: 56; text: \"政务服务 自助终端\" }\n"
                                      "}\n"));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    bool shown = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (shown)
            return;
        shown = true;
        std::printf("first-frame %.1f ms\n", sinceStart.nsecsElapsed() / 1e6);
        std::fflush(stdout);
        QTimer::singleShot(0, &app, &QGuiApplication::quit);
    });
    return QGuiApplication::exec();
}
