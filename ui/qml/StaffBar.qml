import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Across the top of every resident screen while a staff member (帮办员) is signed in beside the
// resident: who (their masked name, as the platform gives it) until the session ends. While a
// staff code is checked, or when one was refused, it says that instead, so staff know whether
// to show it again. It takes no touches.
Rectangle {
    id: bar
    objectName: "staffBar"

    readonly property var staff: Kiosk.staff
    readonly property bool english: Kiosk.language === "en"

    visible: Kiosk.screen !== Kiosk.Screen.Attract && (staff.present || staff.checking || staff.problem !== "")
    height: visible ? label.implicitHeight + Theme.spacing : 0
    color: staff.present ? Theme.success : (staff.problem !== "" ? Theme.warning : Theme.primaryDark)

    function problemText(problem) {
        switch (problem) {
        case "staff_code_expired": return qsTr("工作人员码已过期，请刷新后重新出示");
        case "staff_unknown": return qsTr("工作人员码无法识别");
        case "platform_offline": return qsTr("暂时无法核验工作人员码，请稍后重试");
        default: return qsTr("工作人员码核验失败，请重试");
        }
    }

    KioskText {
        id: label
        objectName: "staffBarText"
        anchors.verticalCenter: parent.verticalCenter
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.textOnPrimary
        font.pixelSize: Theme.fontSmall
        font.bold: bar.staff.present
        text: bar.staff.present ? qsTr("工作人员 %1 正在协助您办理").arg(bar.english ? bar.staff.nameEn : bar.staff.nameZh)
              : bar.staff.checking ? qsTr("正在核验工作人员码……")
              : bar.problemText(bar.staff.problem)
    }
}
