// kiosk-bench-search-frame: what a resident waits for when searching. The real kiosk (runtime,
// shell and Main.qml, offscreen, as tests/support's RunningKiosk starts it) on the catalogue
// the configuration names: the home screen's search opened by a tap, then each query put into
// the real search field the way the on-screen keyboard puts a chosen word (its insert()), and
// the time from there to the frame that shows the results. `kiosk-bench catalogue` runs it on
// 2 000 items and on the demo's 19, in turns, and prints the ratio.
//
// Usage: kiosk-bench-search-frame CONFIG ROUNDS QUERY... — prints "search-frame MS FOUND CREATED
// SHOWN QUERY" for each query of each round, the first round's after a warm-up search that builds
// the index: the result cards the view created, and those of them the window shows.
#include "hanzireadings.h"
#include "kioskshell.h"
#include "cataloguesearchmodel.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <atomic>
#include <functional>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

bool waitForItem(QQuickWindow *window, const QString &objectName)
{
    for (int waited = 0; waited < 20000; waited += 20) {
        if (QQuickItem *item = UiProbe::find(window, objectName); item && item->isVisible())
            return true;
        QTest::qWait(20);
    }
    return false;
}

// Runs `change`, then the event loop until the window has shown a frame after it; the time from
// before the change to that frame's swap, in milliseconds, or -1 when no frame came in 10 s.
double timeToFrame(QQuickWindow *window, const std::function<void()> &change)
{
    QEventLoop loop;
    QElapsedTimer clock;
    std::atomic<qint64> swappedNs{-1};
    // The render loop may swap on a thread of its own: the time is taken there, the loop quit here.
    const QMetaObject::Connection connection = QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            qint64 expected = -1;
            if (swappedNs.compare_exchange_strong(expected, clock.nsecsElapsed()))
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    clock.start();
    change();
    loop.exec();
    QObject::disconnect(connection);
    return swappedNs < 0 ? -1 : double(swappedNs) / 1e6;
}

struct Cards {
    int created = 0;
    int shown = 0; // created, visible, and at least partly inside the window
};

// `visible` is what the clipping items above `item` let through, in the window's coordinates.
void countCards(QQuickItem *item, QRectF visible, Cards &cards)
{
    if (!item->isVisible())
        return;
    const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    if (item->objectName().startsWith(QLatin1String("itemCard_"))) {
        ++cards.created;
        cards.shown += box.intersects(visible) ? 1 : 0;
        return;
    }
    if (item->clip())
        visible &= box;
    for (QQuickItem *child : item->childItems())
        countCards(child, visible, cards);
}

// The result cards of the search panel: the result view's own, not the home screen's behind it.
Cards resultCards(QQuickWindow *window)
{
    Cards cards;
    if (QQuickItem *panel = UiProbe::find(window, QStringLiteral("searchPanel")))
        countCards(panel, QRectF(QPointF(0, 0), window->size()), cards);
    return cards;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: kiosk-bench-search-frame CONFIG ROUNDS QUERY...\n");
        return 2;
    }
    const int rounds = std::max(1, args.at(1).toInt());
    const QStringList queries = args.mid(2);

    QString error;
    const std::unique_ptr<RunningKiosk> kiosk = RunningKiosk::startFromFile(args.at(0), &error);
    if (!kiosk) {
        std::fprintf(stderr, "kiosk-bench-search-frame: %s\n", qPrintable(error));
        return 1;
    }
    QQuickWindow *window = kiosk->window();
    // The running kiosk prepares the readings right after its first frame, long before a
    // resident can reach the search; so here before the first query.
    HanziReadings::prepare();
    (void)HanziReadings::shared();
    if (UiProbe::find(window, QStringLiteral("attractScreen")) && !UiProbe::tap(window, QStringLiteral("startArea"))) {
        std::fprintf(stderr, "kiosk-bench-search-frame: no start area on the attract screen\n");
        return 1;
    }
    QQuickItem *keyboard = nullptr;
    if (!waitForItem(window, QStringLiteral("homeScreen")) || !UiProbe::tapWhenShown(window, QStringLiteral("searchButton"))
        || !waitForItem(window, QStringLiteral("searchPanel")) || !(keyboard = UiProbe::find(window, QStringLiteral("onScreenKeyboard")))) {
        std::fprintf(stderr, "kiosk-bench-search-frame: the search panel did not open\n");
        return 1;
    }
    CatalogueSearchModel *search = kiosk->shell()->search();
    const auto type = [keyboard](const QString &text) {
        return [keyboard, text] { QMetaObject::invokeMethod(keyboard, "insert", Q_ARG(QVariant, QVariant(text))); };
    };
    const auto clear = [keyboard] { keyboard->setProperty("text", QString()); };

    // The first search builds the index over the catalogue (kiosk-bench catalogue times that apart).
    (void)timeToFrame(window, type(queries.constFirst()));
    for (int round = 0; round < rounds; ++round) {
        for (const QString &query : queries) {
            if (timeToFrame(window, clear) < 0)
                return 1;
            QTest::qWait(30); // nothing left to draw from the clearing
            const double ms = timeToFrame(window, type(query));
            if (ms < 0 || search->query() != query) {
                std::fprintf(stderr, "kiosk-bench-search-frame: \"%s\" showed no frame or did not reach the search\n", qPrintable(query));
                return 1;
            }
            const Cards cards = resultCards(window);
            std::printf("search-frame %.3f %d %d %d %s\n", ms, search->count(), cards.created, cards.shown, qPrintable(query));
        }
    }
    std::fflush(stdout);
    return 0;
}
