#pragma once

#include <QObject>
#include <QTimer>

// Staff who walk away leave maintenance open to the next resident: once started, timedOut() fires
// after `idleMs` without a press, touch or key anywhere in the application (the filter sits on
// the application object, so no screen has to remember to report activity).
class StaffIdleTimer : public QObject
{
    Q_OBJECT
public:
    explicit StaffIdleTimer(int idleMs, QObject *parent = nullptr);
    ~StaffIdleTimer() override;

    void start();
    void stop();
    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }

signals:
    void timedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
};
