#include "kioskprocess.h"

#include <QGuiApplication>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    KioskProcess kiosk(sinceStart);
    if (const std::optional<int> exitCode = kiosk.start(app.arguments().mid(1)))
        return *exitCode;
    return QGuiApplication::exec();
}
