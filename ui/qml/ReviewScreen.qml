import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The last look before filing: every answer, and one clear button to submit. A submission the
// kiosk could not even store comes back here with the reason.
Item {
    id: screen
    objectName: "reviewScreen"

    signal helpRequested()

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas (landscape, 5:4) rather than cut text or hide a button.
    ScrollingPage {
        objectName: "reviewPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        KioskText {
            Layout.fillWidth: true
            text: qsTr("请确认申请信息")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        KioskText {
            Layout.fillWidth: true
            text: Kiosk.selectedItem.name || ""
            font.pixelSize: Theme.fontBody
            color: Theme.primary
            font.bold: true
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: answers.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            ColumnLayout {
                id: answers
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                spacing: 16
                Repeater {
                    model: Form.fields
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        KioskText {
                            Layout.preferredWidth: 300
                            text: modelData.label
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                        KioskText {
                            Layout.fillWidth: true
                            text: {
                                if (modelData.entry !== Form.Entry.Select)
                                    return modelData.value;
                                for (const option of modelData.options) {
                                    if (option.value === modelData.value)
                                        return option.label;
                                }
                                return modelData.value;
                            }
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
        // How the document comes, for an item that may be posted (免费邮寄); the address masked.
        Rectangle {
            objectName: "reviewDelivery"
            Layout.fillWidth: true
            visible: Post.offered && Post.method !== Post.Method.None
            implicitHeight: deliveryRow.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            RowLayout {
                id: deliveryRow
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                spacing: Theme.spacing
                KioskText {
                    objectName: "reviewDeliveryText"
                    Layout.fillWidth: true
                    text: Post.method === Post.Method.Post
                          ? qsTr("免费邮寄至 %1\n收件人 %2  电话 %3").arg(Post.maskedAddress).arg(Post.maskedRecipient).arg(Post.maskedPhone)
                          : qsTr("窗口领取")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskButton {
                    objectName: "reviewDeliveryChange"
                    Layout.preferredWidth: Math.max(200, snugWidth)
                    text: qsTr("更改")
                    onClicked: Post.change()
                }
            }
        }
        Rectangle {
            objectName: "notStored"
            Layout.fillWidth: true
            visible: Kiosk.outcome === Kiosk.Outcome.NotStored
            implicitHeight: notStoredText.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: "#FDECEC"
            KioskText {
                id: notStoredText
                objectName: "notStoredText"
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                // A fee item is filed live and never kept to send later: without the platform
                // nothing was filed or charged, and what the resident entered is still here.
                text: Kiosk.outcomeDetail === "fee_needs_platform"
                      ? qsTr("暂时连不上政务服务平台。缴费事项必须联网提交并当场缴费，这份申请没有提交，也没有扣费。您填写的内容还在，可以稍后再点“确认提交”，或到人工窗口办理。")
                      : qsTr("本机暂时无法保存申请（存储空间不足或设备故障），您的信息没有提交。请联系工作人员，或到人工窗口办理。")
                font.pixelSize: Theme.fontBody
                color: Theme.accent
                wrapMode: Text.Wrap
            }
        }
        KioskText {
            Layout.fillWidth: true
            text: qsTr("提交后将生成办件编号，您可以凭编号查询办理进度。")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
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
            spacing: Theme.spacing
            KioskButton {
                Layout.preferredWidth: 300
                text: qsTr("修改")
                onClicked: Form.backToForm()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "submitButton"
                Layout.preferredWidth: 420
                primary: true
                text: qsTr("确认提交")
                onClicked: Kiosk.submitApplication()
            }
        }
    }
}
