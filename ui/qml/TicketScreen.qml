import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The ticket just given (取号, or an appointment checked in): the number large, the counters,
// the people ahead and the wait, and whether the paper ticket came out of the printer.
Item {
    id: screen
    objectName: "ticketScreen"

    signal helpRequested()

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas (landscape, 5:4) rather than cut text or hide a button.
    ScrollingPage {
        objectName: "ticketPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        KioskText {
            Layout.fillWidth: true
            text: Hall.appointment ? qsTr("签到成功") : qsTr("取号成功")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.success
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: ticketColumn.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            ColumnLayout {
                id: ticketColumn
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                KioskText {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("您的号码")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                }
                KioskText {
                    objectName: "ticketNumber"
                    Layout.alignment: Qt.AlignHCenter
                    text: Hall.ticketNumber
                    font.pixelSize: Theme.fontTitle * 3
                    font.bold: true
                    color: Theme.primaryDark
                }
                KioskText {
                    objectName: "ticketGroup"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: Hall.ticketGroup
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    visible: Hall.priority
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("老年人优先窗口")
                    font.pixelSize: Theme.fontBody
                    color: Theme.accent
                }
                KioskText {
                    objectName: "ticketWait"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("前面还有 %1 人，预计等候 %2 分钟").arg(Hall.peopleAhead).arg(Hall.estimatedWaitMin)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
        }
        KioskText {
            objectName: "ticketPrintState"
            Layout.fillWidth: true
            text: {
                switch (Hall.printState) {
                case Hall.PrintState.Printing: return qsTr("正在打印排队小票…");
                case Hall.PrintState.Printed: return qsTr("排队小票已打印，请从出票口取走。请留意叫号屏和语音叫号。");
                case Hall.PrintState.Failed: return qsTr("排队小票没有打印出来。请记住您的号码，或到咨询台补打。");
                }
                return "";
            }
            font.pixelSize: Theme.fontBody
            color: Hall.printState === Hall.PrintState.Failed ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
        }
        KioskButton {
            objectName: "reprintTicketButton"
            visible: Hall.printState === Hall.PrintState.Failed
            Layout.preferredWidth: Math.max(320, snugWidth)
            text: qsTr("重新打印")
            onClicked: Hall.reprint()
        }
        Item { Layout.fillHeight: true }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        KioskButton {
            objectName: "finishButton"
            anchors.centerIn: parent
            width: 600
            primary: true
            text: qsTr("完成")
            onClicked: Kiosk.continueToRating()
        }
    }
}
