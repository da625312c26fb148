import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 取号: the hall's counter groups, each with the people waiting and the estimated wait; a tap
// takes a ticket for an open group. In elder mode the resident is asked first whether they want
// the priority queue for elders. On a wide canvas (ScreenLayout.columns) the words stand at the
// left and the groups at the right, so the list keeps the screen's height.
Item {
    id: screen
    objectName: "ticketsScreen"

    signal helpRequested()
    // The group an elder resident chose, while the priority question is open.
    property string askedGroup: ""
    readonly property bool sideBySide: ScreenLayout.columns > 1

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    ColumnLayout {
        id: intro
        objectName: "ticketsIntro"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.margins: Theme.margin
        width: screen.sideBySide ? Math.round((screen.width - 3 * Theme.margin) * 0.38) : screen.width - 2 * Theme.margin
        spacing: Theme.spacing

        KioskText {
            Layout.fillWidth: true
            text: qsTr("取号")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskText {
            Layout.fillWidth: true
            text: qsTr("请选择要去的窗口，取号后请留意叫号屏。")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "ticketsState"
            Layout.fillWidth: true
            visible: text !== ""
            text: {
                if (Hall.stage === QueueTicketing.Stage.Loading) return qsTr("正在连接大厅排队系统…");
                if (Hall.stage !== QueueTicketing.Stage.Failed) return "";
                if (Hall.problem === "group_closed") return qsTr("这类窗口现在不办理业务，请选择其他窗口，或到咨询台询问。");
                if (Hall.problem === "platform_offline") return qsTr("政务服务平台暂时连不上，现在不能取号。请到咨询台取号，或稍后再试。");
                return qsTr("暂时不能取号，请到咨询台取号。");
            }
            font.pixelSize: Theme.fontBody
            color: Hall.stage === QueueTicketing.Stage.Failed ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
        }
        KioskButton {
            objectName: "reloadGroupsButton"
            visible: Hall.stage === QueueTicketing.Stage.Failed && Hall.problem === "platform_offline"
            Layout.preferredWidth: Math.max(320, snugWidth)
            text: qsTr("重试")
            onClicked: Hall.reload()
        }
    }

    ListView {
        objectName: "groupList"
        anchors.top: screen.sideBySide ? topBar.bottom : intro.bottom
        anchors.left: screen.sideBySide ? intro.right : parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        anchors.margins: Theme.margin
        anchors.topMargin: screen.sideBySide ? Theme.margin : Theme.spacing
        clip: true
        spacing: Theme.spacing
        model: Hall.groups
        delegate: Rectangle {
            required property var modelData
            objectName: "group_" + modelData.id
            width: ListView.view.width
            implicitHeight: groupRow.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: modelData.open ? Theme.surface : Theme.background
            border.color: Theme.border
            border.width: 2
            RowLayout {
                id: groupRow
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    KioskText {
                        Layout.fillWidth: true
                        text: modelData.name
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                        color: modelData.open ? Theme.text : Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        objectName: "groupWaiting"
                        Layout.fillWidth: true
                        text: modelData.open ? qsTr("等候 %1 人 · 约 %2 分钟").arg(modelData.waiting).arg(modelData.estimatedWaitMin)
                                             : qsTr("暂停办理")
                        font.pixelSize: Theme.fontBody
                        color: modelData.open ? Theme.primaryDark : Theme.accent
                        wrapMode: Text.Wrap
                    }
                }
                KioskButton {
                    objectName: "takeTicket_" + modelData.id
                    Layout.preferredWidth: Math.max(240, snugWidth)
                    primary: modelData.open
                    enabled: modelData.open && Hall.stage !== QueueTicketing.Stage.Loading
                    text: qsTr("取号")
                    onClicked: {
                        if (Kiosk.elderMode)
                            screen.askedGroup = modelData.id;
                        else
                            Hall.takeTicket(modelData.id, false);
                    }
                }
            }
        }
    }

    // Elder mode: the priority queue is offered before the ticket is taken.
    Rectangle {
        objectName: "priorityQuestion"
        anchors.fill: parent
        visible: screen.askedGroup !== ""
        color: "#B0000000"
        MouseArea { anchors.fill: parent }
        Rectangle {
            objectName: "priorityQuestionPanel"
            anchors.centerIn: parent
            // A question to read at a glance: not stretched across a landscape panel.
            width: Math.min(parent.width - 2 * Theme.margin, 1100)
            implicitHeight: question.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            ColumnLayout {
                id: question
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("您是否需要老年人优先窗口？")
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("65 岁以上的老年人可以走优先通道，工作人员可能会核对您的身份证。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                KioskButton {
                    objectName: "priorityYesButton"
                    Layout.fillWidth: true
                    primary: true
                    text: qsTr("需要，走优先窗口")
                    onClicked: { Hall.takeTicket(screen.askedGroup, true); screen.askedGroup = ""; }
                }
                KioskButton {
                    objectName: "priorityNoButton"
                    Layout.fillWidth: true
                    text: qsTr("不需要，普通排队")
                    onClicked: { Hall.takeTicket(screen.askedGroup, false); screen.askedGroup = ""; }
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
