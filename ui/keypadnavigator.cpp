#include "keypadnavigator.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QPointingDevice>
#include <QQuickItem>
#include <QQuickWindow>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The controls that take the back key, topmost first: each screen's way back, a panel's close or
// cancel, the exit question's "keep going", the payment's 取消缴费 (which cancels it at the
// platform and says so), leaving the video help queue. One of them at most is reachable at a time.
const QStringList kBackNames = {
    QStringLiteral("helpClose"),        QStringLiteral("videoHelpClose"),        QStringLiteral("videoHelpDecline"),
    QStringLiteral("keepApplicationButton"), QStringLiteral("kbd_cancel"),       QStringLiteral("keypadCancel"),
    QStringLiteral("closePageButton"),  QStringLiteral("personCancel"),          QStringLiteral("searchClose"),
    QStringLiteral("priorityNoButton"), QStringLiteral("backButton"),            QStringLiteral("pinCancel"),
    QStringLiteral("postChoiceBack"),   QStringLiteral("postAddressBack"),       QStringLiteral("cancelPaymentButton"),
    QStringLiteral("videoHelpLeaveQueue"),
};
const QStringList kHelpNames = {QStringLiteral("helpButton")};

} // namespace

QStringList KeypadNavigator::backNames()
{
    return kBackNames;
}

namespace {

bool declares(const QQuickItem *item, const char *property)
{
    return item->property(property).toBool();
}

bool isFlickable(const QQuickItem *item)
{
    return item->inherits("QQuickFlickable");
}

// What of `item` shows in the window: its rectangle cut by every ancestor that clips it, and by
// every list or page that scrolls it, which will bring it into view when it gets the focus.
QRectF visibleRect(const QQuickItem *item)
{
    QRectF rect = item->mapRectToScene(item->boundingRect());
    for (const QQuickItem *a = item->parentItem(); a; a = a->parentItem()) {
        if (a->clip() || isFlickable(a))
            rect &= a->mapRectToScene(a->boundingRect());
    }
    if (const QQuickWindow *window = item->window())
        rect &= QRectF(QPointF(0, 0), QSizeF(window->size()));
    return rect;
}

bool isAncestorOf(const QQuickItem *ancestor, const QQuickItem *item)
{
    for (const QQuickItem *i = item; i; i = i->parentItem()) {
        if (i == ancestor)
            return true;
    }
    return false;
}

// The item a tap at `scenePos` reaches: the topmost visible, enabled item under it that takes the
// mouse, children above their parent and later siblings (or higher z) above earlier ones.
QQuickItem *itemTappedAt(QQuickItem *item, const QPointF &scenePos)
{
    if (!item->isVisible() || !item->isEnabled() || item->opacity() <= 0)
        return nullptr;
    const QPointF local = item->mapFromScene(scenePos);
    if (item->clip() && !item->contains(local))
        return nullptr;
    QList<QQuickItem *> children = item->childItems();
    std::stable_sort(children.begin(), children.end(), [](const QQuickItem *a, const QQuickItem *b) { return a->z() < b->z(); });
    for (auto it = children.crbegin(); it != children.crend(); ++it) {
        if (QQuickItem *hit = itemTappedAt(*it, scenePos))
            return hit;
    }
    if ((item->acceptedMouseButtons() & Qt::LeftButton) && item->contains(local))
        return item;
    return nullptr;
}

void collect(QQuickItem *item, QList<QQuickItem *> *out)
{
    if (!item->isVisible() || !item->isEnabled() || item->opacity() <= 0 || declares(item, "keypadIgnored"))
        return;
    if (declares(item, "keypadTarget") && item->width() > 0 && item->height() > 0)
        out->append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collect(child, out);
}

// Reading order: rows from the top, and left to right within a row.
bool readsBefore(const QQuickItem *a, const QQuickItem *b)
{
    const QRectF ra = a->mapRectToScene(a->boundingRect());
    const QRectF rb = b->mapRectToScene(b->boundingRect());
    const bool sameRow = ra.center().y() > rb.top() && ra.center().y() < rb.bottom() && rb.center().y() > ra.top()
                         && rb.center().y() < ra.bottom();
    if (!sameRow)
        return ra.center().y() < rb.center().y();
    return ra.left() < rb.left();
}

// How far `to` is from `from` when moving in `action`'s direction, or infinity when it does not
// lie that way. The gap along the way counts once and the offset across it twice, so the focus
// goes to the control straight ahead before one that is nearer but to the side.
double distance(const QRectF &from, const QRectF &to, KeypadNavigator::Action action)
{
    constexpr double none = std::numeric_limits<double>::infinity();
    double along = 0;
    double across = 0;
    double centreOffset = 0;
    switch (action) {
    case KeypadNavigator::Action::Down:
        if (to.top() < from.center().y() || to.center().y() <= from.center().y() + 1)
            return none;
        along = std::max(0.0, to.top() - from.bottom());
        across = std::max({0.0, to.left() - from.right(), from.left() - to.right()});
        centreOffset = std::abs(to.center().x() - from.center().x());
        break;
    case KeypadNavigator::Action::Up:
        if (to.bottom() > from.center().y() || to.center().y() >= from.center().y() - 1)
            return none;
        along = std::max(0.0, from.top() - to.bottom());
        across = std::max({0.0, to.left() - from.right(), from.left() - to.right()});
        centreOffset = std::abs(to.center().x() - from.center().x());
        break;
    case KeypadNavigator::Action::Right:
        if (to.left() < from.center().x() || to.center().x() <= from.center().x() + 1)
            return none;
        along = std::max(0.0, to.left() - from.right());
        across = std::max({0.0, to.top() - from.bottom(), from.top() - to.bottom()});
        centreOffset = std::abs(to.center().y() - from.center().y());
        break;
    case KeypadNavigator::Action::Left:
        if (to.right() > from.center().x() || to.center().x() >= from.center().x() - 1)
            return none;
        along = std::max(0.0, from.left() - to.right());
        across = std::max({0.0, to.top() - from.bottom(), from.top() - to.bottom()});
        centreOffset = std::abs(to.center().y() - from.center().y());
        break;
    default:
        return none;
    }
    return along + 2 * across + 0.1 * centreOffset;
}

} // namespace

KeypadNavigator::KeypadNavigator(QObject *parent)
    : QObject(parent)
{
    m_hold.setSingleShot(true);
    m_hold.setInterval(HoldMs);
    connect(&m_hold, &QTimer::timeout, this, [this] {
        m_holdFired = true;
        emit readingToggleRequested();
    });
    // The focused control can move (a list scrolls, a panel opens) or go (the screen changes)
    // without a key being pressed; the ring follows a few times a second.
    m_follow.setInterval(150);
    connect(&m_follow, &QTimer::timeout, this, &KeypadNavigator::refresh);
}

KeypadNavigator::~KeypadNavigator()
{
    if (m_window)
        m_window->removeEventFilter(this);
}

void KeypadNavigator::setRoot(QQuickItem *root)
{
    if (root == m_root)
        return;
    if (m_root)
        m_root->disconnect(this);
    m_root = root;
    if (m_root)
        connect(m_root, &QQuickItem::windowChanged, this, &KeypadNavigator::attachToWindow);
    attachToWindow();
    emit rootChanged();
}

void KeypadNavigator::attachToWindow()
{
    QQuickWindow *window = m_root ? m_root->window() : nullptr;
    if (window == m_window)
        return;
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window) {
        m_window->installEventFilter(this);
        m_follow.start();
    } else {
        m_follow.stop();
    }
}

KeypadNavigator::Action KeypadNavigator::actionForKey(int key)
{
    switch (key) {
    case Qt::Key_Up:
    case Qt::Key_8:
        return Action::Up;
    case Qt::Key_Down:
    case Qt::Key_2:
        return Action::Down;
    case Qt::Key_Left:
    case Qt::Key_4:
        return Action::Left;
    case Qt::Key_Right:
    case Qt::Key_6:
        return Action::Right;
    case Qt::Key_Tab:
        return Action::Next;
    case Qt::Key_Backtab:
        return Action::Previous;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Select:
    case Qt::Key_5:
    case Qt::Key_Clear: // a numeric pad's 5 with NumLock off
        return Action::Choose;
    case Qt::Key_Backspace:
    case Qt::Key_Escape:
    case Qt::Key_Minus:
    case Qt::Key_Back:
        return Action::Back;
    case Qt::Key_Asterisk:
    case Qt::Key_Plus:
    case Qt::Key_F1:
    case Qt::Key_Help:
        return Action::Help;
    case Qt::Key_0:
    case Qt::Key_Insert: // a numeric pad's 0 with NumLock off
        return Action::ReadScreen;
    default:
        return Action::None;
    }
}

bool KeypadNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    // A text field that has the keyboard's focus (the technician's setup) takes its keys itself.
    if (const QQuickItem *focused = m_window->activeFocusItem();
        focused && (focused->inherits("QQuickTextInput") || focused->inherits("QQuickTextEdit")))
        return false;
    if (!m_root || !m_root->isVisible())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    return event->type() == QEvent::KeyPress ? onKeyPress(key) : onKeyRelease(key);
}

bool KeypadNavigator::onKeyPress(QKeyEvent *event)
{
    const Action action = actionForKey(event->key());
    if (action == Action::None)
        return false;
    m_inUse = true;
    if (action == Action::Choose) {
        // Chosen on release: held down instead, the key switches reading mode.
        if (!event->isAutoRepeat()) {
            m_heldKey = event->key();
            m_holdFired = false;
            m_hold.start();
        }
        return true;
    }
    perform(action);
    return true;
}

bool KeypadNavigator::onKeyRelease(QKeyEvent *event)
{
    const Action action = actionForKey(event->key());
    if (action == Action::None)
        return false;
    if (action == Action::Choose && !event->isAutoRepeat() && event->key() == m_heldKey) {
        m_heldKey = 0;
        m_hold.stop();
        if (!m_holdFired)
            perform(Action::Choose);
    }
    return true;
}

QList<QQuickItem *> KeypadNavigator::controls() const
{
    QList<QQuickItem *> found;
    if (!m_root)
        return found;
    collect(m_root, &found);
    found.removeIf([this](QQuickItem *item) { return !isReachable(item); });
    std::stable_sort(found.begin(), found.end(), readsBefore);
    return found;
}

bool KeypadNavigator::isReachable(QQuickItem *item) const
{
    if (!item || !m_window || !item->isVisible() || !item->isEnabled() || !isAncestorOf(m_root, item))
        return false;
    QQuickItem *target = item;
    QRectF shown = visibleRect(item);
    if (shown.isEmpty()) {
        // Scrolled out of its list: reachable when the list itself is.
        target = nullptr;
        for (QQuickItem *a = item->parentItem(); a && !target; a = a->parentItem()) {
            if (isFlickable(a))
                target = a;
        }
        if (!target)
            return false;
        shown = visibleRect(target);
        if (shown.isEmpty())
            return false;
    }
    const QQuickItem *hit = itemTappedAt(m_window->contentItem(), shown.center());
    return hit && isAncestorOf(target, hit);
}

QQuickItem *KeypadNavigator::firstControl(const QList<QQuickItem *> &controls) const
{
    // The screen's own first control before the bar across the top, which every screen repeats.
    for (QQuickItem *item : controls) {
        bool inChrome = false;
        for (const QQuickItem *a = item; a && !inChrome; a = a->parentItem())
            inChrome = declares(a, "keypadChrome");
        if (!inChrome)
            return item;
    }
    return controls.isEmpty() ? nullptr : controls.constFirst();
}

QQuickItem *KeypadNavigator::controlNamed(const QList<QQuickItem *> &controls, const QStringList &names) const
{
    for (const QString &name : names) {
        for (QQuickItem *item : controls) {
            if (item->objectName() == name)
                return item;
        }
    }
    return nullptr;
}

bool KeypadNavigator::perform(Action action)
{
    if (action == Action::ReadScreen) {
        emit readScreenRequested();
        return true;
    }
    const QList<QQuickItem *> found = controls();
    if (action == Action::Back || action == Action::Help) {
        QQuickItem *target = controlNamed(found, action == Action::Back ? kBackNames : kHelpNames);
        if (!target) {
            emit nothingToDo(action);
            return false;
        }
        setFocus(target);
        tap(target);
        return true;
    }
    if (found.isEmpty())
        return false;
    if (!m_focus || !found.contains(m_focus.data())) {
        setFocus(firstControl(found));
        return true;
    }
    if (action == Action::Choose) {
        tap(m_focus);
        return true;
    }
    if (action == Action::Next || action == Action::Previous) {
        const qsizetype at = found.indexOf(m_focus.data());
        const qsizetype step = action == Action::Next ? 1 : found.size() - 1;
        setFocus(found.at((at + step) % found.size()));
        return true;
    }
    const QRectF from = m_focus->mapRectToScene(m_focus->boundingRect());
    QQuickItem *best = nullptr;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (QQuickItem *item : found) {
        if (item == m_focus)
            continue;
        const double d = distance(from, item->mapRectToScene(item->boundingRect()), action);
        if (d < bestDistance) {
            bestDistance = d;
            best = item;
        }
    }
    if (!best)
        return false;
    setFocus(best);
    return true;
}

void KeypadNavigator::reset()
{
    m_inUse = false;
    m_heldKey = 0;
    m_hold.stop();
    setFocus(nullptr);
}

void KeypadNavigator::setFocus(QQuickItem *item)
{
    if (item)
        bringIntoView(item);
    if (item != m_focus) {
        m_focus = item;
        emit focusItemChanged();
    }
    const QRectF rect = m_focus ? visibleRect(m_focus) : QRectF();
    if (rect != m_focusRect) {
        m_focusRect = rect;
        emit focusRectChanged();
    }
}

void KeypadNavigator::refresh()
{
    if (m_focus && isReachable(m_focus)) {
        setFocus(m_focus);
        return;
    }
    if (!m_focus && !m_inUse)
        return;
    // The focused control went with its screen or under a panel: the keypad's user carries on
    // from the first control of what is shown now.
    const QList<QQuickItem *> found = m_inUse ? controls() : QList<QQuickItem *>();
    setFocus(found.isEmpty() ? nullptr : firstControl(found));
}

void KeypadNavigator::bringIntoView(QQuickItem *item)
{
    constexpr qreal margin = 24;
    for (QQuickItem *a = item->parentItem(); a; a = a->parentItem()) {
        if (!isFlickable(a))
            continue;
        const QRectF r = item->mapRectToItem(a, item->boundingRect());
        const auto scroll = [&](const char *position, const char *origin, const char *extent, qreal start, qreal end,
                                qreal size) {
            qreal delta = 0;
            if (end - start + 2 * margin > size || start < margin)
                delta = start - margin;
            else if (end > size - margin)
                delta = end - (size - margin);
            if (delta == 0)
                return;
            const qreal lowest = a->property(origin).toReal();
            const qreal highest = lowest + std::max<qreal>(0, a->property(extent).toReal() - size);
            a->setProperty(position, std::clamp(a->property(position).toReal() + delta, lowest, highest));
        };
        scroll("contentY", "originY", "contentHeight", r.top(), r.bottom(), a->height());
        scroll("contentX", "originX", "contentWidth", r.left(), r.right(), a->width());
    }
}

void KeypadNavigator::tap(QQuickItem *item)
{
    if (!item || !m_window)
        return;
    bringIntoView(item);
    const QRectF shown = visibleRect(item);
    if (shown.isEmpty())
        return;
    // A tap where a finger would land, so the control does exactly what it does when touched.
    const QPointF at = shown.center();
    const QPointF global = m_window->mapToGlobal(at);
    const QPointingDevice *mouse = QPointingDevice::primaryPointingDevice();
    QMouseEvent press(QEvent::MouseButtonPress, at, at, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier, mouse);
    QGuiApplication::sendEvent(m_window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, at, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier, mouse);
    QGuiApplication::sendEvent(m_window, &release);
}
