#pragma once

#include <QObject>

class SessionMachine;

// Every press, touch or key anywhere in the kiosk counts as the resident being there: it restarts
// the session's idle timer. Installed on the application, so no screen has to remember to do it.
class ResidentActivityFilter : public QObject
{
    Q_OBJECT

public:
    explicit ResidentActivityFilter(SessionMachine *session, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SessionMachine *m_session;
};
