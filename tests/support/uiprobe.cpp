#include "uiprobe.h"

#include <algorithm>

#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>

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

void collectRichTexts(QQuickItem *item, QStringList *out)
{
    // Qt::PlainText is 0 in every text item's textFormat; AutoText, StyledText, RichText and
    // MarkdownText would each draw a string that looks like markup as markup.
    if (item->inherits("QQuickText") && item->property("textFormat").toInt() != Qt::PlainText) {
        const QString name = item->objectName().isEmpty() ? QString::fromLatin1(item->metaObject()->className()) : item->objectName();
        out->append(name + QStringLiteral(" \"") + item->property("text").toString() + QLatin1Char('"'));
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectRichTexts(child, out);
}

} // namespace

QQuickItem *find(QQuickWindow *window, const QString &objectName)
{
    return findUnder(window->contentItem(), objectName);
}

QStringList visibleTexts(QQuickItem *root)
{
    QStringList texts;
    if (root) {
        collectTexts(root, &texts);
        // Every screen a UI test reads is also checked for text that could render as markup, so
        // a new screen that forgets KioskText fails the suite that first visits it.
        const QStringList rich = textsNotPlain(root);
        if (!rich.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("text shown in a format other than plain text: ") + rich.join(QStringLiteral(", "))),
                         __FILE__, __LINE__);
    }
    return texts;
}

QStringList textsNotPlain(QQuickItem *root)
{
    QStringList texts;
    if (root)
        collectRichTexts(root, &texts);
    return texts;
}

bool tap(QQuickWindow *window, const QString &objectName)
{
    QQuickItem *item = find(window, objectName);
    if (!item)
        return false;
    // On a short display (landscape, 5:4) the item may lie in a scrolling page below its edge:
    // the page is scrolled until the item is in view, as a resident's finger would. A page whose
    // layout is still settling (a keypad just closed) is given a few frames to do so.
    for (int attempt = 0; attempt < 5; ++attempt) {
        QQuickItem *page = nullptr;
        for (QQuickItem *p = item->parentItem(); p && !page; p = p->parentItem()) {
            if (p->inherits("QQuickFlickable"))
                page = p;
        }
        if (!page)
            break;
        const QRectF inView = item->mapRectToItem(page, QRectF(0, 0, item->width(), item->height()));
        if (inView.top() >= 0 && inView.bottom() <= page->height())
            break;
        const double contentY = page->property("contentY").toDouble();
        const double room = std::max(0.0, page->property("contentHeight").toDouble() - page->height());
        const double to = std::clamp(inView.top() < 0 ? contentY + inView.top() - 16 : contentY + inView.bottom() - page->height() + 16, 0.0, room);
        page->setProperty("contentY", to);
        QTest::qWait(60);
    }
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    if (!QRectF(0, 0, window->width(), window->height()).contains(centre)) {
        qWarning().noquote() << "UiProbe: cannot tap" << objectName << "at" << centre << "off the" << window->size() << "window";
        return false;
    }
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

bool scrollIntoView(QQuickWindow *window, const QString &objectName)
{
    QQuickItem *item = find(window, objectName);
    for (QQuickItem *view = item ? item->parentItem() : nullptr; view; view = view->parentItem()) {
        if (!view->inherits("QQuickFlickable"))
            continue;
        auto *content = view->property("contentItem").value<QQuickItem *>();
        if (!content)
            return false;
        const qreal centre = item->mapToItem(content, QPointF(0, item->height() / 2)).y();
        const qreal furthest = std::max<qreal>(0, view->property("contentHeight").toReal() - view->height());
        view->setProperty("contentY", std::clamp<qreal>(centre - view->height() / 2, 0, furthest));
        QCoreApplication::processEvents();
        return true;
    }
    return false;
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
