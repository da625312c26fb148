#pragma once

#include <QString>

class ResidentWalk;

// The accessibility walk through the hall's services, on the kiosk ResidentWalk started and with
// its checks: 取号 and the ticket, 预约签到 and the resident's appointments, 办不成事 / 投诉建议, and
// 免费邮寄's choice, address and districts, the complaint's slip, and 视频帮办's consent, its
// notice that no agent is on duty and its queue. Steps use QtTest's checks, as ResidentWalk's do.
class HallWalk
{
public:
    explicit HallWalk(ResidentWalk &walk);

    // Every hall screen, in order; stops at the first failed step.
    void everyScreen();

    void ticketsAppointmentsAndComplaint();
    void postalDelivery();
    void complaintSlip();
    void videoHelp();

private:
    [[nodiscard]] bool tapSettled(const QString &name);

    ResidentWalk &m_walk;
};
