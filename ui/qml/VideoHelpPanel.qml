import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Video help (远程视频帮办) over whatever screen the resident is on, for the steps before and
// after a call: the consent first (camera and microphone on, the agent sees the screen, nothing
// recorded here, the other ways to get help, and a way back), then the queue with the
// resident's place in it, and at the end what became of the call and what to do now. The call
// itself is VideoCallBar, which leaves the resident's screen in view for the agent.
Rectangle {
    id: panel
    objectName: "videoHelpPanel"

    readonly property int state: VideoHelp.state
    readonly property int ahead: Math.max(0, VideoHelp.queuePosition - 1)

    visible: state === VideoCall.Consent || state === VideoCall.Queued || state === VideoCall.Ended || state === VideoCall.Failed
    color: Theme.scrim

    // Taps on the scrim do nothing: a call is left with its own button, never by accident.
    MouseArea { anchors.fill: parent }

    function failureText() {
        switch (VideoHelp.failure) {
        case VideoCall.NoAgents:
            return qsTr("现在没有工作人员在线。请稍后再试，或到大厅服务台找工作人员，也可以拨打 12345 政务服务热线。");
        case VideoCall.DeskClosed:
            return qsTr("现在不在视频帮办的服务时间，%1 开始服务。您可以到大厅服务台找工作人员，或拨打 12345 政务服务热线。").arg(VideoHelp.opensAt);
        case VideoCall.Network:
            return qsTr("网络中断，通话已结束。请再试一次，或到大厅服务台找工作人员。");
        case VideoCall.NoAnswer:
            return qsTr("暂时没有工作人员接听。请稍后再试，或到大厅服务台找工作人员，也可以拨打 12345 政务服务热线。");
        case VideoCall.Media:
            return qsTr("本机的音视频设备出现问题，无法通话。请到大厅服务台找工作人员，或拨打 12345 政务服务热线。");
        default:
            return qsTr("视频帮办暂时不可用。请到大厅服务台找工作人员，或拨打 12345 政务服务热线。");
        }
    }

    function queueText() {
        if (VideoHelp.queuePosition <= 0)
            return qsTr("正在为您排队……");
        if (ahead === 0)
            return qsTr("下一位就是您。");
        if (ahead === 1)
            return qsTr("您前面还有 1 位。");
        return qsTr("您前面还有 %1 位。").arg(ahead);
    }

    Rectangle {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
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
                objectName: "videoHelpTitle"
                Layout.fillWidth: true
                text: qsTr("视频帮办")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }

            // The consent: what will happen, before anything happens.
            ColumnLayout {
                objectName: "videoHelpConsent"
                visible: panel.state === VideoCall.Consent
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("接通后，本机的摄像头和麦克风会打开：工作人员能看到您、听到您，也能看到本机屏幕上的内容，帮您一步步办理。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("本机不录音、不录像，通话内容不在本机保存。")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("不想视频？您也可以到大厅服务台找工作人员，或拨打 12345 政务服务热线。")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    KioskButton {
                        objectName: "videoHelpDecline"
                        Layout.fillWidth: true
                        text: qsTr("返回")
                        onClicked: VideoHelp.dismiss()
                    }
                    KioskButton {
                        objectName: "videoHelpAgree"
                        Layout.fillWidth: true
                        primary: true
                        text: qsTr("同意并呼叫")
                        onClicked: VideoHelp.agree(Kiosk.language, Kiosk.session.stateName, Kiosk.elderMode)
                    }
                }
            }

            // The queue: the resident's place, which the voice says too.
            ColumnLayout {
                objectName: "videoHelpQueue"
                visible: panel.state === VideoCall.Queued
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("正在为您呼叫工作人员，请稍候。您可以继续办理，工作人员接听时会提醒您。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    objectName: "videoHelpQueuePosition"
                    Layout.fillWidth: true
                    text: panel.queueText()
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.primary
                    wrapMode: Text.Wrap
                }
            }

            // The end, or why there was no call and what to do instead.
            KioskText {
                objectName: "videoHelpOutcome"
                Layout.fillWidth: true
                visible: panel.state === VideoCall.Ended || panel.state === VideoCall.Failed
                text: panel.state === VideoCall.Ended ? qsTr("视频通话已结束。") : panel.failureText()
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
            }

            KioskButton {
                objectName: "videoHelpLeaveQueue"
                Layout.alignment: Qt.AlignRight
                implicitWidth: Math.max(360, snugWidth)
                visible: panel.state === VideoCall.Queued
                text: qsTr("取消呼叫")
                onClicked: VideoHelp.hangUp()
            }
            KioskButton {
                objectName: "videoHelpClose"
                Layout.alignment: Qt.AlignRight
                implicitWidth: Math.max(300, snugWidth)
                primary: true
                visible: panel.state === VideoCall.Ended || panel.state === VideoCall.Failed
                text: qsTr("我知道了")
                onClicked: VideoHelp.dismiss()
            }
        }
    }
}
