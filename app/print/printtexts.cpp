#include "printtexts.h"

#include <QLocale>

namespace PrintTexts {

namespace {

struct Entry {
    PrintText id;
    const char *zh;
    const char *en;
};

constexpr Entry entries[] = {
    {PrintText::ReceiptTitle, "受理凭条", "Service receipt"},
    {PrintText::TicketTitle, "排队号", "Queue ticket"},
    {PrintText::CounterGroup, "窗口", "Counters"},
    {PrintText::PeopleAhead, "前面等候", "People ahead"},
    {PrintText::EstimatedWait, "预计等候", "Estimated wait"},
    {PrintText::Minutes, "分钟", "min"},
    {PrintText::PriorityQueue, "优先窗口（长者）", "Priority queue (elder)"},
    {PrintText::Appointment, "预约签到", "Appointment check-in"},
    {PrintText::WatchTheScreen, "请留意叫号屏和语音叫号，过号请重新取号", "Watch the calling screen; a missed number needs a new ticket"},
    {PrintText::ComplaintTitle, "投诉建议受理单", "Complaint or suggestion"},
    {PrintText::ComplaintNumber, "投诉编号", "Complaint no."},
    {PrintText::ComplaintLocalRef, "登记号", "Reference"},
    {PrintText::ComplaintCategory, "类别", "Category"},
    {PrintText::ComplaintQueuedNote, "平台恢复后自动提交，提交后可凭登记号拨打12345查询", "Sent when the platform is back; call 12345 with this reference"},
    {PrintText::ComplaintReplyNote, "12345热线将在3个工作日内处理", "The 12345 hotline deals with it within 3 working days"},
    {PrintText::CannotGetDone, "办不成事", "Could not get it done"},
    {PrintText::ServiceComplaint, "服务态度与效率", "Service and waiting"},
    {PrintText::KioskFault, "自助机故障", "Kiosk fault"},
    {PrintText::Suggestion, "意见建议", "Suggestion"},
    {PrintText::AcknowledgementTitle, "受理回执", "Acknowledgement of application"},
    {PrintText::TestPageTitle, "打印测试页", "Printer test page"},
    {PrintText::Item, "办理事项", "Service"},
    {PrintText::Department, "受理部门", "Department"},
    {PrintText::CaseNumber, "受理编号", "Case no."},
    {PrintText::LocalReference, "本机编号", "Kiosk ref."},
    {PrintText::Applicant, "申请人", "Applicant"},
    {PrintText::Agent, "代办人", "Filed by"},
    {PrintText::FeePaid, "已缴费用", "Fee paid"},
    {PrintText::IdNumber, "证件号码", "ID number"},
    {PrintText::FiledAt, "提交时间", "Filed"},
    {PrintText::PrintedAt, "打印时间", "Printed"},
    {PrintText::Terminal, "终端", "Kiosk"},
    {PrintText::Materials, "已收材料", "Materials received"},
    {PrintText::NoMaterials, "无", "None"},
    {PrintText::NextSteps, "后续事项", "What happens next"},
    {PrintText::ScanToFollow, "扫码查询办理进度", "Scan to follow your case"},
    {PrintText::OfflineNote, "离线受理：网络恢复后自动提交", "Accepted offline: it is sent when the network returns"},
    {PrintText::KeepReceipt, "请妥善保管本凭条", "Please keep this receipt"},
    {PrintText::AcknowledgementNote, "本回执由自助服务终端打印，证明申请已提交，不作为办结凭证。",
     "Printed by a self-service kiosk: it shows the application was filed, not that it was decided."},
    {PrintText::Seal, "受理单位（盖章）", "Receiving office (seal)"},
    {PrintText::Printer, "打印机", "Printer"},
    {PrintText::Software, "软件版本", "Software"},
    {PrintText::FontSample, "字体测试：政务服务 一网通办 身份证 营业执照 ABC abc 0123456789",
     "Font check: 政务服务 一网通办 ABC abc 0123456789"},
    {PrintText::NotKept, "（未保存）", "(not kept)"},
};

} // namespace

QString text(PrintText id, const QString &language)
{
    for (const Entry &entry : entries) {
        if (entry.id == id)
            return QString::fromUtf8(language == QLatin1String("en") ? entry.en : entry.zh);
    }
    return {};
}

QString dateTime(const QDateTime &time, const QString &language)
{
    const QDateTime local = time.toLocalTime();
    if (language == QLatin1String("en"))
        return QLocale(QLocale::English).toString(local, QStringLiteral("d MMM yyyy HH:mm"));
    return local.toString(QStringLiteral("yyyy年M月d日 HH:mm"));
}

} // namespace PrintTexts
