#pragma once

#include "residentwalk.h"

#include <QObject>
#include <QSize>

#include <memory>

// What a QtTest suite that walks the screens starts with: before each test a kiosk enrolled at the
// reference platform with its window at `startSize` (ResidentWalk::start); after a test stopped by
// a failed step, the findings the walk had by then, as warnings. A suite derives from it and
// walks in its own test functions.
class ResidentWalkTest : public QObject
{
    Q_OBJECT

protected:
    // `findingsName` starts each warning line ("accessibility", "reach mode").
    ResidentWalkTest(QSize startSize, const char *findingsName);
    ~ResidentWalkTest() override;

    [[nodiscard]] ResidentWalk &walk() { return *m_walk; }
    // Warns each finding of the checks on a line of its own and fails the running test if there
    // is any.
    void verifyNoFindings();

private slots:
    void init();
    void cleanup();

private:
    QSize m_startSize;
    const char *m_findingsName;
    std::unique_ptr<ResidentWalk> m_walk;
};
