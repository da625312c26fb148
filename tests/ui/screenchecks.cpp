#include "screenchecks.h"

#include "keypadnavigator.h"
#include "uiprobe.h"

#include <QDir>
#include <QFont>
#include <QHash>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(QColor c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(QColor a, QColor b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor over(QColor top, double alpha, QColor bottom)
{
    return QColor::fromRgbF(float(top.redF() * alpha + bottom.redF() * (1 - alpha)), float(top.greenF() * alpha + bottom.greenF() * (1 - alpha)),
                            float(top.blueF() * alpha + bottom.blueF() * (1 - alpha)));
}

int distance(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

double effectiveOpacity(const QQuickItem *item)
{
    double opacity = 1;
    for (const QQuickItem *i = item; i; i = i->parentItem())
        opacity *= i->opacity();
    return opacity;
}

const QQuickItem *flickableAncestor(const QQuickItem *item)
{
    for (const QQuickItem *i = item->parentItem(); i; i = i->parentItem()) {
        if (i->inherits("QQuickFlickable"))
            return i;
    }
    return nullptr;
}

// The part of the scene where `item` can be seen at all: the window cut down by every clipping
// ancestor (a scrolling list among them).
QRectF viewport(const QQuickItem *item, const QRectF &window)
{
    QRectF view = window;
    for (const QQuickItem *i = item->parentItem(); i; i = i->parentItem()) {
        if (i->clip())
            view &= i->mapRectToScene(QRectF(0, 0, i->width(), i->height()));
    }
    return view;
}

// Where a Text's glyphs are painted, in scene coordinates, from its content size and alignment.
QRectF paintedRect(const QQuickItem *text)
{
    const double contentWidth = text->property("contentWidth").toDouble();
    const double contentHeight = text->property("contentHeight").toDouble();
    const int h = text->property("horizontalAlignment").toInt();
    const int v = text->property("verticalAlignment").toInt();
    double x = 0;
    double y = 0;
    if (h & Qt::AlignHCenter)
        x = (text->width() - contentWidth) / 2;
    else if (h & Qt::AlignRight)
        x = text->width() - contentWidth;
    if (v & Qt::AlignVCenter)
        y = (text->height() - contentHeight) / 2;
    else if (v & Qt::AlignBottom)
        y = text->height() - contentHeight;
    return text->mapRectToScene(QRectF(x, y, contentWidth, contentHeight));
}

void collect(QQuickItem *item, QList<QQuickItem *> *out)
{
    if (!item->isVisible() || item->opacity() < 0.01)
        return;
    // The demo strip is the presenter's, outside every screen; residents never use it.
    if (item->objectName() == QLatin1String("demoPanel"))
        return;
    out->append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collect(child, out);
}

// What is painted over items[index]: opaque rectangles and images later in paint order (a card
// gliding over the reader's label, say). The text is not seen there, so its contrast is not
// measured there either.
QList<QRectF> coveringItems(const QList<QQuickItem *> &items, qsizetype index)
{
    const QQuickItem *text = items.at(index);
    const QRectF rect = text->mapRectToScene(QRectF(0, 0, text->width(), text->height()));
    QList<QRectF> covering;
    for (qsizetype j = index + 1; j < items.size(); ++j) {
        const QQuickItem *item = items.at(j);
        const bool opaqueRectangle = item->inherits("QQuickRectangle") && item->property("color").value<QColor>().alphaF() > 0.9;
        if (!opaqueRectangle && !item->inherits("QQuickImage"))
            continue;
        if (effectiveOpacity(item) < 0.9)
            continue;
        const QRectF over = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (over.intersects(rect))
            covering.append(over);
    }
    return covering;
}

QString targetLabel(const QQuickItem *target)
{
    QString label = target->parentItem() ? target->parentItem()->objectName() : QString();
    for (QQuickItem *p = target->parentItem(); p && label.isEmpty(); p = p->parentItem()) {
        const QStringList texts = UiProbe::visibleTexts(p);
        if (!texts.isEmpty())
            label = QLatin1Char('"') + texts.first().left(30) + QLatin1Char('"');
    }
    return label;
}

QRectF sceneRect(const QQuickItem *item) { return item->mapRectToScene(QRectF(0, 0, item->width(), item->height())); }

// Whether an item at a point hides what is below it from the resident: it paints something
// there (a filled rectangle, a picture, a text) or takes the finger (a mouse area, a tap handler,
// a field, a scrolling page). Plain items, layouts and transparent rectangles do neither.
bool hidesWhatIsBelow(const QQuickItem *item)
{
    if (item->inherits("QQuickRectangle"))
        return item->property("color").value<QColor>().alphaF() > 0.1;
    if (item->inherits("QQuickMouseArea"))
        return item->isEnabled();
    const QObjectList children = item->children();
    for (const QObject *child : children) {
        if (child->inherits("QQuickTapHandler") && child->property("enabled").toBool())
            return true;
    }
    return item->inherits("QQuickImage") || item->inherits("QQuickText") || item->inherits("QQuickTextInput")
           || item->inherits("QQuickTextEdit") || item->inherits("QQuickFlickable");
}

// The item a finger at `at` (scene coordinates) lands on and the eye sees there: the topmost
// visible item that hides what is below it, children before their parent and later siblings (or
// higher z) before earlier ones, as Qt Quick paints and delivers presses. QQuickItem::childAt
// looks at one level and at bounds alone, so a footer's empty Item row would count as covering.
const QQuickItem *topmostAt(const QQuickItem *item, QPointF at)
{
    if (!item->isVisible() || item->opacity() < 0.01 || item->objectName() == QLatin1String("demoPanel"))
        return nullptr;
    const bool inside = QRectF(0, 0, item->width(), item->height()).contains(item->mapFromScene(at));
    if (item->clip() && !inside)
        return nullptr;
    QList<QQuickItem *> children = item->childItems();
    std::stable_sort(children.begin(), children.end(), [](const QQuickItem *a, const QQuickItem *b) { return a->z() < b->z(); });
    for (auto it = children.crbegin(); it != children.crend(); ++it) {
        if (const QQuickItem *hit = topmostAt(*it, at))
            return hit;
    }
    return inside && hidesWhatIsBelow(item) ? item : nullptr;
}

// The first item painted over `target` at `at` (scene coordinates) that hides it there, or
// null when `target` is what the eye sees at that point (its own children count as part of it).
// The same paint order as topmostAt: children over their parent, later siblings over earlier.
const QQuickItem *hiderAbove(const QQuickItem *item, const QQuickItem *target, QPointF at, bool *reached)
{
    if (item == target) {
        *reached = true;
        return nullptr;
    }
    if (!item->isVisible() || item->opacity() < 0.01 || item->objectName() == QLatin1String("demoPanel"))
        return nullptr;
    const bool inside = QRectF(0, 0, item->width(), item->height()).contains(item->mapFromScene(at));
    if (item->clip() && !inside && !item->isAncestorOf(target))
        return nullptr;
    QList<QQuickItem *> children = item->childItems();
    std::stable_sort(children.begin(), children.end(), [](const QQuickItem *a, const QQuickItem *b) { return a->z() < b->z(); });
    for (auto it = children.crbegin(); it != children.crend(); ++it) {
        if (const QQuickItem *hit = hiderAbove(*it, target, at, reached))
            return hit;
        if (*reached)
            return nullptr;
    }
    // A parent paints under its children: one holding the target is never over it.
    if (item->isAncestorOf(target))
        return nullptr;
    return inside && hidesWhatIsBelow(item) ? item : nullptr;
}

// What a resident must see whole to use, with the least side it may have in 1080p-equivalent
// units (0: no least side). The payment code: a phone reads a QR code from about ten times its
// side, so 400 units (10 cm on the kiosk's 21.5-inch panel) reads from beyond an arm's length.
const QHash<QString, double> &seenWholeItems()
{
    static const QHash<QString, double> items = {
        {QStringLiteral("paymentCode"), 400},
        {QStringLiteral("ticketNumber"), 0},
    };
    return items;
}

} // namespace

ScreenChecks::ScreenChecks(QQuickWindow *window, const QString &variant, double units)
    : m_window(window)
    , m_variant(variant)
    , m_units(units)
{
}

// The upper 40 % of a 1920 high portrait panel is above a seated resident's forward reach (about
// 1.2 m from the floor on a counter-height kiosk). The walk states the line itself, so a layout
// that moves its line up fails here.
double ScreenChecks::reachLine() const
{
    return 0.4 * m_window->height();
}

int ScreenChecks::touchFloor() const
{
    // 60 px is the floor at 1080p; elder mode enlarges targets by a third (Theme.qml), so its
    // floor is a third higher.
    return isElder() ? 80 : 60;
}

void ScreenChecks::warnProblems(const char *prefix) const
{
    for (const QString &problem : m_problems)
        qWarning().noquote() << prefix << problem;
}

// Checks everything visible under `root` and saves the picture as <screen>-<variant>.png.
void ScreenChecks::inspect(const QString &screen, const QString &rootName)
{
    QQuickItem *root = UiProbe::find(m_window, rootName);
    if (!root) {
        m_problems.append(QStringLiteral("%1: %2 is not on screen").arg(screen, rootName));
        return;
    }
    // Let bindings, layouts and the first frames of image loads settle before measuring.
    QTest::qWait(150);
    const QImage picture = m_window->grabWindow().convertToFormat(QImage::Format_RGB32);
    const QString name = screen + QLatin1Char('-') + m_variant
                         + (m_window->size() == QSize(1080, 1920) ? QString() : QStringLiteral("-%1x%2").arg(m_window->width()).arg(m_window->height()));
    const QString dir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    picture.save(QDir(dir).filePath(name + QStringLiteral(".png")));
    m_screensSeen.append(name);
    m_rootRect = sceneRect(root);

    const QRectF window(0, 0, picture.width(), picture.height());
    const double scale = picture.width() / m_window->width();
    QList<QQuickItem *> items;
    collect(root, &items);
    for (qsizetype i = 0; i < items.size(); ++i) {
        QQuickItem *item = items.at(i);
        if (item->inherits("QQuickText") || item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
            checkText(name, item, picture, window, scale, coveringItems(items, i));
        checkTarget(name, item, window);
        checkBackKeyReaches(name, item);
        if (seenWholeItems().contains(item->objectName()))
            checkSeenWhole(name, item, window);
    }
}

// A control whose words are a way back (返回, 关闭, 取消, Back, Close, Cancel, or words that begin
// with one: 取消缴费, Cancel payment, 关闭搜索) is one, and the keypad's back key must choose it:
// the key finds it by its name, so one left unnamed (the form's 返回, once; the payment's 取消缴费,
// once) strands a resident who cannot see the screen on it. A switch that is on says 关闭 to turn
// it off (关闭读屏): that is no way back.
void ScreenChecks::checkBackKeyReaches(const QString &screen, QQuickItem *item)
{
    if (!item->property("keypadTarget").toBool() || !item->isEnabled() || item->property("checked").toBool())
        return;
    static const QStringList chinese = {QStringLiteral("返回"), QStringLiteral("关闭"), QStringLiteral("取消")};
    static const QStringList english = {QStringLiteral("Back"), QStringLiteral("Close"), QStringLiteral("Cancel")};
    const QStringList texts = UiProbe::visibleTexts(item);
    if (texts.size() != 1)
        return;
    const QString words = texts.first().trimmed();
    const bool wayBack = std::any_of(chinese.cbegin(), chinese.cend(), [&words](const QString &w) { return words.startsWith(w); })
                         || std::any_of(english.cbegin(), english.cend(), [&words](const QString &w) {
                                return words.compare(w, Qt::CaseInsensitive) == 0 || words.startsWith(w + QLatin1Char(' '), Qt::CaseInsensitive);
                            });
    if (!wayBack)
        return;
    ++m_backButtonsChecked;
    if (!KeypadNavigator::backNames().contains(item->objectName()))
        m_problems.append(QStringLiteral("%1: \"%2\" (named \"%3\") is not chosen by the keypad's back key").arg(screen, texts.first(), item->objectName()));
}

// What a resident must see whole to use it (seenWholeItems) is wholly inside the window and
// whatever clips it, as the screen first shows it (no scrolling), with nothing painted over it,
// and no smaller than its least side. The payment code sat partly under the footer in reach mode
// and in elder-mode English at 1280 × 1024, whole only once scrolled: it is neither a text nor a
// button, so no other check looked at it.
void ScreenChecks::checkSeenWhole(const QString &screen, QQuickItem *item, const QRectF &window)
{
    if (item->width() <= 0 || item->height() <= 0)
        return;
    ++m_wholeItemsChecked;
    const QRectF rect = sceneRect(item);
    const QString who = QStringLiteral("%1: %2 at %3,%4 %5×%6").arg(screen, item->objectName()).arg(rect.x(), 0, 'f', 0).arg(rect.y(), 0, 'f', 0)
                            .arg(rect.width(), 0, 'f', 0).arg(rect.height(), 0, 'f', 0);
    const QRectF view = viewport(item, window);
    if (!view.adjusted(-1, -1, 1, 1).contains(rect)) {
        m_problems.append(QStringLiteral("%1 is not seen whole: the window or its page shows %2,%3 %4×%5 of it").arg(who).arg((rect & view).x(), 0, 'f', 0)
                              .arg((rect & view).y(), 0, 'f', 0).arg((rect & view).width(), 0, 'f', 0).arg((rect & view).height(), 0, 'f', 0));
        return;
    }
    const QRectF inset = rect.adjusted(2, 2, -2, -2);
    for (const QPointF at : {inset.center(), inset.topLeft(), inset.topRight(), inset.bottomLeft(), inset.bottomRight()}) {
        bool reached = false;
        if (const QQuickItem *over = hiderAbove(m_window->contentItem(), item, at, &reached)) {
            m_problems.append(QStringLiteral("%1 is covered at %2,%3 by %4").arg(who).arg(at.x(), 0, 'f', 0).arg(at.y(), 0, 'f', 0)
                                  .arg(over->objectName().isEmpty() ? QString::fromLatin1(over->metaObject()->className()) : over->objectName()));
            return;
        }
    }
    const double least = seenWholeItems().value(item->objectName());
    if (std::min(rect.width(), rect.height()) + 0.5 < least * m_units)
        m_problems.append(QStringLiteral("%1 is %2 units, under the %3 a phone reads from arm's length").arg(who)
                              .arg(std::min(rect.width(), rect.height()) / m_units, 0, 'f', 0).arg(least));
}

void ScreenChecks::checkText(const QString &screen, QQuickItem *text, const QImage &picture, const QRectF &window, double scale, const QList<QRectF> &covering)
{
    const QString shown = text->property("text").toString().simplified();
    if (shown.isEmpty() || text->width() <= 0)
        return;
    const QRectF painted = text->inherits("QQuickText") ? paintedRect(text) : text->mapRectToScene(QRectF(0, 0, text->width(), text->height()));
    const QRectF view = viewport(text, window);
    const QRectF seen = painted & view;
    if (seen.isEmpty())
        return; // scrolled out of sight
    ++m_textsChecked;
    const QString who = QStringLiteral("%1: \"%2\"").arg(screen, shown.left(40));

    // Cut off: wider than its box without an ellipsis, or running off the screen (inside a
    // scrolling list, running off the list's edge is only scrolled away).
    if (text->inherits("QQuickText")) {
        const bool elides = text->property("elide").toInt() != 0;
        const bool wraps = text->property("wrapMode").toInt() != 0;
        const double contentWidth = text->property("contentWidth").toDouble();
        const double contentHeight = text->property("contentHeight").toDouble();
        if (!elides && contentWidth > text->width() + 1.5)
            m_problems.append(QStringLiteral("%1 is %2 px wide in a %3 px box%4").arg(who).arg(contentWidth, 0, 'f', 0).arg(text->width(), 0, 'f', 0)
                                  .arg(wraps ? QStringLiteral(" (a word longer than the line)") : QString()));
        if (!elides && text->property("maximumLineCount").toInt() >= 1000000 && contentHeight > text->height() + 2 && text->height() > 0
            && contentHeight - text->height() > 0.25 * text->property("font").value<QFont>().pixelSize())
            m_problems.append(QStringLiteral("%1 is %2 px high in a %3 px box").arg(who).arg(contentHeight, 0, 'f', 0).arg(text->height(), 0, 'f', 0));
        // An ellipsis hides words the resident may need.
        if (text->property("truncated").toBool())
            m_problems.append(QStringLiteral("%1 is cut short with an ellipsis in a %2 px box").arg(who).arg(text->width(), 0, 'f', 0));
    }
    // Nor may it spill out of the box it is written in (a card, a button, a badge).
    for (const QQuickItem *box = text->parentItem(); box; box = box->parentItem()) {
        if (!box->inherits("QQuickRectangle"))
            continue;
        const QObject *border = box->property("border").value<QObject *>();
        const bool drawn = box->property("color").value<QColor>().alpha() > 0 || (border && border->property("width").toDouble() > 0);
        if (!drawn)
            continue;
        const QRectF boxRect = box->mapRectToScene(QRectF(0, 0, box->width(), box->height()));
        if (!boxRect.adjusted(-1, -1, 1, 1).contains(painted & view))
            m_problems.append(QStringLiteral("%1 spills out of its box (%2,%3 %4×%5)").arg(who).arg(boxRect.x(), 0, 'f', 0).arg(boxRect.y(), 0, 'f', 0)
                                  .arg(boxRect.width(), 0, 'f', 0).arg(boxRect.height(), 0, 'f', 0));
        break;
    }
    const QRectF bounds = flickableAncestor(text) ? view : window;
    if (!bounds.adjusted(-1, -1, 1, 1).contains(painted) && !flickableAncestor(text))
        m_problems.append(QStringLiteral("%1 runs off the screen: %2,%3 %4×%5").arg(who).arg(painted.x(), 0, 'f', 0).arg(painted.y(), 0, 'f', 0)
                              .arg(painted.width(), 0, 'f', 0).arg(painted.height(), 0, 'f', 0));

    // Contrast. Disabled controls are exempt (WCAG 1.4.3), as the resident cannot use them.
    if (!text->isEnabled())
        return;
    const QColor colour = text->property("color").value<QColor>();
    const double alpha = colour.alphaF() * effectiveOpacity(text);
    // The pixels whose centres lie in the part seen. Not every pixel it touches: on a
    // fractional scale (768 × 1366 is 0.711 of the canvas) a text scrolled under a list's
    // clipped edge keeps a sliver of a fraction of a pixel, and the pixel row holding that
    // sliver is the bar beyond the edge, never the text's background.
    const QRectF device(seen.topLeft() * scale, seen.size() * scale);
    const QRect area = QRect(QPoint(int(std::ceil(device.left() - 0.5)), int(std::ceil(device.top() - 0.5))),
                             QPoint(int(std::floor(device.right() - 0.5)), int(std::floor(device.bottom() - 0.5))))
                       & picture.rect();
    QHash<QRgb, int> counts;
    int total = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(picture.constScanLine(y));
        for (int x = area.left(); x <= area.right(); ++x) {
            const QPointF at((x + 0.5) / scale, (y + 0.5) / scale);
            if (std::any_of(covering.cbegin(), covering.cend(), [&at](const QRectF &r) { return r.contains(at); }))
                continue;
            const QRgb pixel = line[x] | 0xFF000000;
            // The glyphs themselves and their smoothed edges are not the background.
            if (distance(pixel, colour.rgb()) < 60)
                continue;
            ++counts[pixel];
            ++total;
        }
    }
    if (total == 0)
        return;
    // Every colour covering a fifth of what is behind the text counts; the worst one decides.
    const int most = *std::max_element(counts.cbegin(), counts.cend());
    double worst = 100;
    QColor worstBehind;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() * 5 < total && it.value() != most)
            continue;
        const QColor behind = QColor::fromRgb(it.key());
        const double ratio = contrast(over(colour, alpha, behind), behind);
        if (ratio < worst) {
            worst = ratio;
            worstBehind = behind;
        }
    }
    if (worst < 4.5)
        m_problems.append(QStringLiteral("%1 has contrast %2:1 (%3 on %4)").arg(who).arg(worst, 0, 'f', 2).arg(colour.name(), worstBehind.name()));
}

void ScreenChecks::checkTarget(const QString &screen, QQuickItem *item, const QRectF &window)
{
    QQuickItem *target = nullptr;
    if (item->inherits("QQuickMouseArea") && item->isEnabled())
        target = item;
    const QObjectList children = item->children();
    for (QObject *child : children) {
        if (child->inherits("QQuickTapHandler") && child->property("enabled").toBool())
            target = item;
    }
    if (!target)
        return;
    const QRectF rect = target->mapRectToScene(QRectF(0, 0, target->width(), target->height()));
    // Outside a scrolling page a target must be wholly on the screen: one pushed off its
    // edge (the attract screen's buttons on a landscape panel, once) cannot be reached.
    if (!flickableAncestor(target) && !window.adjusted(-1, -1, 1, 1).contains(rect))
        m_problems.append(QStringLiteral("%1: the target %2 is off the screen at %3,%4 %5×%6").arg(screen, targetLabel(target)).arg(rect.x(), 0, 'f', 0)
                              .arg(rect.y(), 0, 'f', 0).arg(rect.width(), 0, 'f', 0).arg(rect.height(), 0, 'f', 0));
    if ((rect & viewport(target, window)).isEmpty())
        return;
    ++m_targetsChecked;
    const QRectF seen = rect & viewport(target, window);
    if (isReach())
        ++m_targetsInReachChecked;
    if (isReach() && seen.top() < reachLine() - 0.5)
        m_problems.append(QStringLiteral("%1: the target %2 is out of reach at y %3, above the reach line at %4").arg(screen, targetLabel(target))
                              .arg(seen.top(), 0, 'f', 0).arg(reachLine(), 0, 'f', 0));
    checkNotCovered(screen, target, seen);
    const double floor = touchFloor() * m_units;
    if (rect.width() + 0.5 < floor || rect.height() + 0.5 < floor) {
        m_problems.append(QStringLiteral("%1: the target %2 is %3×%4 units, under %5").arg(screen, targetLabel(target)).arg(rect.width() / m_units, 0, 'f', 0)
                              .arg(rect.height() / m_units, 0, 'f', 0).arg(touchFloor()));
    }
}

// 同意并开始 may be tapped only once the whole consent has been in view: while its end is
// below the page's edge the button is disabled; scrolled to the end, it is enabled.
void ScreenChecks::checkConsentIsReadBeforeAgreeing()
{
    QQuickItem *panel = UiProbe::find(m_window, QStringLiteral("consentPanel"));
    QQuickItem *agree = UiProbe::find(m_window, QStringLiteral("agreeButton"));
    QQuickItem *page = UiProbe::find(m_window, QStringLiteral("verifyPage"));
    QVERIFY(panel && agree && page);
    const QRectF view = sceneRect(page);
    if (!view.adjusted(-1, -1, 1, 1).contains(sceneRect(panel))) {
        QVERIFY2(!agree->isEnabled(), "同意并开始 can be tapped while the consent is cut off");
        QVERIFY(UiProbe::find(m_window, QStringLiteral("readToEndHint")));
        page->setProperty("contentY", page->property("contentHeight").toDouble() - page->height());
    }
    QTRY_VERIFY(view.adjusted(-1, -1, 1, 1).contains(sceneRect(panel)) || sceneRect(panel).bottom() <= view.bottom() + 1);
    QTRY_VERIFY(agree->isEnabled());
}

// The keypad opened for a field leaves that field in sight: beside it, or below it.
void ScreenChecks::checkKeypadLeavesField(const QString &field, const QString &keypad)
{
    QQuickItem *f = UiProbe::find(m_window, field);
    QQuickItem *k = UiProbe::find(m_window, keypad);
    QVERIFY(f && k);
    const QRectF fieldRect = sceneRect(f) & viewport(f, QRectF(0, 0, m_window->width(), m_window->height()));
    QVERIFY2(!fieldRect.isEmpty(), qPrintable(field + QStringLiteral(" is out of sight while the keypad is open")));
    QVERIFY2(!fieldRect.intersects(sceneRect(k)), qPrintable(field + QStringLiteral(" is covered by the keypad")));
}

// A control must be seen and hit where it is: at the centre of its visible part the topmost item
// is the control or part of it. A mouse area that fills its parent is the parent's (a button's
// face, the card's texts drawn over the card). The materials screen's 拍照 slid under the footer
// once, in elder and reach mode: drawn over, it could be neither seen nor tapped.
void ScreenChecks::checkNotCovered(const QString &screen, QQuickItem *target, const QRectF &seen)
{
    const QQuickItem *control = target;
    QQuickItem *parent = target->parentItem();
    if (parent && target->inherits("QQuickMouseArea")
        && sceneRect(parent).adjusted(-1, -1, 1, 1).contains(sceneRect(target)) && sceneRect(target).adjusted(-1, -1, 1, 1).contains(sceneRect(parent)))
        control = parent;
    const QQuickItem *hit = topmostAt(m_window->contentItem(), seen.center());
    if (hit == control || (hit && control->isAncestorOf(hit)))
        return;
    // A panel over the whole screen (the search's keyboard, a page shown large, a question) is
    // meant to cover it: the walk checks that panel as a screen of its own.
    for (const QQuickItem *i = hit; i && !i->isAncestorOf(control); i = i->parentItem()) {
        if (sceneRect(i).adjusted(-1, -1, 1, 1).contains(m_rootRect))
            return;
    }
    const QString over = !hit ? QStringLiteral("nothing") : !hit->objectName().isEmpty() ? hit->objectName() : QString::fromLatin1(hit->metaObject()->className());
    const QQuickItem *named = hit;
    while (named && named->objectName().isEmpty())
        named = named->parentItem();
    m_problems.append(QStringLiteral("%1: the target %2 is covered at %3,%4 by %5 (in %6)").arg(screen, targetLabel(target)).arg(seen.center().x(), 0, 'f', 0)
                          .arg(seen.center().y(), 0, 'f', 0).arg(over, named ? named->objectName() : QStringLiteral("the window")));
}
