#include "kioskwindow.h"

#include "kioskruntime.h"
#include "remotecare.h"
#include "terminalsupervision.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace KioskWindow {

QQuickWindow *load(QQmlApplicationEngine &engine, QString *error)
{
    // One CJK face for everything, Latin included, so Chinese and English sit on the same lines
    // with the same weight (Noto Sans CJK SC, from fonts-noto-cjk).
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));

    // Collects the warnings of this load only: the connection ends with `listening`, so a warning
    // the running screens print later cannot reach `problems` once it is gone.
    QStringList problems;
    QObject listening;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, &listening, [&problems](const QList<QQmlError> &warnings) {
        for (const QQmlError &w : warnings)
            problems.append(w.toString());
    });
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Kiosk/Ui/Main.qml")));
    QQuickWindow *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window && error)
        *error = problems.isEmpty() ? QStringLiteral("Main.qml did not create a window") : problems.join(QLatin1Char('\n'));
    return window;
}

void serveRemoteCare(QQuickWindow *window, KioskRuntime *runtime)
{
    runtime->supervision()->remoteCare()->setScreenGrabber([window] { return window->grabWindow(); });
}

} // namespace KioskWindow
