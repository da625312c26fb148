import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 窗口领取 / 免费邮寄: for an item whose document may be posted, how it reaches the resident,
// chosen before the review. Side by side on a wide canvas, one above the other on a tall one.
Item {
    id: screen
    objectName: "postChoiceScreen"

    signal helpRequested()
    readonly property bool sideBySide: ScreenLayout.columns > 1

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    ScrollingPage {
        objectName: "postChoicePage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        KioskText {
            Layout.fillWidth: true
            text: qsTr("请选择领取方式")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskText {
            Layout.fillWidth: true
            text: Kiosk.selectedItem.name || ""
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.primary
            wrapMode: Text.Wrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: screen.sideBySide ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Repeater {
                model: [
                    { id: "pickup", title: qsTr("窗口领取"), note: qsTr("办结后凭回执到大厅窗口领取。") },
                    { id: "post", title: qsTr("免费邮寄"), note: qsTr("办结后由EMS寄到您指定的地址，邮费由政府承担。寄出后可在办件查询中看到运单号。") }
                ]
                delegate: Rectangle {
                    required property var modelData
                    objectName: "postChoice_" + modelData.id
                    readonly property bool keypadTarget: true
                    Layout.fillWidth: true
                    implicitHeight: choiceColumn.implicitHeight + 2 * Theme.margin
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: modelData.id === "post" ? Theme.primary : Theme.border
                    border.width: 3
                    ColumnLayout {
                        id: choiceColumn
                        x: Theme.margin
                        y: Theme.margin
                        width: parent.width - 2 * Theme.margin
                        spacing: 12
                        KioskText {
                            Layout.fillWidth: true
                            text: modelData.title
                            font.pixelSize: Theme.fontHeading
                            font.bold: true
                            color: Theme.primaryDark
                            wrapMode: Text.Wrap
                        }
                        KioskText {
                            Layout.fillWidth: true
                            text: modelData.note
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: modelData.id === "post" ? Post.choosePost() : Post.choosePickup()
                    }
                }
            }
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
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            KioskButton {
                objectName: "postChoiceBack"
                Layout.minimumWidth: 300
                text: qsTr("修改申请")
                onClicked: Form.backToForm()
            }
            Item { Layout.fillWidth: true }
        }
    }
}
