#include "screenlayout.h"

#include <QSignalSpy>
#include <QTest>

// The layout chosen from the window: the shape, the logical canvas (1080 units on the short side),
// the columns and the reach line, at the five displays the kiosk is sold with and between them.
class TestScreenLayout : public QObject
{
    Q_OBJECT

private slots:
    void eachDisplayGetsItsShapeCanvasAndColumns_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<ScreenLayout::Shape>("shape");
        QTest::addColumn<int>("logicalWidth");
        QTest::addColumn<int>("logicalHeight");
        QTest::addColumn<int>("columns");
        QTest::newRow("1080x1920") << 1080 << 1920 << ScreenLayout::Shape::Portrait << 1080 << 1920 << 1;
        QTest::newRow("768x1366") << 768 << 1366 << ScreenLayout::Shape::Portrait << 1080 << 1921 << 1;
        QTest::newRow("1920x1080") << 1920 << 1080 << ScreenLayout::Shape::Landscape << 1920 << 1080 << 2;
        QTest::newRow("1366x768") << 1366 << 768 << ScreenLayout::Shape::Landscape << 1921 << 1080 << 2;
        QTest::newRow("1280x1024") << 1280 << 1024 << ScreenLayout::Shape::SquareIsh << 1350 << 1080 << 1;
        QTest::newRow("1920x1200") << 1920 << 1200 << ScreenLayout::Shape::Landscape << 1728 << 1080 << 2;
        QTest::newRow("1024x768") << 1024 << 768 << ScreenLayout::Shape::SquareIsh << 1440 << 1080 << 1;
        QTest::newRow("square 900x900") << 900 << 900 << ScreenLayout::Shape::SquareIsh << 1080 << 1080 << 1;
        QTest::newRow("nearly square portrait") << 1000 << 1050 << ScreenLayout::Shape::Portrait << 1080 << 1134 << 1;
    }

    void eachDisplayGetsItsShapeCanvasAndColumns()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(ScreenLayout::Shape, shape);
        QFETCH(int, logicalWidth);
        QFETCH(int, logicalHeight);
        QFETCH(int, columns);
        ScreenLayout layout;
        layout.setWindowSize(width, height);
        QCOMPARE(layout.shape(), shape);
        QCOMPARE(qRound(layout.width()), logicalWidth);
        QCOMPARE(qRound(layout.height()), logicalHeight);
        QCOMPARE(layout.columns(), columns);
        // The short side is always 1080 units, so a Theme size is the same share of it everywhere.
        QCOMPARE(qRound(std::min(layout.width(), layout.height())), 1080);
        QVERIFY(qAbs(layout.width() * layout.scale() - width) < 0.01);
    }

    void anEmptyWindowKeepsTheLastCanvas()
    {
        ScreenLayout layout;
        layout.setWindowSize(1920, 1080);
        QSignalSpy changed(&layout, &ScreenLayout::changed);
        layout.setWindowSize(0, 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(qRound(layout.width()), 1920);
    }

    void reachModeDrawsItsLineOnlyOnATallDisplay()
    {
        ScreenLayout layout;
        layout.setWindowSize(1080, 1920);
        QCOMPARE(layout.reachLine(), 0.0);
        QSignalSpy reach(&layout, &ScreenLayout::reachModeChanged);
        layout.toggleReachMode();
        QVERIFY(layout.reachMode());
        QCOMPARE(reach.count(), 1);
        QCOMPARE(qRound(layout.reachLine()), 768);
        // Turned to landscape the whole screen is within reach: no line, and QML hears of it.
        layout.setWindowSize(1920, 1080);
        QVERIFY(!layout.reachOffered());
        QCOMPARE(layout.reachLine(), 0.0);
        QCOMPARE(reach.count(), 2);
        layout.setWindowSize(768, 1366);
        QCOMPARE(qRound(layout.reachLine()), qRound(1921 * 0.4));
    }
};

QTEST_MAIN(TestScreenLayout)
#include "test_screenlayout.moc"
