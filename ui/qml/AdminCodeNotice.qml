import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A short line over whatever is on screen when a scanned admin code was refused, saying why. It
// takes no touches and goes by itself after a few seconds, so a resident is not held up by it.
Rectangle {
    id: notice
    objectName: "adminCodeNotice"
    visible: Maintenance.adminCodeProblem !== AdminCodeEntry.None
    anchors.horizontalCenter: parent.horizontalCenter
    anchors.bottom: parent.bottom
    anchors.bottomMargin: 260
    width: Math.min(parent.width - 2 * Theme.margin, label.implicitWidth + 2 * Theme.margin)
    height: label.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: "#2B3340"
    opacity: 0.94

    function reasonText(problem) {
        switch (problem) {
        case AdminCodeEntry.Expired: return qsTr("已过期");
        case AdminCodeEntry.Replayed: return qsTr("已使用过，请重新签发");
        case AdminCodeEntry.NotYetValid: return qsTr("尚未生效，请检查本机时钟");
        case AdminCodeEntry.WrongTerminal: return qsTr("不是签发给本机的");
        case AdminCodeEntry.UnknownKey: return qsTr("签发密钥不受本机信任");
        case AdminCodeEntry.BadSignature: return qsTr("签名不正确");
        case AdminCodeEntry.TooLongValidity: return qsTr("有效期超过 15 分钟");
        case AdminCodeEntry.WildcardRefused: return qsTr("通用码仅限技术人员在注册前使用，有效期不超过 5 分钟");
        case AdminCodeEntry.Disabled: return qsTr("本机未启用管理码");
        case AdminCodeEntry.NotStored: return qsTr("本机无法记录，请重试");
        default: return qsTr("无法识别");
        }
    }

    KioskText {
        id: label
        objectName: "adminCodeNoticeText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, notice.parent.width - 4 * Theme.margin)
        text: qsTr("管理码未被接受：%1").arg(notice.reasonText(Maintenance.adminCodeProblem))
        color: Theme.textOnPrimary
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }
}
