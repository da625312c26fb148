import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Reach mode (低位模式) for a resident in a wheelchair, one tap from the bottom of every screen on
// a tall display: the whole screen, its top bar's buttons too, moves below ScreenLayout.reachLine
// and the part above shows only what it is. Lists scroll inside the lower part.
Rectangle {
    id: bar
    objectName: "reachBar"

    implicitHeight: ScreenLayout.reachOffered ? Theme.touchMin + 16 : 0
    visible: ScreenLayout.reachOffered
    color: Theme.primaryDark

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing
        KioskText {
            Layout.fillWidth: true
            text: ScreenLayout.reachMode ? qsTr("低位模式：所有按钮都在屏幕下部") : qsTr("坐轮椅够不到屏幕上方？")
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        RowButton {
            objectName: "reachButton"
            Layout.preferredHeight: Theme.touchMin
            roomyWidth: 300
            fontSize: Theme.fontSmall
            text: ScreenLayout.reachMode ? qsTr("恢复全屏") : qsTr("低位模式")
            onClicked: ScreenLayout.toggleReachMode()
        }
    }
}
