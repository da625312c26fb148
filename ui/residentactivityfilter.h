#pragma once

#include <QObject>
#include <QSet>

class SessionMachine;

// Every press, touch or key anywhere in the kiosk counts as the resident being there: it restarts
// the session's idle timer. Installed on the application, so no screen has to remember to do it.
// A key counts when it goes down, once: its auto-repeat, or a key held down for ever (a stuck key,
// something leaning on a keyboard), never keeps a session alive past its idle timeout.
class ResidentActivityFilter : public QObject
{
    Q_OBJECT

public:
    explicit ResidentActivityFilter(SessionMachine *session, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SessionMachine *m_session;
    // The keys down now, by key and scan code: a press of one of them is the same key still held.
    QSet<quint64> m_keysDown;
};
