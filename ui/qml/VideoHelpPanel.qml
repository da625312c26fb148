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
    // On a wide canvas (1920 × 1080 and 1366 × 768 landscape panels) each view puts what it says
    // on the left and what the resident can do on the right, so that the card stays a few lines
    // high on a canvas only 1080 units tall instead of stretching sentences across 1800 units.
    readonly property bool wide: ScreenLayout.columns > 1
    readonly property real asideWidth: Theme.elder ? 620 : 520

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
        id: card
        anchors.centerIn: parent
        width: panel.wide ? Math.min(parent.width - 2 * Theme.margin, 1600) : parent.width - 2 * Theme.margin
        // A short canvas (or elder type) scrolls the card rather than cutting its text.
        height: Math.min(column.implicitHeight + 2 * Theme.margin, parent.height - 2 * Theme.margin)
        radius: Theme.radius
        color: Theme.surface

        Flickable {
            objectName: "videoHelpScroll"
            anchors.fill: parent
            anchors.margins: Theme.margin
            contentWidth: width
            contentHeight: column.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            interactive: contentHeight > height

            ColumnLayout {
                id: column
                width: parent.width
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
                Item {
                    objectName: "videoHelpConsent"
                    visible: panel.state === VideoCall.Consent
                    Layout.fillWidth: true
                    implicitHeight: panel.wide ? Math.max(consentTexts.implicitHeight, consentButtons.implicitHeight)
                                               : consentTexts.implicitHeight + Theme.spacing + consentButtons.implicitHeight
                    ColumnLayout {
                        id: consentTexts
                        objectName: "videoHelpConsentTexts"
                        width: panel.wide ? parent.width - panel.asideWidth - Theme.margin : parent.width
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
                    }
                    // Side by side under the texts on a tall canvas; stacked beside them on a wide
                    // one, the call first.
                    GridLayout {
                        id: consentButtons
                        x: panel.wide ? parent.width - width : 0
                        y: panel.wide ? 0 : consentTexts.implicitHeight + Theme.spacing
                        width: panel.wide ? panel.asideWidth : parent.width
                        columns: panel.wide ? 1 : 2
                        rowSpacing: Theme.spacing
                        columnSpacing: Theme.spacing
                        KioskButton {
                            objectName: "videoHelpDecline"
                            Layout.fillWidth: true
                            Layout.row: panel.wide ? 1 : 0
                            Layout.column: 0
                            text: qsTr("返回")
                            onClicked: VideoHelp.dismiss()
                        }
                        KioskButton {
                            objectName: "videoHelpAgree"
                            Layout.fillWidth: true
                            Layout.row: 0
                            Layout.column: panel.wide ? 0 : 1
                            primary: true
                            text: qsTr("同意并呼叫")
                            onClicked: VideoHelp.agree(Kiosk.language, Kiosk.session.stateName, Kiosk.elderMode)
                        }
                    }
                }

                // The queue: the resident's place, which the voice says too.
                Item {
                    objectName: "videoHelpQueue"
                    visible: panel.state === VideoCall.Queued
                    Layout.fillWidth: true
                    implicitHeight: panel.wide ? Math.max(queueWords.implicitHeight, queueAside.implicitHeight)
                                               : queueWords.implicitHeight + Theme.spacing + queueAside.implicitHeight
                    KioskText {
                        id: queueWords
                        objectName: "videoHelpQueueText"
                        width: panel.wide ? parent.width - panel.asideWidth - Theme.margin : parent.width
                        text: qsTr("正在为您呼叫工作人员，请稍候。您可以继续办理，工作人员接听时会提醒您。")
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    ColumnLayout {
                        id: queueAside
                        x: panel.wide ? parent.width - width : 0
                        y: panel.wide ? 0 : queueWords.implicitHeight + Theme.spacing
                        width: panel.wide ? panel.asideWidth : parent.width
                        spacing: Theme.spacing
                        KioskText {
                            objectName: "videoHelpQueuePosition"
                            Layout.fillWidth: true
                            text: panel.queueText()
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: Theme.primary
                            wrapMode: Text.Wrap
                        }
                        KioskButton {
                            objectName: "videoHelpLeaveQueue"
                            Layout.alignment: Qt.AlignRight
                            Layout.fillWidth: panel.wide
                            implicitWidth: Math.max(360, snugWidth)
                            text: qsTr("取消呼叫")
                            onClicked: VideoHelp.hangUp()
                        }
                    }
                }

                // The end, or why there was no call and what to do instead.
                Item {
                    objectName: "videoHelpEnd"
                    visible: panel.state === VideoCall.Ended || panel.state === VideoCall.Failed
                    Layout.fillWidth: true
                    implicitHeight: panel.wide ? Math.max(outcome.implicitHeight, closeButton.implicitHeight)
                                               : outcome.implicitHeight + Theme.spacing + closeButton.implicitHeight
                    KioskText {
                        id: outcome
                        objectName: "videoHelpOutcome"
                        width: panel.wide ? parent.width - panel.asideWidth - Theme.margin : parent.width
                        text: panel.state === VideoCall.Ended ? qsTr("视频通话已结束。") : panel.failureText()
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    KioskButton {
                        id: closeButton
                        objectName: "videoHelpClose"
                        x: parent.width - width
                        y: panel.wide ? 0 : outcome.implicitHeight + Theme.spacing
                        width: panel.wide ? panel.asideWidth : Math.max(300, snugWidth)
                        primary: true
                        text: qsTr("我知道了")
                        onClicked: VideoHelp.dismiss()
                    }
                }
            }
        }
    }
}
