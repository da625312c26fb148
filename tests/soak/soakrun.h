#pragma once

#include "soaklaps.h"
#include "soaksample.h"

#include <QString>

#include <array>
#include <memory>

class EnrolledKiosk;
class KioskShell;
class QQuickWindow;

// Resident sessions for the soak, through the real QML on an offscreen window, the real drivers
// against their simulators and the reference platform over HTTPS (EnrolledKiosk). Each session
// index picks one kind of a fixed mix: applications filed by ID card (every card type in turn)
// and by a 皖事通 code, with receipts and ratings; one with a photographed document; a face check
// that prints its document; a code that is refused; the platform away or lost mid-session (the
// case queued and sent later); the receipt printer out of paper; a resident who walks away.
class SoakRun
{
public:
    enum class Kind { Card, Code, PlatformAway, PaperOut, RefusedCode, Document, Face, PlatformLost, IdleTimeout, Count };

    SoakRun();
    ~SoakRun();

    [[nodiscard]] bool start(QString *error);
    // The kind session `index` is: the mix repeats every nine, with one walk-away and one platform
    // lost mid-session in fifty (the walk-away waits out the kiosk's idle countdown; the platform
    // lost is found away by the case's own attempt, which ends the wait for its answer).
    [[nodiscard]] static Kind kindOf(int index);
    // One session of the mix; false with `error` when the kiosk did not behave.
    [[nodiscard]] bool runSession(int index, QString *error);
    // Waits until the outbox has sent everything (the platform's last fault is lifted).
    [[nodiscard]] bool settle(QString *error);
    [[nodiscard]] SoakSample sample(int sessions) const;
    [[nodiscard]] QString stateDir() const;
    // How many sessions of each kind ran, for the report.
    [[nodiscard]] QString mixSummary() const;
    // Where the sessions' time went, step by step.
    [[nodiscard]] const SoakLaps &laps() const { return m_laps; }
    // The same by the kind of session.
    [[nodiscard]] const SoakLaps &kindLaps() const { return m_kindLaps; }

private:
    bool runKind(Kind kind, int index, QString *error);
    bool openItem(const QString &item, QString *error);
    void removeCard();
    // After a failed session: a screenshot of where it stopped, and the kiosk back at attract.
    void recover(int index);
    bool identifyByCard(const QString &card, QString *error);
    bool identifyByCode(QString *error);
    bool typePhone(QString *error);
    bool submit(QString *error);
    bool fillAndSubmit(QString *error);
    bool rateAndLeave(int score, QString *error);
    bool backToAttract(QString *error);
    bool idleTimeout(QString *error);
    bool refusedCode(QString *error);
    // The platform away before the resident submits: the kiosk finds it so checking their code.
    bool platformAway(QString *error);
    // The platform gone between identification and submission: the kiosk finds it away when it sends the case, and queues it.
    bool platformLost(QString *error);
    // After a platform fault: the case queued meanwhile sent, and the kiosk knowing the platform back.
    bool sentLater(QString *error);
    bool paperOut(QString *error);
    bool document(QString *error);
    bool face(QString *error);

    std::unique_ptr<EnrolledKiosk> m_enrolled;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;
    std::array<int, int(Kind::Count)> m_counts{};
    bool m_cardOnReader = false; // presented and not yet seen gone by the reader
    SoakLaps m_laps;
    SoakLaps m_kindLaps;
};
