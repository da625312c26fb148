#pragma once

class ResidentWalk;

// The accessibility walk through the hall's services, on the kiosk ResidentWalk started and with
// its checks: 取号 and the ticket, 预约签到 and the resident's appointments, 办不成事 / 投诉建议, and
// 免费邮寄's choice, address and districts. Steps use QtTest's checks, as ResidentWalk's do.
class HallWalk
{
public:
    explicit HallWalk(ResidentWalk &walk);

    // Every hall screen, in order; stops at the first failed step.
    void everyScreen();

    void ticketsAppointmentsAndComplaint();
    void postalDelivery();

private:
    ResidentWalk &m_walk;
};
