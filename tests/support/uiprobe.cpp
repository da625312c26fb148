#include "uiprobe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

namespace UiProbe {

namespace {

QQuickItem *findUnder(QQuickItem *item, const QString &objectName)
{
    if (item->objectName() == objectName && item->isVisible())
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findUnder(child, objectName))
            return found;
    }
    return nullptr;
}

void collectTexts(QQuickItem *item, QStringList *out)
{
    if (!item->isVisible() || item->opacity() == 0)
        return;
    if (item->inherits("QQuickText")) {
        const QString text = item->property("text").toString();
        if (!text.isEmpty())
            out->append(text);
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectTexts(child, out);
}

} // namespace

QQuickItem *find(QQuickWindow *window, const QString &objectName)
{
    return findUnder(window->contentItem(), objectName);
}

QStringList visibleTexts(QQuickItem *root)
{
    QStringList texts;
    if (root)
        collectTexts(root, &texts);
    return texts;
}

bool tap(QQuickWindow *window, const QString &objectName)
{
    QQuickItem *item = find(window, objectName);
    if (!item)
        return false;
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

bool tapWhenShown(QQuickWindow *window, const QString &objectName, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!find(window, objectName) && clock.elapsed() < timeoutMs)
        QTest::qWait(20);
    return tap(window, objectName);
}

QString screenshot(QQuickWindow *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    window->grabWindow().save(path);
    return path;
}

} // namespace UiProbe
