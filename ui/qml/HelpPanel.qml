import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Where to find a person. Always one tap away, from every screen after the attract screen.
Rectangle {
    id: panel
    objectName: "helpPanel"

    // Reading mode's switch, for a resident who can see enough to find help but not to read.
    property ScreenReader reader: null
    signal closed()

    color: Theme.scrim

    MouseArea {
        anchors.fill: parent
        onClicked: panel.closed()
    }

    Rectangle {
        anchors.centerIn: parent
        // As wide as a portrait screen's at most: on a landscape canvas a dialog across the
        // whole width would make lines too long to read. A landscape canvas is only 1080 high,
        // though, and in elder mode the help no longer fits that narrow: there it may take 1600.
        width: Math.min(parent.width - 2 * Theme.margin, parent.width > parent.height ? 1600 : 1080 - 2 * Theme.margin)
        // Never taller than the panel: on a 5:4 canvas in elder mode and English the help is
        // taller than the 1080 units there are, and then it scrolls inside its box, with the
        // page's bar saying there is more below.
        height: Math.min(helpPage.contentImplicitHeight, panel.height - 2 * Theme.spacing)
        radius: Theme.radius
        color: Theme.surface

        ScrollingPage {
            id: helpPage
            objectName: "helpPage"
            anchors.fill: parent
            maximumContentWidth: width
            spacing: Theme.spacing

            KioskText {
                text: qsTr("需要帮助？")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            KioskText {
                Layout.fillWidth: true
                text: Kiosk.staffHelp
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("您在本机输入和拍摄的信息只用于本次办理，离开后会自动清除。")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            // Stuck, or unhappy with the service: 办不成事 / 投诉建议, where a complaint can start.
            KioskButton {
                objectName: "helpComplaintButton"
                Layout.fillWidth: true
                visible: Kiosk.screen === Kiosk.Screen.Home || Kiosk.screen === Kiosk.Screen.Result
                text: qsTr("办不成事 / 投诉建议")
                onClicked: { panel.closed(); Kiosk.startErrand(ResidentChoice.Errand.Complaint); }
            }
            // An agent at the service centre by video (远程视频帮办), after its consent step.
            KioskButton {
                objectName: "helpVideoHelpButton"
                Layout.fillWidth: true
                text: qsTr("视频帮办：请工作人员远程视频指导")
                onClicked: { panel.closed(); VideoHelp.ask(); }
            }
            KioskButton {
                objectName: "readingModeButton"
                Layout.fillWidth: true
                visible: panel.reader !== null
                checked: panel.reader !== null && panel.reader.active
                text: checked ? qsTr("关闭读屏（朗读屏幕内容）") : qsTr("打开读屏（朗读屏幕内容）")
                onClicked: panel.reader.active = !panel.reader.active
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("也可以用下方的实体按键操作：方向键或 2、4、6、8 移动，5 或确认键选择，退格键返回，星号键求助；按住 5 两秒打开或关闭读屏。")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            KioskButton {
                objectName: "helpClose"
                Layout.alignment: Qt.AlignRight
                implicitWidth: 300
                primary: true
                text: qsTr("我知道了")
                onClicked: panel.closed()
            }
        }
    }
}
