#include "refplatformprocess.h"
#include "device/deviceregistry.h"
#include "kioskruntime.h"
#include "applicationdesk.h"
#include "halldesk.h"
#include "keypadnavigator.h"
#include "kioskshell.h"
#include "platformheartbeat.h"
#include "printer/sim/printersimulator.h"
#include "runningkiosk.h"
#include "servicedesk.h"
#include "enrolledkiosk.h"
#include "uiprobe.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <cmath>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

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

} // namespace

// Every screen a resident can reach, in Chinese, in English and in elder mode, on the real QML at
// one of the five displays the kiosk is sold with (KIOSK_A11Y_SIZE, 1080x1920 when unset; ctest
// runs each size as a test of its own): each visible text stands out from what is painted behind
// it (4.5:1), each thing a finger can tap is big enough at 1080p-equivalent and on the screen, no
// text is cut off or runs off the screen, the consent is read before it can be agreed to and the
// keypad leaves the field being typed in sight. Pictures of every screen are left under
// <build>/screens for a person to look at (<screen>-<variant>[-<size>].png).
class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;
    QString m_variant;
    QSize m_size;
    // Window pixels per 1080p-equivalent unit (ScreenLayout.scale): floors are in those units.
    double m_units = 1;
    QStringList m_problems;
    QStringList m_screensSeen;
    int m_textsChecked = 0;
    int m_targetsChecked = 0;
    int m_backButtonsChecked = 0;

    bool tapWhenShown(const QString &name, int timeoutMs = 30000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    bool waitFor(const QString &name, int timeoutMs = 30000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!UiProbe::find(m_window, name) && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        return UiProbe::find(m_window, name) != nullptr;
    }

    // The language and elder mode of this pass, set the way the top bar's buttons set them, and
    // reach mode, tapped on at the bottom of the screen as a resident in a wheelchair would.
    void chooseVariant()
    {
        m_shell->setLanguage(m_variant.endsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh"));
        if (isElder() != m_shell->elderMode())
            m_shell->toggleElderMode();
        const bool reachOn = UiProbe::find(m_window, QStringLiteral("reachTop")) != nullptr;
        if (isReach() != reachOn && UiProbe::find(m_window, QStringLiteral("reachButton"))) {
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("reachButton")));
            QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("reachTop")) != nullptr, isReach());
        }
    }

    bool isReach() const { return m_variant == QLatin1String("reach"); }

    // In reach mode everything a resident taps lies below this line (window pixels): the upper
    // 40 % of a 1920 high portrait panel is above a seated resident's forward reach (about 1.2 m
    // from the floor on a counter-height kiosk). The test states the line itself, so a layout
    // that moves its line up fails here.
    double reachLine() const { return 0.4 * m_window->height(); }

    bool isElder() const { return m_variant.startsWith(QLatin1String("elder")); }

    int touchFloor() const
    {
        // 60 px is the floor at 1080p; elder mode enlarges targets by a third (Theme.qml), so its
        // floor is a third higher.
        return isElder() ? 80 : 60;
    }

    static QSize sizeUnderTest()
    {
        const QStringList parts = qEnvironmentVariable("KIOSK_A11Y_SIZE", QStringLiteral("1080x1920")).split(QLatin1Char('x'));
        return parts.size() == 2 ? QSize(parts.at(0).toInt(), parts.at(1).toInt()) : QSize();
    }

    bool isTallPortrait() const { return m_size == QSize(1080, 1920); }

    // Checks everything visible under `root` and saves the picture as <screen>-<variant>.png.
    void inspect(const QString &screen, const QString &rootName)
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
                             + (isTallPortrait() ? QString() : QStringLiteral("-%1x%2").arg(m_size.width()).arg(m_size.height()));
        const QString dir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR", QDir::tempPath());
        QDir().mkpath(dir);
        picture.save(QDir(dir).filePath(name + QStringLiteral(".png")));
        m_screensSeen.append(name);

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
        }
    }

    // A control that says 返回, 关闭 or 取消 is a way back, and the keypad's back key must choose it:
    // the key finds it by its name, so one left unnamed (the form's 返回, once) strands a resident
    // who cannot see the screen on it.
    void checkBackKeyReaches(const QString &screen, QQuickItem *item)
    {
        if (!item->property("keypadTarget").toBool() || !item->isEnabled())
            return;
        static const QStringList wayBack = {QStringLiteral("返回"), QStringLiteral("关闭"), QStringLiteral("取消"),
                                            QStringLiteral("Back"), QStringLiteral("Close"), QStringLiteral("Cancel")};
        const QStringList texts = UiProbe::visibleTexts(item);
        if (texts.size() != 1 || !wayBack.contains(texts.first().trimmed()))
            return;
        ++m_backButtonsChecked;
        if (!KeypadNavigator::backNames().contains(item->objectName()))
            m_problems.append(QStringLiteral("%1: \"%2\" (named \"%3\") is not chosen by the keypad's back key").arg(screen, texts.first(), item->objectName()));
    }

    // What is painted over items[index]: opaque rectangles and images later in paint order (a card
    // gliding over the reader's label, say). The text is not seen there, so its contrast is not
    // measured there either.
    static QList<QRectF> coveringItems(const QList<QQuickItem *> &items, qsizetype index)
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

    void checkText(const QString &screen, QQuickItem *text, const QImage &picture, const QRectF &window, double scale, const QList<QRectF> &covering)
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

    void checkTarget(const QString &screen, QQuickItem *item, const QRectF &window)
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
        if (isReach() && seen.top() < reachLine() - 0.5)
            m_problems.append(QStringLiteral("%1: the target %2 is out of reach at y %3, above the reach line at %4").arg(screen, targetLabel(target))
                                  .arg(seen.top(), 0, 'f', 0).arg(reachLine(), 0, 'f', 0));
        const double floor = touchFloor() * m_units;
        if (rect.width() + 0.5 < floor || rect.height() + 0.5 < floor) {
            m_problems.append(QStringLiteral("%1: the target %2 is %3×%4 units, under %5").arg(screen, targetLabel(target)).arg(rect.width() / m_units, 0, 'f', 0)
                                  .arg(rect.height() / m_units, 0, 'f', 0).arg(touchFloor()));
        }
    }

    static QString targetLabel(const QQuickItem *target)
    {
        QString label = target->parentItem() ? target->parentItem()->objectName() : QString();
        for (QQuickItem *p = target->parentItem(); p && label.isEmpty(); p = p->parentItem()) {
            const QStringList texts = UiProbe::visibleTexts(p);
            if (!texts.isEmpty())
                label = QLatin1Char('"') + texts.first().left(30) + QLatin1Char('"');
        }
        return label;
    }

    static QRectF sceneRect(const QQuickItem *item) { return item->mapRectToScene(QRectF(0, 0, item->width(), item->height())); }

    // 同意并开始 may be tapped only once the whole consent has been in view: while its end is
    // below the page's edge the button is disabled; scrolled to the end, it is enabled.
    void checkConsentIsReadBeforeAgreeing()
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
    void checkKeypadLeavesField(const QString &field, const QString &keypad)
    {
        QQuickItem *f = UiProbe::find(m_window, field);
        QQuickItem *k = UiProbe::find(m_window, keypad);
        QVERIFY(f && k);
        const QRectF fieldRect = sceneRect(f) & viewport(f, QRectF(0, 0, m_window->width(), m_window->height()));
        QVERIFY2(!fieldRect.isEmpty(), qPrintable(field + QStringLiteral(" is out of sight while the keypad is open")));
        QVERIFY2(!fieldRect.intersects(sceneRect(k)), qPrintable(field + QStringLiteral(" is covered by the keypad")));
    }

    QString terminalId() const
    {
        return m_enrolled->platform()->inspect(QStringLiteral("terminals")).value(QLatin1String("terminals")).toArray().first().toObject().value(QLatin1String("terminal_id")).toString();
    }

    void startSession()
    {
        if (UiProbe::find(m_window, QStringLiteral("attractScreen")))
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(waitFor(QStringLiteral("homeScreen")));
        chooseVariant();
    }

    void visitHomeHelpThemeAndGuides()
    {
        chooseVariant();
        inspect(QStringLiteral("attract"), QStringLiteral("attractScreen"));
        startSession();
        inspect(QStringLiteral("home"), QStringLiteral("homeScreen"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("helpButton")));
        QVERIFY(waitFor(QStringLiteral("helpPanel")));
        inspect(QStringLiteral("help"), QStringLiteral("helpPanel"));
        QVERIFY(QMetaObject::invokeMethod(UiProbe::find(m_window, QStringLiteral("helpPanel")), "closed"));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("helpPanel")));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchButton")));
        QVERIFY(waitFor(QStringLiteral("searchPanel")));
        inspect(QStringLiteral("search"), QStringLiteral("searchPanel"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchField")));
        QTest::qWait(300);
        inspect(QStringLiteral("search-keyboard"), QStringLiteral("homeScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchClose")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("searchPanel")));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("audienceBusiness")));
        QTRY_COMPARE(m_shell->items()->property("audience").toString(), QStringLiteral("business"));
        inspect(QStringLiteral("home-business"), QStringLiteral("homeScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("audiencePerson")));

        QVERIFY(m_shell->openTheme(QStringLiteral("birth")));
        QVERIFY(waitFor(QStringLiteral("themeScreen")));
        inspect(QStringLiteral("theme"), QStringLiteral("themeScreen"));
        m_shell->backToHome();
        QVERIFY(waitFor(QStringLiteral("homeScreen")));

        // The platform answers before items that need it are offered.
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        m_shell->backToHome();
        QStringList unavailable;
        for (const char *code : {"340100-000-ZZ-0010-01", "340100-000-ZZ-0002-01", "340100-000-ZZ-0001-01", "340100-000-ZZ-0012-01",
                                 "340100-000-ZZ-0016-01", "340100-000-ZZ-0006-01"}) {
            QVERIFY(m_shell->openItem(QString::fromLatin1(code)));
            QVERIFY(waitFor(QStringLiteral("guideScreen")));
            const QString why = m_shell->selectedItemUnavailable();
            if (!why.isEmpty())
                unavailable.append(why);
            inspect(QStringLiteral("guide-") + QString::fromLatin1(code).mid(14, 4) + (why.isEmpty() ? QString() : QStringLiteral("-unavailable")),
                    QStringLiteral("guideScreen"));
            m_shell->backToHome();
            QVERIFY(waitFor(QStringLiteral("homeScreen")));
        }
        QVERIFY2(!unavailable.isEmpty(), "no guide of an unavailable item was seen");
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QVERIFY(waitFor(QStringLiteral("attractScreen")));
    }

    void applyWithADocumentAndRate()
    {
        startSession();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0002-01")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        inspect(QStringLiteral("identify"), QStringLiteral("identifyScreen"));

        QVERIFY(m_shell->simulate(QStringLiteral("fault read_failure")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(waitFor(QStringLiteral("cardProblem")));
        inspect(QStringLiteral("identify-card-problem"), QStringLiteral("identifyScreen"));
        QVERIFY(m_shell->simulate(QStringLiteral("fault none")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(waitFor(QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        inspect(QStringLiteral("identified"), QStringLiteral("identifyScreen"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QVERIFY(waitFor(QStringLiteral("formScreen")));
        inspect(QStringLiteral("form"), QStringLiteral("formScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
        QVERIFY(waitFor(QStringLiteral("numericKeypad")));
        QTest::qWait(300);
        inspect(QStringLiteral("form-keypad"), QStringLiteral("formScreen"));
        checkKeypadLeavesField(QStringLiteral("field_phone"), QStringLiteral("numericKeypad"));
        for (const QChar digit : QStringLiteral("13955123456"))
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QVERIFY(tapWhenShown(QStringLiteral("option_contribution_level_500")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        // 退出 once the resident has typed something asks first, over the form.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QVERIFY(waitFor(QStringLiteral("keepApplicationButton")));
        inspect(QStringLiteral("exit-question"), QStringLiteral("exitConfirmation"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keepApplicationButton")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("keepApplicationButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QVERIFY(waitFor(QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 60000);
        inspect(QStringLiteral("materials"), QStringLiteral("materialsScreen"));
        QCOMPARE(m_shell->simulate(QStringLiteral("camera stall document_camera")), QStringLiteral("ok"));
        QVERIFY(waitFor(QStringLiteral("cameraStopped"), 60000));
        inspect(QStringLiteral("materials-camera-stopped"), QStringLiteral("materialsScreen"));
        QCOMPARE(m_shell->simulate(QStringLiteral("camera resume document_camera")), QStringLiteral("ok"));
        QVERIFY(waitFor(QStringLiteral("documentPreview"), 60000));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 30000);
        inspect(QStringLiteral("materials-captured"), QStringLiteral("materialsScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));

        QVERIFY(waitFor(QStringLiteral("reviewScreen")));
        inspect(QStringLiteral("review"), QStringLiteral("reviewScreen"));
        // The receipt printer jams on this receipt, so the notice and its reprint button are
        // checked too; the reprint then comes out.
        PrinterSimulator *receiptPrinter = m_runtime->devices()->printerSimulator(QStringLiteral("receipt_printer"));
        QVERIFY(receiptPrinter);
        receiptPrinter->failNextJob();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QVERIFY(waitFor(QStringLiteral("resultScreen"), 60000));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Failed, 90000);
        inspect(QStringLiteral("result-receipt-failed"), QStringLiteral("resultScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reprintButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 90000);
        inspect(QStringLiteral("result"), QStringLiteral("resultScreen"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(waitFor(QStringLiteral("ratingScreen")));
        inspect(QStringLiteral("rating"), QStringLiteral("ratingScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("score_2")));
        QVERIFY(waitFor(QStringLiteral("tag_0")));
        inspect(QStringLiteral("rating-low"), QStringLiteral("ratingScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("skipRating")));
        QVERIFY(waitFor(QStringLiteral("attractScreen")));
    }

    // Identification by an app's code, the face check's consent and camera, and the kiosk's own
    // errands (progress, e-licences) and an item answered at once.
    void codeFaceCheckAndErrands()
    {
        startSession();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0009-01"))); // apply, face required
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/expired-a11y")).startsWith(QLatin1String("ok")));
        QVERIFY(waitFor(QStringLiteral("cardProblem"), 30000));
        inspect(QStringLiteral("identify-code-problem"), QStringLiteral("identifyScreen"));
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        QVERIFY(waitFor(QStringLiteral("identifiedCard")));
        inspect(QStringLiteral("identified-by-code"), QStringLiteral("identifyScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QVERIFY(waitFor(QStringLiteral("consentPanel")));
        inspect(QStringLiteral("verify-consent"), QStringLiteral("verifyScreen"));
        checkConsentIsReadBeforeAgreeing();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("declineButton")));
        QVERIFY(waitFor(QStringLiteral("alternatives")));
        inspect(QStringLiteral("verify-declined"), QStringLiteral("verifyScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("verifyPreview"))
                                     && UiProbe::find(m_window, QStringLiteral("verifyPreview"))->property("live").toBool(), 60000);
        inspect(QStringLiteral("verify-face"), QStringLiteral("verifyScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));

        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        inspect(QStringLiteral("identify-progress"), QStringLiteral("identifyScreen"));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        (void)m_shell->simulate(QStringLiteral("card remove"));
        QTest::qWait(1500);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
        QVERIFY(waitFor(QStringLiteral("progressScreen"), 30000));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->findChild<ServiceDesk *>()->recordsState(), ServiceDesk::RecordsState::Ready, 30000);
        QTest::qWait(500);
        inspect(QStringLiteral("progress"), QStringLiteral("progressScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));

        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(1500);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
        // A card alone does not open the licences: the resident agrees to a face check first.
        QVERIFY(waitFor(QStringLiteral("consentPanel"), 30000));
        checkConsentIsReadBeforeAgreeing();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QVERIFY(waitFor(QStringLiteral("licencesScreen"), 60000));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->findChild<ServiceDesk *>()->recordsState(), ServiceDesk::RecordsState::Ready, 30000);
        QTest::qWait(500);
        inspect(QStringLiteral("licences"), QStringLiteral("licencesScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));

        startSession();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0019-01"))); // query, answered at once, no face
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(1500);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
        QVERIFY(waitFor(QStringLiteral("deliveryScreen"), 30000));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->findChild<ServiceDesk *>()->deliveryStage() == DocumentDelivery::Stage::Done
                                     || m_shell->findChild<ServiceDesk *>()->deliveryStage() == DocumentDelivery::Stage::Failed, 60000);
        QTest::qWait(500);
        inspect(QStringLiteral("delivery"), QStringLiteral("deliveryScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));
    }

    // 取号 and 预约签到: the counter groups (and the elder's priority question), the ticket, the
    // ways to check in and the resident's appointments.
    void hallServices()
    {
        HallDesk *hall = m_shell->findChild<HallDesk *>();
        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
        inspect(QStringLiteral("tickets"), QStringLiteral("ticketsScreen"));
        QVERIFY(tapWhenShown(QStringLiteral("takeTicket_social")));
        if (isElder()) {
            QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("priorityQuestion")));
            // The question over the dimmed list: the list behind is not meant to be read now.
            inspect(QStringLiteral("tickets-priority"), QStringLiteral("priorityQuestionPanel"));
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("priorityNoButton")));
        }
        QVERIFY(waitFor(QStringLiteral("ticketScreen")));
        QTRY_COMPARE_WITH_TIMEOUT(hall->printState(), HallDesk::PrintState::Printed, 60000);
        inspect(QStringLiteral("ticket"), QStringLiteral("ticketScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));

        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("appointmentsErrand")));
        QVERIFY(waitFor(QStringLiteral("appointmentsScreen")));
        inspect(QStringLiteral("appointments"), QStringLiteral("appointmentsScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("appointmentByCardButton")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        (void)m_shell->simulate(QStringLiteral("card remove"));
        QTest::qWait(1500);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
        QVERIFY(waitFor(QStringLiteral("appointmentsScreen"), 30000));
        QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
        inspect(QStringLiteral("appointments-list"), QStringLiteral("appointmentsScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));

        // 办不成事 / 投诉建议: the categories, the text and the phone.
        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("complaintErrand")));
        QVERIFY(waitFor(QStringLiteral("complaintScreen")));
        inspect(QStringLiteral("complaint"), QStringLiteral("complaintScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));
    }

    // 免费邮寄: the choice step, the address filled from the card, and the list of districts.
    void postalDelivery()
    {
        startSession();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0007-01")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        (void)m_shell->simulate(QStringLiteral("card remove"));
        QTest::qWait(1500); // the reader's polling sees the field empty before the card comes back
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
        QVERIFY(waitFor(QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QVERIFY(tapWhenShown(QStringLiteral("reviewButton")));
        QVERIFY(waitFor(QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 60000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 60000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QVERIFY(waitFor(QStringLiteral("postChoiceScreen")));
        inspect(QStringLiteral("post-choice"), QStringLiteral("postChoiceScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postChoice_post")));
        QVERIFY(waitFor(QStringLiteral("postAddressScreen")));
        inspect(QStringLiteral("post-address"), QStringLiteral("postAddressScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postField_district")));
        QVERIFY(waitFor(QStringLiteral("postPicker")));
        inspect(QStringLiteral("post-address-picker"), QStringLiteral("postAddressScreen"));
        m_shell->endSession();
        QVERIFY(waitFor(QStringLiteral("attractScreen")));
    }

    void countdownAndOutOfService()
    {
        startSession();
        m_runtime->session()->showCountdownNow();
        QVERIFY(waitFor(QStringLiteral("idleCountdown")));
        inspect(QStringLiteral("countdown"), QStringLiteral("idleCountdown"));
        m_runtime->session()->touch();
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("idleCountdown")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QVERIFY(waitFor(QStringLiteral("attractScreen")));

        const QString terminal = terminalId();
        QVERIFY(!terminal.isEmpty());
        // A beat in flight swallows beatNow(), so the command may come with the next periodic beat:
        // the test sets that period rather than wait for the contract's 60 s.
        m_runtime->heartbeat()->setInterval(std::chrono::milliseconds(250));
        QVERIFY(m_enrolled->platform()->post(QStringLiteral("commands"), {{QStringLiteral("name"), QStringLiteral("lock")}, {QStringLiteral("terminal_id"), terminal}})
                    .contains(QLatin1String("id")));
        m_runtime->heartbeat()->beatNow();
        QVERIFY(waitFor(QStringLiteral("outOfServiceScreen")));
        chooseVariant();
        inspect(QStringLiteral("out-of-service"), QStringLiteral("outOfServiceScreen"));
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("a11y-1"), {},
                                   {{QStringLiteral("kiosk/voice"), QStringLiteral("false")},
                                    // Nothing listens on port 9: print items are shown unavailable, with the reason.
                                    {QStringLiteral("devices/document_printer"), QStringLiteral("ipp://127.0.0.1:9/ipp/print")}}),
                 qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        m_size = sizeUnderTest();
        QVERIFY2(m_size.isValid(), "KIOSK_A11Y_SIZE is not WIDTHxHEIGHT");
        m_window->resize(m_size);
        QTRY_COMPARE(m_window->size(), m_size);
        QQuickItem *stage = UiProbe::find(m_window, QStringLiteral("stage"));
        QVERIFY(stage);
        // The short side is 1080 units on every display (ScreenLayout).
        const double units = std::min(m_size.width(), m_size.height()) / 1080.0;
        QTRY_VERIFY(std::abs(stage->scale() - units) < 1e-6);
        m_units = stage->scale();
        m_problems.clear();
        m_screensSeen.clear();
        m_textsChecked = 0;
        m_targetsChecked = 0;
        m_backButtonsChecked = 0;
    }

    void cleanup()
    {
        // A walk stopped by a failed step still shows what it had found by then.
        if (QTest::currentTestFailed()) {
            for (const QString &problem : std::as_const(m_problems))
                qWarning().noquote() << "accessibility (before the failed step):" << problem;
        }
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    // Between the five displays (a 4:3 panel, a 3:2 one, a portrait one narrower than 9:16): the
    // screens a resident sees first and fills in (home, a guide, the form with its keypad), in
    // Chinese and in English with elder mode (the longest words at the largest type), are checked
    // as the walk checks them. ctest runs this slot as a test of its own (test_accessibility_between).
    void aDisplayBetweenTheFiveCutsNothing_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("variant");
        for (const QSize size : {QSize(1600, 1200), QSize(900, 1600), QSize(1024, 768)}) {
            const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
            QTest::newRow(qPrintable(name + QStringLiteral(" zh"))) << size << QStringLiteral("zh");
            QTest::newRow(qPrintable(name + QStringLiteral(" elder-en"))) << size << QStringLiteral("elder-en");
        }
    }

    void aDisplayBetweenTheFiveCutsNothing()
    {
        QFETCH(QSize, size);
        QFETCH(QString, variant);
        m_variant = variant;
        m_size = size;
        m_window->resize(m_size);
        QTRY_COMPARE(m_window->size(), m_size);
        QQuickItem *stage = UiProbe::find(m_window, QStringLiteral("stage"));
        const double units = std::min(m_size.width(), m_size.height()) / 1080.0;
        QTRY_VERIFY(std::abs(stage->scale() - units) < 1e-6);
        m_units = stage->scale();

        startSession();
        inspect(QStringLiteral("home"), QStringLiteral("homeScreen"));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0002-01")));
        QVERIFY(waitFor(QStringLiteral("guideScreen")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        inspect(QStringLiteral("guide-0002"), QStringLiteral("guideScreen"));
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QVERIFY(waitFor(QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
        QVERIFY(waitFor(QStringLiteral("formScreen"), 30000));
        inspect(QStringLiteral("form"), QStringLiteral("formScreen"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
        QVERIFY(waitFor(QStringLiteral("numericKeypad")));
        QTest::qWait(300);
        inspect(QStringLiteral("form-keypad"), QStringLiteral("formScreen"));
        checkKeypadLeavesField(QStringLiteral("field_phone"), QStringLiteral("numericKeypad"));
        QVERIFY(m_textsChecked > 40);
        QVERIFY(m_targetsChecked > 20);
        for (const QString &problem : std::as_const(m_problems))
            qWarning().noquote() << "accessibility:" << problem;
        QVERIFY2(m_problems.isEmpty(), qPrintable(QStringLiteral("\n") + m_problems.join(QLatin1Char('\n'))));
    }

    void everyScreenIsReadableAndBigEnoughForAFinger_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("zh") << QStringLiteral("zh");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("elder") << QStringLiteral("elder");
        // Elder mode's larger type meets English's longer words: a foreign permanent resident
        // reading English may want it too. Checked on the tall kiosk and the narrowest landscape
        // canvas (5:4), where long words have least room; the other sizes keep the run short.
        if (sizeUnderTest() == QSize(1080, 1920) || sizeUnderTest() == QSize(1280, 1024))
            QTest::newRow("elder-en") << QStringLiteral("elder-en");
        // Reach mode (低位模式) on the tall kiosk, the one display with a part out of reach.
        if (sizeUnderTest() == QSize(1080, 1920))
            QTest::newRow("reach") << QStringLiteral("reach");
    }

    void everyScreenIsReadableAndBigEnoughForAFinger()
    {
        QFETCH(QString, variant);
        m_variant = variant;
        visitHomeHelpThemeAndGuides();
        if (QTest::currentTestFailed())
            return;
        applyWithADocumentAndRate();
        if (QTest::currentTestFailed())
            return;
        codeFaceCheckAndErrands();
        if (QTest::currentTestFailed())
            return;
        hallServices();
        if (QTest::currentTestFailed())
            return;
        postalDelivery();
        if (QTest::currentTestFailed())
            return;
        countdownAndOutOfService();
        if (QTest::currentTestFailed())
            return;
        qInfo("%s: %lld screens, %d texts, %d touch targets, %d ways back checked", qPrintable(variant), qlonglong(m_screensSeen.size()),
              m_textsChecked, m_targetsChecked, m_backButtonsChecked);
        QVERIFY(m_textsChecked > 100);
        QVERIFY(m_targetsChecked > 50);
        // The guide, identify, form, materials, verify, theme and tickets screens each have one.
        QVERIFY2(m_backButtonsChecked >= 7, qPrintable(QString::number(m_backButtonsChecked)));
        // QtTest cuts a long failure message short: each problem is also a line of its own.
        for (const QString &problem : std::as_const(m_problems))
            qWarning().noquote() << "accessibility:" << problem;
        QVERIFY2(m_problems.isEmpty(), qPrintable(QStringLiteral("\n") + m_problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
