#include "idcard/samstatus.h"

namespace {

struct Row {
    quint8 sw3;
    SamStatus::Code code;
    const char *detail;
    const char *zh;
    const char *en;
    StaffHint hint;
};

// reference/devices.md §1, "Status byte SW3".
constexpr Row Rows[] = {
    {0x90, SamStatus::Code::Success, "ok", "操作成功", "Success", StaffHint::None},
    {0x91, SamStatus::Code::NoContent, "no_content", "证件中无此项内容", "The card holds no content for this item", StaffHint::None},
    {0x9F, SamStatus::Code::CardFound, "card_found", "已找到证件", "Card found", StaffHint::None},
    {0x10, SamStatus::Code::HostChecksumError, "host_checksum_error", "阅读器收到的数据校验和错误", "The reader received a bad checksum", StaffHint::Retry},
    {0x11, SamStatus::Code::HostLengthError, "host_length_error", "阅读器收到的数据长度错误", "The reader received a bad length", StaffHint::Retry},
    {0x21, SamStatus::Code::BadCommand, "bad_command", "命令或参数错误", "Bad command or parameter", StaffHint::CallService},
    {0x23, SamStatus::Code::NotPermitted, "not_permitted", "越权操作", "Operation not permitted", StaffHint::CallService},
    {0x24, SamStatus::Code::UnrecognisedError, "unrecognised_error", "阅读器发生无法识别的错误", "Unrecognised reader error", StaffHint::Reset},
    {0x31, SamStatus::Code::CardRejectedSam, "card_rejected_sam", "证件认证安全模块失败", "The card failed to authenticate the SAM", StaffHint::Reset},
    {0x32, SamStatus::Code::SamRejectedCard, "sam_rejected_card", "安全模块认证证件失败", "The SAM failed to authenticate the card", StaffHint::Retry},
    {0x33, SamStatus::Code::InformationCheckFailed, "information_check_failed", "证件信息验证失败", "The card's information failed its check", StaffHint::Retry},
    {0x37, SamStatus::Code::FingerprintCheckFailed, "fingerprint_check_failed", "指纹信息验证失败", "The fingerprint information failed its check", StaffHint::Retry},
    {0x3F, SamStatus::Code::InformationLengthError, "information_length_error", "证件信息长度错误", "The card's information has a bad length", StaffHint::Retry},
    {0x40, SamStatus::Code::UnrecognisedCardType, "unrecognised_card_type", "无法识别的证件类型", "Unrecognised card type", StaffHint::None},
    {0x41, SamStatus::Code::ReadFailed, "read_failed", "读证件失败，请将证件平放在感应区不要移动", "Reading the card failed: keep the card flat and still on the reader", StaffHint::Retry},
    {0x47, SamStatus::Code::RandomNumberFailed, "random_number_failed", "取随机数失败", "Getting a random number failed", StaffHint::Reset},
    {0x60, SamStatus::Code::SamSelfTestFailed, "sam_self_test_failed", "安全模块自检失败，不能接收命令", "The SAM failed its self-test and cannot take commands", StaffHint::CallService},
    {0x66, SamStatus::Code::SamNotAuthorised, "sam_not_authorised", "安全模块未经授权，无法使用", "The SAM is not authorised", StaffHint::CallService},
    {0x80, SamStatus::Code::NoCard, "no_card", "未放置证件", "No card on the reader", StaffHint::None},
    {0x81, SamStatus::Code::SelectFailed, "select_failed", "选取证件失败", "Selecting the card failed", StaffHint::Retry},
};

} // namespace

SamStatus SamStatus::fromSw3(quint8 sw3)
{
    for (const Row &row : Rows) {
        if (row.sw3 == sw3)
            return {sw3, row.code, QString::fromLatin1(row.detail), QString::fromUtf8(row.zh), QString::fromUtf8(row.en), row.hint};
    }
    return {sw3, Code::Unknown, QStringLiteral("unknown_status_%1").arg(sw3, 2, 16, QLatin1Char('0')),
            QStringLiteral("阅读器返回未知状态 %1").arg(sw3, 2, 16, QLatin1Char('0')).toUpper(),
            QStringLiteral("The reader returned unknown status %1").arg(sw3, 2, 16, QLatin1Char('0')), StaffHint::CallService};
}

bool SamStatus::isSamFault() const
{
    switch (code) {
    case Code::UnrecognisedError:
    case Code::CardRejectedSam:
    case Code::RandomNumberFailed:
    case Code::SamSelfTestFailed:
    case Code::SamNotAuthorised:
        return true;
    default:
        return false;
    }
}

bool SamStatus::isCardFault() const
{
    switch (code) {
    case Code::SamRejectedCard:
    case Code::InformationCheckFailed:
    case Code::FingerprintCheckFailed:
    case Code::InformationLengthError:
    case Code::UnrecognisedCardType:
    case Code::ReadFailed:
    case Code::SelectFailed:
        return true;
    default:
        return false;
    }
}
