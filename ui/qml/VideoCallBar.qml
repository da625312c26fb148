import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A video help call in progress, along the bottom of every screen: the agent's picture and name,
// what the agent cannot get from this kiosk (its camera or microphone missing), and hang-up. The
// resident's screen stays in view above it, because that screen is what the agent is there to
// guide; Main.qml moves the screens up to make room.
Rectangle {
    id: bar
    objectName: "videoCallBar"

    readonly property bool inCall: VideoHelp.state === VideoCall.InCall
    // The desk's name for the agent already says who they are ("坐席 01", "Agent 01"): it is not
    // prefixed again, and an agent without one is just "the agent".
    readonly property string agentName: (Kiosk.language === "en" ? VideoHelp.agentNameEn : VideoHelp.agentNameZh) || qsTr("工作人员")
    // On a wide canvas hang-up stands at the right of the texts instead of under them, so that
    // the bar is no taller than the agent's picture and leaves the short canvas to the screen.
    readonly property bool wide: ScreenLayout.columns > 1

    visible: VideoHelp.state === VideoCall.Connecting || inCall
    height: visible ? Math.max(agentVideo.height, column.implicitHeight, wide ? hangUp.height : 0) + 2 * Theme.spacing : 0
    color: Theme.primaryDark

    // The bar takes its own touches, so none falls through to the screen underneath.
    MouseArea { anchors.fill: parent }

    CameraPreview {
        id: agentVideo
        objectName: "videoCallAgentVideo"
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.elder ? 400 : 320
        height: width * 3 / 4
        camera: bar.visible ? "assist_agent" : ""
    }

    ColumnLayout {
        id: column
        anchors.left: agentVideo.right
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.spacing
        // Room for hang-up at the right on a wide canvas (a margin, not an anchor, as the button
        // moves between the bar and the column).
        anchors.rightMargin: bar.wide ? hangUp.width + 2 * Theme.spacing : Theme.spacing
        spacing: Theme.spacing / 2

        KioskText {
            objectName: "videoCallStatus"
            Layout.fillWidth: true
            text: bar.inCall ? qsTr("%1 正在为您服务").arg(bar.agentName)
                             : qsTr("%1 已接听，正在连接……").arg(bar.agentName)
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.textOnPrimary
            wrapMode: Text.Wrap
        }
        KioskText {
            Layout.fillWidth: true
            text: qsTr("工作人员能看到本机屏幕。本机不录音、不录像。")
            font.pixelSize: Theme.fontSmall
            color: Theme.textOnPrimaryMuted
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "videoCallNoCamera"
            Layout.fillWidth: true
            visible: bar.inCall && !VideoHelp.sendsCamera
            text: qsTr("摄像头不可用：工作人员听得到您，也看得到屏幕，但看不到您。")
            font.pixelSize: Theme.fontSmall
            color: Theme.gold
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "videoCallNoMicrophone"
            Layout.fillWidth: true
            visible: bar.inCall && !VideoHelp.sendsMicrophone
            text: qsTr("麦克风不可用：工作人员听不到您，但能看到您和屏幕。")
            font.pixelSize: Theme.fontSmall
            color: Theme.gold
            wrapMode: Text.Wrap
        }
        // Under the texts on a tall canvas: the button itself is reparented here.
        Item {
            id: hangUpSlot
            Layout.alignment: Qt.AlignRight
            visible: !bar.wide
            implicitWidth: hangUp.width
            implicitHeight: hangUp.height
        }
    }

    KioskButton {
        id: hangUp
        objectName: "videoCallHangUp"
        parent: bar.wide ? bar : hangUpSlot
        x: bar.wide ? bar.width - width - Theme.spacing : 0
        y: bar.wide ? (bar.height - height) / 2 : 0
        width: Math.max(260, snugWidth)
        primary: true
        text: qsTr("挂断")
        onClicked: VideoHelp.hangUp()
    }
}
