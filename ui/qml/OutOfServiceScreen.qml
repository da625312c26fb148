import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 本机暂停使用: shown instead of the attract screen while the platform has locked the terminal,
// so that nobody starts what the kiosk cannot finish. It says where to go instead.
Rectangle {
    id: screen
    objectName: "outOfServiceScreen"
    color: "#2B3340"

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        KioskText {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("本机暂停使用")
            font.pixelSize: 96
            font.bold: true
            color: Theme.textOnPrimary
        }
        // Both languages at once on purpose: nobody has chosen a language on this screen. The
        // line under the title is in the other one, so English is not said twice.
        KioskText {
            Layout.alignment: Qt.AlignHCenter
            text: Kiosk.language === "zh" ? "Out of service" : "本机暂停使用"
            font.pixelSize: Theme.fontTitle
            color: Theme.textOnPrimaryMuted
        }
        KioskText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: Kiosk.staffHelp
            font.pixelSize: Theme.fontBody
            color: Theme.textOnPrimary
            wrapMode: Text.Wrap
        }
        KioskText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: Kiosk.hallName
            font.pixelSize: Theme.fontSmall
            color: Theme.textOnPrimaryMuted
            wrapMode: Text.Wrap
        }
    }
}
