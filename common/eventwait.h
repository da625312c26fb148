#pragma once

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

// Waits in a local event loop, for code that does one thing at a time and must see its answers
// arrive (kioskctl, benchmarks, the status report): until a signal says it is done, or until a
// condition holds, and never past a deadline. Tests use QTest::qWaitFor and QTRY_* instead.
//
//     EventWait wait(std::chrono::seconds(10));
//     wait.endOn(sender, &Sender::finished);
//     if (!wait.exec()) …  // ten seconds passed without finished()
class EventWait
{
public:
    // No deadline: the wait ends only through end() or a signal given to endOn().
    static constexpr std::chrono::milliseconds Forever{-1};

    explicit EventWait(std::chrono::milliseconds timeout = Forever);
    EventWait(const EventWait &) = delete;
    EventWait &operator=(const EventWait &) = delete;

    // Ends the wait when `sender` emits `signal` (its arguments are not looked at) and `done()`
    // holds then; connect to context() for a handler that reads the arguments and calls end().
    template <typename Sender, typename Signal>
    void endOn(const Sender *sender, Signal signal, std::function<bool()> done = {})
    {
        QObject::connect(sender, signal, &m_loop, [this, holds = std::move(done)] {
            if (!holds || holds())
                end();
        });
    }

    // A receiver for connections that live as long as the wait.
    [[nodiscard]] QObject *context() { return &m_loop; }
    // Ends the wait now, or, before exec(), makes exec() return at once.
    void end();
    // Runs the event loop until end() or the deadline; true when it ended before the deadline.
    bool exec();

    // Runs the event loop until `done()` holds, looking every `interval`, or `timeout` passes;
    // returns whether it held. It looks once before running the loop at all.
    static bool until(const std::function<bool()> &done, std::chrono::milliseconds timeout,
                      std::chrono::milliseconds interval = std::chrono::milliseconds(20));

private:
    QEventLoop m_loop;
    QTimer m_deadline;
    bool m_ended = false;
    bool m_hasDeadline = false;
};
