import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 预约签到: an appointment is checked in by the resident's card (their appointments today, each
// checked in with a tap) or by showing the appointment code of the provincial app to the
// scanner. An appointment in another hall, none today or counters closed: each says so. On a
// wide canvas (ScreenLayout.columns) the ways in and what became of them stand at the left and
// the resident's appointments at the right.
Item {
    id: screen
    objectName: "appointmentsScreen"

    signal helpRequested()
    readonly property bool sideBySide: ScreenLayout.columns > 1

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    ColumnLayout {
        id: intro
        objectName: "appointmentsIntro"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.margins: Theme.margin
        width: screen.sideBySide ? Math.round((screen.width - 3 * Theme.margin) * 0.38) : screen.width - 2 * Theme.margin
        spacing: Theme.spacing

        KioskText {
            Layout.fillWidth: true
            text: qsTr("预约签到")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }

        // Before anything is asked: the two ways in.
        ColumnLayout {
            objectName: "appointmentWays"
            Layout.fillWidth: true
            visible: !Kiosk.identified && Hall.stage !== QueueTicketing.Stage.Loading
            spacing: Theme.spacing
            KioskButton {
                objectName: "appointmentByCardButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("刷身份证签到")
                onClicked: Kiosk.identifyForAppointments()
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("或者打开手机上的预约记录，把预约二维码对准下方扫码口。")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
        }

        KioskText {
            objectName: "appointmentsState"
            Layout.fillWidth: true
            visible: text !== ""
            text: {
                if (Hall.stage === QueueTicketing.Stage.Loading) return qsTr("正在查询您的预约…");
                if (Hall.stage !== QueueTicketing.Stage.Failed) return "";
                switch (Hall.problem) {
                case "no_appointment_today": return qsTr("您今天在本大厅没有预约。可以返回首页直接取号。");
                case "other_hall": return qsTr("这个预约不在本大厅，请到%1签到。").arg(Hall.otherHall);
                case "not_today": return qsTr("这个预约不是今天的，请在预约当天来签到。");
                case "already_checked_in": return qsTr("这个预约已经签到过了，请留意叫号。");
                case "appointment_unknown": return qsTr("没有找到这个预约，请核对预约码，或到咨询台询问。");
                case "code_not_an_appointment": return qsTr("这不是预约二维码。请在手机上打开预约记录里的二维码。");
                case "group_closed": return qsTr("预约的窗口现在暂停办理，请到咨询台询问。");
                case "platform_offline": return qsTr("政务服务平台暂时连不上，现在不能签到。请到咨询台签到。");
                }
                return qsTr("暂时不能签到，请到咨询台签到。");
            }
            font.pixelSize: Theme.fontBody
            color: Hall.stage === QueueTicketing.Stage.Failed ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
        }
    }

    ListView {
        objectName: "appointmentList"
        anchors.top: screen.sideBySide ? topBar.bottom : intro.bottom
        anchors.left: screen.sideBySide ? intro.right : parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        anchors.margins: Theme.margin
        anchors.topMargin: screen.sideBySide ? Theme.margin : Theme.spacing
        clip: true
        spacing: Theme.spacing
        model: Hall.appointments
        delegate: Rectangle {
            required property var modelData
            width: ListView.view.width
            implicitHeight: appointmentRow.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            RowLayout {
                id: appointmentRow
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2").arg(modelData.time).arg(modelData.group)
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        Layout.fillWidth: true
                        text: modelData.inThisHall ? qsTr("本大厅") : qsTr("不在本大厅：请到%1签到").arg(modelData.hall)
                        font.pixelSize: Theme.fontBody
                        color: modelData.inThisHall ? Theme.textMuted : Theme.accent
                        wrapMode: Text.Wrap
                    }
                }
                KioskButton {
                    objectName: "checkIn_" + modelData.id
                    visible: modelData.inThisHall
                    Layout.preferredWidth: Math.max(240, snugWidth)
                    primary: true
                    enabled: Hall.stage !== QueueTicketing.Stage.Loading
                    text: qsTr("签到")
                    onClicked: Hall.checkIn(modelData.id)
                }
            }
        }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        KioskButton {
            objectName: "backButton"
            anchors.centerIn: parent
            width: 600
            text: qsTr("返回")
            onClicked: Kiosk.backToHome()
        }
    }
}
