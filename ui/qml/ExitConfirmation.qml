import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Asked when 退出 would throw away what the resident entered (Kiosk.exitAsked): two large
// answers, going on first. Nothing is cleared until the resident chooses to leave; the idle
// countdown, shown above this, still ends an abandoned session without asking.
Rectangle {
    id: overlay
    objectName: "exitConfirmation"

    color: Theme.scrim

    MouseArea {
        anchors.fill: parent
    }

    Rectangle {
        anchors.centerIn: parent
        // As wide as a portrait screen's at most: on a landscape canvas a dialog across the
        // whole width would make lines too long to read.
        width: Math.min(parent.width - 2 * Theme.margin, 1080 - 2 * Theme.margin)
        implicitHeight: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing * 2

            KioskText {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("确定要退出吗？")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("退出后，您已填写的内容和拍摄的材料将全部清除，需要重新办理。")
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskButton {
                objectName: "keepApplicationButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchMin * 1.4
                primary: true
                fontSize: Theme.fontTitle
                text: qsTr("继续办理")
                onClicked: Kiosk.keepApplication()
            }
            KioskButton {
                objectName: "exitAndClearButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchMin * 1.4
                fontSize: Theme.fontTitle
                text: qsTr("退出并清除")
                onClicked: Kiosk.endSession()
            }
        }
    }
}
