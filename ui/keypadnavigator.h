#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QRectF>
#include <QTimer>

class QKeyEvent;
class QQuickItem;
class QQuickWindow;

// Lets a resident who cannot use the touch screen work every screen with a physical keypad (the
// tactile keypads of kiosks and USB numeric pads send ordinary key codes): arrows or 8/2/4/6 move
// the focus to the nearest control in that direction, Enter or 5 chooses it (a tap at its centre,
// as a finger would), Backspace, Escape or '-' goes back, '*', '+' or F1 asks for help, and
// holding Enter or 5 for two seconds switches reading mode, and 0 reads the whole screen out. The controls are the items under
// `root` that declare `keypadTarget: true` (KioskButton, ItemCard, keyboard keys, …) and that a
// tap at their centre would reach, so a panel over a screen takes the keys for itself.
class KeypadNavigator : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickItem *root READ root WRITE setRoot NOTIFY rootChanged)
    Q_PROPERTY(QQuickItem *focusItem READ focusItem NOTIFY focusItemChanged)
    // Where the focus ring goes, in the window's coordinates; empty while no control has the focus.
    Q_PROPERTY(QRectF focusRect READ focusRect NOTIFY focusRectChanged)

public:
    enum class Action { None, Up, Down, Left, Right, Next, Previous, Choose, Back, Help, ReadScreen };
    Q_ENUM(Action)

    explicit KeypadNavigator(QObject *parent = nullptr);
    ~KeypadNavigator() override;

    [[nodiscard]] QQuickItem *root() const { return m_root; }
    void setRoot(QQuickItem *root);
    [[nodiscard]] QQuickItem *focusItem() const { return m_focus; }
    [[nodiscard]] QRectF focusRect() const { return m_focusRect; }

    // What a key does here, or None for a key the keypad leaves alone.
    [[nodiscard]] static Action actionForKey(int key);
    // The object names of the controls the back key chooses, topmost first: every screen's or
    // panel's way back is named one of these (the accessibility walk checks each one it sees).
    [[nodiscard]] static QStringList backNames();
    // Every control the keypad can reach now, in reading order (rows top to bottom).
    [[nodiscard]] QList<QQuickItem *> controls() const;
    // Moves the focus as the key for `action` would; false when nothing could take it.
    Q_INVOKABLE bool perform(KeypadNavigator::Action action);
    // Forgets that the keypad was used: the next resident starts with no focus ring.
    Q_INVOKABLE void reset();
    // How long Enter or 5 is held to switch reading mode.
    static constexpr int HoldMs = 2000;

signals:
    void rootChanged();
    void focusItemChanged();
    void focusRectChanged();
    // Enter or 5 was held down: reading mode is to be switched on or off.
    void readingToggleRequested();
    // 0 was pressed: everything the screen shows is to be read out.
    void readScreenRequested();
    // The back or help key found no control for it on this screen.
    void nothingToDo(KeypadNavigator::Action action);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void attachToWindow();
    bool onKeyPress(QKeyEvent *event);
    bool onKeyRelease(QKeyEvent *event);
    void setFocus(QQuickItem *item);
    void refresh();
    bool isReachable(QQuickItem *item) const;
    [[nodiscard]] QQuickItem *firstControl(const QList<QQuickItem *> &controls) const;
    [[nodiscard]] QQuickItem *controlNamed(const QList<QQuickItem *> &controls, const QStringList &names) const;
    void bringIntoView(QQuickItem *item);
    void tap(QQuickItem *item);

    QPointer<QQuickItem> m_root;
    QPointer<QQuickWindow> m_window;
    QPointer<QQuickItem> m_focus;
    QRectF m_focusRect;
    // The keypad has been used since the last screen change: a screen that replaces the focused
    // control gives its first control the focus, so Enter always has something to choose.
    bool m_inUse = false;
    QTimer m_hold;
    int m_heldKey = 0;
    bool m_holdFired = false;
    QTimer m_follow;
};
