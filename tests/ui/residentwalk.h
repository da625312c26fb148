#pragma once

#include "screenchecks.h"

#include <QSize>
#include <QString>

#include <memory>

class EnrolledKiosk;
class KioskRuntime;
class KioskShell;
class QQuickWindow;
class RunningKiosk;

// The accessibility walk's route: the real kiosk, enrolled at the reference platform, led through
// every screen a resident can reach, with ScreenChecks run on each. The steps use QtTest's
// checks and stop at the first that fails; the caller looks at QTest::currentTestFailed() between
// them. Each test that walks (the five displays, the ones between, reach mode) states what it
// proves from the checks' findings.
class ResidentWalk
{
public:
    ResidentWalk();
    ~ResidentWalk();

    // Starts the kiosk (voice off; the document printer unreachable, so print items show why they
    // are unavailable) and sizes its window. Fails the running test if it cannot.
    void start(QSize size);
    // Sizes the window and waits for the stage to scale to it (the short side is 1080 units).
    void resize(QSize size);
    // Starts checking in `variant` (zh, en, elder, elder-en or reach), with findings of its own.
    void setVariant(const QString &variant);
    [[nodiscard]] ScreenChecks &checks() { return *m_checks; }
    [[nodiscard]] bool checking() const { return m_checks != nullptr; }

    // Every screen, the hall's (HallWalk) among them, in order; stops at the first failed step.
    void everyScreen();
    // What a resident sees first and fills in: home, a guide, the form with its keypad.
    void firstScreensAndTheForm();

    void visitHomeHelpThemeAndGuides();
    void applyWithADocumentAndRate();
    void severalPapers();
    void payAFeeThenCancel();
    void codeFaceCheckAndErrands();
    void countdownAndOutOfService();

    // What the steps (HallWalk's too) are made of.
    [[nodiscard]] EnrolledKiosk *enrolled() const { return m_enrolled.get(); }
    [[nodiscard]] RunningKiosk *kiosk() const { return m_kiosk; }
    [[nodiscard]] KioskShell *shell() const { return m_shell; }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    [[nodiscard]] bool tapWhenShown(const QString &name, int timeoutMs = 30000);
    [[nodiscard]] bool waitFor(const QString &name, int timeoutMs = 30000);
    // From the attract screen (or home) to home, in this walk's language and modes.
    void startSession();
    void inspect(const QString &screen, const QString &rootName) { m_checks->inspect(screen, rootName); }

private:
    void chooseVariant();
    [[nodiscard]] bool isElder() const { return m_checks->isElder(); }
    [[nodiscard]] bool isReach() const { return m_checks->isReach(); }
    [[nodiscard]] QString terminalId() const;

    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;
    std::unique_ptr<ScreenChecks> m_checks;
};
