#pragma once

#include <QImage>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

class QQuickItem;
class QQuickWindow;

// What the accessibility walk checks on each screen it visits, on the real QML: each visible text
// stands out from what is painted behind it (4.5:1) and is not cut off or run off the screen, each
// thing a finger can tap is big enough at 1080p-equivalent, on the screen, not covered by another
// item and (in reach mode) within a seated resident's reach, and each way back answers the
// keypad's back key, and what a resident must see whole to use (the payment code a phone scans,
// a ticket's number) is wholly on the screen, not scrolled, cut or covered. Problems are collected rather than failed at once, so one run lists them all;
// a picture of every screen checked is left under $KIOSK_SCREENSHOT_DIR for a person to look at.
class ScreenChecks
{
public:
    // `variant` is zh, en, elder, elder-en or reach; `units` is the window pixels per
    // 1080p-equivalent unit (ScreenLayout.scale), the unit the floors are stated in.
    ScreenChecks(QQuickWindow *window, const QString &variant, double units);

    [[nodiscard]] const QString &variant() const { return m_variant; }
    [[nodiscard]] bool isElder() const { return m_variant.startsWith(QLatin1String("elder")); }
    [[nodiscard]] bool isReach() const { return m_variant == QLatin1String("reach"); }
    [[nodiscard]] bool isEnglish() const { return m_variant.endsWith(QLatin1String("en")); }

    // Checks everything visible under the item named `rootName` and saves the picture as
    // <screen>-<variant>[-<size>].png (the size left out on the tall 1080 x 1920 kiosk).
    void inspect(const QString &screen, const QString &rootName);
    // 同意并开始 may be tapped only once the whole consent has been in view. Fails the running test.
    void checkConsentIsReadBeforeAgreeing();
    // The keypad opened for a field leaves that field in sight. Fails the running test.
    void checkKeypadLeavesField(const QString &field, const QString &keypad);

    // In reach mode everything a resident taps lies below this line (window pixels).
    [[nodiscard]] double reachLine() const;

    [[nodiscard]] const QStringList &problems() const { return m_problems; }
    [[nodiscard]] const QStringList &screensSeen() const { return m_screensSeen; }
    [[nodiscard]] int textsChecked() const { return m_textsChecked; }
    [[nodiscard]] int targetsChecked() const { return m_targetsChecked; }
    [[nodiscard]] int backButtonsChecked() const { return m_backButtonsChecked; }
    [[nodiscard]] int targetsInReachChecked() const { return m_targetsInReachChecked; }
    [[nodiscard]] int wholeItemsChecked() const { return m_wholeItemsChecked; }
    // Each problem as a warning line of its own: QtTest cuts a long failure message short.
    void warnProblems(const char *prefix) const;

private:
    [[nodiscard]] int touchFloor() const;
    void checkText(const QString &screen, QQuickItem *text, const QImage &picture, const QRectF &window, double scale, const QList<QRectF> &covering);
    void checkTarget(const QString &screen, QQuickItem *item, const QRectF &window);
    void checkNotCovered(const QString &screen, QQuickItem *target, const QRectF &seen);
    void checkBackKeyReaches(const QString &screen, QQuickItem *item);
    void checkSeenWhole(const QString &screen, QQuickItem *item, const QRectF &window);

    QQuickWindow *m_window;
    QString m_variant;
    double m_units;
    // The screen being checked, in scene coordinates.
    QRectF m_rootRect;
    QStringList m_problems;
    QStringList m_screensSeen;
    int m_textsChecked = 0;
    int m_targetsChecked = 0;
    int m_backButtonsChecked = 0;
    int m_targetsInReachChecked = 0;
    int m_wholeItemsChecked = 0;
};
