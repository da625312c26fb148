#include "kioskruntime.h"
#include "kioskshell.h"
#include "kioskwindow.h"
#include "maintenanceshell.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QHash>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

// What a resident sees first on the home screen, from the top bar down to the services.
const QStringList kLandmarks = {QStringLiteral("exitButton"),     QStringLiteral("searchButton"),     QStringLiteral("progressErrand"),
                                QStringLiteral("ticketsErrand"), QStringLiteral("complaintErrand"), QStringLiteral("audiencePerson")};

QHash<QString, QRectF> landmarks(QQuickWindow *window)
{
    QHash<QString, QRectF> where;
    for (const QString &name : kLandmarks) {
        if (const QQuickItem *item = UiProbe::find(window, name))
            where.insert(name, item->mapRectToScene(QRectF(0, 0, item->width(), item->height())));
    }
    return where;
}

} // namespace

// The first frame of the kiosk started in elder mode (`kiosk --elder`, or a restart while an
// elder's session was on screen) is laid out as it settles: nothing drawn a row too low and then
// jumping up, at each of the five displays. The process's order is followed: elder mode and the
// home screen are chosen before Main.qml is loaded, then the window is sized and shown.
class TestFirstFrame : public QObject
{
    Q_OBJECT

private slots:
    void theElderFirstFrameIsTheSettledLayout_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        for (const QSize size : {QSize(1080, 1920), QSize(768, 1366), QSize(1920, 1080), QSize(1366, 768), QSize(1280, 1024)}) {
            for (const char *language : {"zh", "en"})
                QTest::addRow("%dx%d-%s", size.width(), size.height(), language) << size << QString::fromLatin1(language);
        }
    }

    void theElderFirstFrameIsTheSettledLayout()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QTemporaryDir state;
        QString error;
        const std::optional<KioskConfig> config = RunningKiosk::configIn(state.path(), {{QStringLiteral("kiosk/mode"), QStringLiteral("demo")}}, &error);
        QVERIFY2(config, qPrintable(error));
        const std::unique_ptr<KioskRuntime> runtime = KioskRuntime::create(*config, &error);
        QVERIFY2(runtime, qPrintable(error));
        const auto shell = std::make_unique<KioskShell>(runtime.get());
        const auto maintenance = std::make_unique<MaintenanceShell>(runtime.get());
        shell->toggleElderMode();
        shell->setLanguage(language);
        shell->start();
        QVERIFY(shell->elderMode());

        QHash<QString, QRectF> first;
        {
            QQmlApplicationEngine engine;
            QQuickWindow *window = KioskWindow::load(engine, &error);
            QVERIFY2(window, qPrintable(error));
            bool drawn = false;
            connect(window, &QQuickWindow::frameSwapped, this, [&] {
                // Main.qml may draw once at its default size before the window is sized.
                if (drawn || window->size() != size)
                    return;
                drawn = true;
                first = landmarks(window);
            });
            window->resize(size);
            window->show();
            QTRY_VERIFY(drawn);
            QCOMPARE(first.size(), kLandmarks.size());
            // Long enough for every later layout pass and image load.
            QTest::qWait(600);
            const QHash<QString, QRectF> settled = landmarks(window);
            QCOMPARE(settled.size(), kLandmarks.size());
            for (const QString &name : kLandmarks) {
                const QRectF a = first.value(name);
                const QRectF b = settled.value(name);
                QVERIFY2(std::abs(a.y() - b.y()) < 1 && std::abs(a.x() - b.x()) < 1 && std::abs(a.height() - b.height()) < 1,
                         qPrintable(QStringLiteral("%1 was drawn at %2,%3 (%4 high) in the first frame and settled at %5,%6 (%7 high)")
                                        .arg(name).arg(a.x()).arg(a.y()).arg(a.height()).arg(b.x()).arg(b.y()).arg(b.height())));
            }
            // And the settled elder layout is the elder layout: elder targets are 124 units high.
            const double units = std::min(size.width(), size.height()) / 1080.0;
            QVERIFY(settled.value(QStringLiteral("progressErrand")).height() / units > 120);
        }
    }
};

QTEST_MAIN(TestFirstFrame)
#include "test_firstframe.moc"
