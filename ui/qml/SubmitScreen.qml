import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// While the application is on its way: it is already stored on this kiosk, so whatever the
// network does now, nothing is lost.
Rectangle {
    id: screen
    objectName: "submitScreen"
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        Item {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 180
            implicitHeight: 180
            Rectangle {
                anchors.fill: parent
                radius: width / 2
                color: "transparent"
                border.width: 16
                border.color: Theme.primaryLight
            }
            Rectangle {
                width: 36
                height: 36
                radius: 18
                color: Theme.primary
                x: parent.width / 2 - 18 + 72 * Math.cos(spin.angle)
                y: parent.height / 2 - 18 + 72 * Math.sin(spin.angle)
            }
            QtObject {
                id: spin
                property real angle: 0
            }
            NumberAnimation {
                target: spin
                property: "angle"
                from: 0
                to: 2 * Math.PI
                duration: 1200
                loops: Animation.Infinite
                running: true
            }
        }
        KioskText {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("正在提交，请稍候…")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        KioskText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("您的申请已保存在本机，网络不稳定也不会丢失。")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
    }
}
