#include "screenlayout.h"

ScreenLayout::ScreenLayout(QObject *parent)
    : QObject(parent)
{
}

void ScreenLayout::setWindowWidth(qreal width)
{
    setWindowSize(width, m_windowHeight);
}

void ScreenLayout::setWindowHeight(qreal height)
{
    setWindowSize(m_windowWidth, height);
}

void ScreenLayout::setWindowSize(qreal width, qreal height)
{
    // A window not yet shown may report nothing; the canvas keeps its last sensible size.
    if (width < 1 || height < 1 || (qFuzzyCompare(width, m_windowWidth) && qFuzzyCompare(height, m_windowHeight)))
        return;
    const bool reachWasOn = reachLine() > 0;
    m_windowWidth = width;
    m_windowHeight = height;
    emit changed();
    if (reachWasOn != (reachLine() > 0))
        emit reachModeChanged();
}

ScreenLayout::Shape ScreenLayout::shape() const
{
    const qreal aspect = m_windowWidth / m_windowHeight;
    if (aspect < 1)
        return Shape::Portrait;
    // 16:10 (1.6) and wider hold two columns; 5:4 and 4:3 are nearly square.
    return aspect >= 1.55 ? Shape::Landscape : Shape::SquareIsh;
}

qreal ScreenLayout::scale() const
{
    // The short side is 1080 units, so type is as large against the panel whichever way it turns.
    return shape() == Shape::Portrait ? m_windowWidth / baseShortSide : m_windowHeight / baseShortSide;
}

void ScreenLayout::setReachMode(bool on)
{
    if (m_reachMode == on)
        return;
    m_reachMode = on;
    emit reachModeChanged();
    emit changed();
}
