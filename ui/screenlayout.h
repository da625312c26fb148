#pragma once

#include <QObject>
#include <QQmlEngine>

// How the screens use the window they are given: chosen at run time from its size and aspect.
//
// The screens are drawn on a logical canvas in 1080p-equivalent units: a portrait window is
// 1080 units wide (a 768 × 1366 panel is a 1080 × 1920 canvas, scaled down), a landscape or
// 5:4 window is 1080 units high (1920 × 1080 and 1366 × 768 are 1920 × 1080 canvases, 1280 × 1024
// is 1350 × 1080). Type and touch sizes (Theme) are in these units, so a 96 unit button is as
// big against the panel on every display. Main.qml gives the window's size here and scales its
// stage by `scale`.
//
// A screen adopts the layout in a few lines:
//   - read `ScreenLayout.columns`: 2 when the canvas is wide enough for two columns side by side
//     (themes and services beside the guide or the form, the keyboard beside the fields), else 1;
//     two ColumnLayouts are best placed by hand side by side or one under the other (HomeScreen,
//     GuideScreen): nested in a GridLayout they keep heights measured before text wrapped;
//   - put its body in a ScrollingPage (or its own Flickable) so that a short canvas (1080 units
//     high in landscape) scrolls rather than cuts text or hides a button;
//   - keep a footer's buttons in a RowLayout of RowButtons, which give way on narrow canvases;
//   - anchor to its parent (the Loader in Main.qml), never to the window: in reach mode Main.qml
//     puts every screen and overlay (help, countdown, exit) in the part below `reachLine`, so
//     a screen that fills its parent keeps its top bar and lists within reach without a line
//     of its own. An overlay added to Main.qml fills `residentArea`, not the stage.
class ScreenLayout : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(qreal windowWidth READ windowWidth WRITE setWindowWidth NOTIFY changed)
    Q_PROPERTY(qreal windowHeight READ windowHeight WRITE setWindowHeight NOTIFY changed)
    Q_PROPERTY(Shape shape READ shape NOTIFY changed)
    Q_PROPERTY(qreal scale READ scale NOTIFY changed)
    Q_PROPERTY(qreal width READ width NOTIFY changed)
    Q_PROPERTY(qreal height READ height NOTIFY changed)
    Q_PROPERTY(int columns READ columns NOTIFY changed)
    Q_PROPERTY(bool reachMode READ reachMode WRITE setReachMode NOTIFY reachModeChanged)
    Q_PROPERTY(bool reachOffered READ reachOffered NOTIFY changed)
    Q_PROPERTY(qreal reachLine READ reachLine NOTIFY changed)

public:
    // Portrait: taller than wide. Landscape: 16:9-like, two columns. SquareIsh: 5:4 to 3:2, one
    // wide column on a 1080 unit high canvas.
    enum class Shape { Portrait, Landscape, SquareIsh };
    Q_ENUM(Shape)

    // The logical size that one unit of type and touch is measured against.
    static constexpr qreal baseShortSide = 1080;
    // A canvas this wide or wider holds two columns of about 800 units each or more (a 1080 unit
    // wide portrait screen's content is 984 units): 16:10 and wider landscape panels.
    static constexpr qreal twoColumnWidth = 1700;
    // In reach mode, the part of a tall display above this share of its height is out of a
    // seated resident's reach: on a 1920 mm-class portrait panel mounted at counter height, the
    // upper 40 % is above about 1.2 m from the floor, the limit of a forward reach from a
    // wheelchair (GB 50763-2012 and ADA 308.2.1 both put it near 1.2 m).
    static constexpr qreal reachShare = 0.4;

    explicit ScreenLayout(QObject *parent = nullptr);

    [[nodiscard]] qreal windowWidth() const { return m_windowWidth; }
    [[nodiscard]] qreal windowHeight() const { return m_windowHeight; }
    void setWindowWidth(qreal width);
    void setWindowHeight(qreal height);
    Q_INVOKABLE void setWindowSize(qreal width, qreal height);

    [[nodiscard]] Shape shape() const;
    [[nodiscard]] qreal scale() const;
    [[nodiscard]] qreal width() const { return m_windowWidth / scale(); }
    [[nodiscard]] qreal height() const { return m_windowHeight / scale(); }
    [[nodiscard]] int columns() const { return width() >= twoColumnWidth ? 2 : 1; }

    [[nodiscard]] bool reachMode() const { return m_reachMode; }
    void setReachMode(bool on);
    Q_INVOKABLE void toggleReachMode() { setReachMode(!m_reachMode); }
    // Only a tall display has a part out of reach: on a landscape or 5:4 panel the whole
    // screen is as low as the lower part of a portrait one, so reach mode is not offered there.
    [[nodiscard]] bool reachOffered() const { return shape() == Shape::Portrait; }
    // The logical y above which nothing a resident needs lies while reach mode is on.
    [[nodiscard]] qreal reachLine() const { return reachMode() && reachOffered() ? height() * reachShare : 0; }

signals:
    void changed();
    void reachModeChanged();

private:
    qreal m_windowWidth = 1080;
    qreal m_windowHeight = 1920;
    bool m_reachMode = false;
};
