#include "residentwalktest.h"

#include <QTest>

ResidentWalkTest::ResidentWalkTest(QSize startSize, const char *findingsName)
    : m_startSize(startSize)
    , m_findingsName(findingsName)
{
}

ResidentWalkTest::~ResidentWalkTest() = default;

void ResidentWalkTest::init()
{
    m_walk = std::make_unique<ResidentWalk>();
    m_walk->start(m_startSize);
}

void ResidentWalkTest::cleanup()
{
    // A walk stopped by a failed step still shows what it had found by then.
    if (QTest::currentTestFailed() && m_walk->checking())
        m_walk->checks().warnProblems((QByteArray(m_findingsName) + " (before the failed step):").constData());
    m_walk.reset();
}

void ResidentWalkTest::verifyNoFindings()
{
    const ScreenChecks &checks = m_walk->checks();
    checks.warnProblems((QByteArray(m_findingsName) + ':').constData());
    QVERIFY2(checks.problems().isEmpty(), qPrintable(QStringLiteral("\n") + checks.problems().join(QLatin1Char('\n'))));
}
