#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class SessionMachine;

// How a session that read a card takes leave of its resident once it is wiped: it asks them to
// take their card and receipt until the reader sees the card go or a few seconds pass, then says
// thank you for a moment, then leaves the attract screen to itself. A session that read no card
// goes straight back to the attract screen, and a new session ends any farewell at once.
class SessionFarewell : public QObject
{
    Q_OBJECT

public:
    enum class Step { None, TakeCard, ThankYou };
    Q_ENUM(Step)

    struct Timing {
        // Long enough to find the card and the receipt, short enough not to hold up the next resident.
        std::chrono::milliseconds takeCard{8000};
        std::chrono::milliseconds thankYou{3000};
    };

    explicit SessionFarewell(SessionMachine *session, QObject *parent = nullptr);
    SessionFarewell(SessionMachine *session, Timing timing, QObject *parent = nullptr);

    [[nodiscard]] Step step() const { return m_step; }

    // What the card reader saw: a card read (at any step of a session, taken or not, it lies on
    // the reader and must go home with its holder) and the card leaving the reader.
    void cardRead();
    void cardRemoved();

signals:
    void stepChanged(SessionFarewell::Step step);

private:
    void setStep(Step step);
    void onTimer();

    SessionMachine *m_session;
    Timing m_timing;
    Step m_step = Step::None;
    bool m_cardReadThisSession = false;
    QTimer m_timer;
};
