import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Shown before an idle session is wiped: how many seconds remain and what will happen. Any touch
// (counted by the shell's activity filter) keeps the session; the exit button ends it now.
Rectangle {
    id: overlay
    objectName: "idleCountdown"

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
            spacing: Theme.spacing

            KioskText {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("您还在办理吗？")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            KioskText {
                objectName: "secondsLeft"
                Layout.alignment: Qt.AlignHCenter
                text: Kiosk.session.secondsLeft
                font.pixelSize: 140
                font.bold: true
                color: Theme.accent
            }
            KioskText {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("%1 秒后将自动退出，并清除您在本机留下的全部信息。").arg(Kiosk.session.secondsLeft)
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskButton {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    text: qsTr("退出")
                    onClicked: Kiosk.endSession()
                }
                KioskButton {
                    objectName: "continueButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    primary: true
                    text: qsTr("继续办理")
                    // The press itself already restarted the idle timer.
                    onClicked: Kiosk.session.touch()
                }
            }
        }
    }
}
