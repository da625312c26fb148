import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// What became of the application: filed with a case number, queued with a local reference and
// a plain account of what happens next, or refused with the reason and where to go.
Item {
    id: screen
    objectName: "resultScreen"

    signal helpRequested()

    readonly property bool filed: Kiosk.outcome === Kiosk.Outcome.Filed
    readonly property bool queued: Kiosk.outcome === Kiosk.Outcome.Queued

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        showExit: false
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas (landscape, 5:4) rather than cut text or hide a button.
    ScrollingPage {
        objectName: "resultPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.margin
            implicitWidth: 160
            implicitHeight: 160
            radius: 80
            color: screen.filed || screen.queued ? Theme.success : Theme.accent
            KioskText {
                anchors.centerIn: parent
                text: screen.filed || screen.queued ? "✓" : "!"
                font.pixelSize: 96
                font.bold: true
                color: Theme.textOnPrimary
            }
        }
        KioskText {
            objectName: "resultTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.filed ? qsTr("申请已提交") : screen.queued ? qsTr("申请已保存，将自动提交") : qsTr("申请未被受理")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: Kiosk.selectedItem.name || ""
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillWidth: true
            visible: (screen.filed || screen.queued) && Kiosk.bundledOutcomes.length === 0
            implicitHeight: numberColumn.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            ColumnLayout {
                id: numberColumn
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: 12
                KioskText {
                    text: screen.filed ? qsTr("办件编号") : qsTr("本机受理编号")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                KioskText {
                    objectName: "caseNumber"
                    Layout.fillWidth: true
                    text: screen.filed ? Kiosk.caseNumber : Kiosk.localReference
                    font.pixelSize: 52
                    font.bold: true
                    font.letterSpacing: 2
                    color: Theme.primaryDark
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
        // An application with a fee: what was paid, and where its proof is.
        KioskText {
            objectName: "resultPaid"
            Layout.fillWidth: true
            visible: screen.filed && Payment.application && Payment.paid !== ""
            text: qsTr("已缴费用 %1，财政电子票据已从文件打印机打印，请取走。").arg(Payment.paid)
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.primaryDark
            wrapMode: Text.Wrap
        }
        // 一件事一次办: every item of the theme with its own number.
        Repeater {
            model: Kiosk.bundledOutcomes
            delegate: Rectangle {
                required property var modelData
                objectName: "bundledCase"
                Layout.fillWidth: true
                implicitHeight: bundledColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                border.width: 2
                ColumnLayout {
                    id: bundledColumn
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: 4
                    KioskText {
                        Layout.fillWidth: true
                        text: modelData.item
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        Layout.fillWidth: true
                        text: modelData.outcome === Kiosk.Outcome.Filed ? modelData.reference
                            : modelData.outcome === Kiosk.Outcome.Queued ? qsTr("%1（已保存，将自动提交）").arg(modelData.reference)
                            : qsTr("未受理，请到人工窗口咨询")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: modelData.outcome === Kiosk.Outcome.Filed || modelData.outcome === Kiosk.Outcome.Queued ? Theme.primaryDark : Theme.accent
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }
        }
        KioskText {
            Layout.fillWidth: true
            text: screen.filed ? qsTr("请记下或拍下办件编号：在本机“办件查询”中输入编号，或拨打 12345、在“皖事通”中都可以查询办理进度。")
                 : screen.queued ? qsTr("政务服务平台暂时无法连接。您的申请已安全保存在本机，连接恢复后会自动提交，无需再来一次。提交后会生成办件编号，可凭身份证查询。")
                 : qsTr("平台没有受理这份申请（%1）。请到人工窗口咨询，工作人员可以看到这份申请。").arg(Kiosk.outcomeDetail)
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
            lineHeight: 1.2
        }
        Rectangle {
            objectName: "receiptStatus"
            Layout.fillWidth: true
            visible: Kiosk.receiptState !== Kiosk.ReceiptState.None
            implicitHeight: receiptRow.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Kiosk.receiptState === Kiosk.ReceiptState.Failed ? "#FFF4E0" : Theme.primaryLight
            RowLayout {
                id: receiptRow
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                spacing: Theme.spacing
                KioskText {
                    objectName: "receiptText"
                    Layout.fillWidth: true
                    text: Kiosk.receiptState === Kiosk.ReceiptState.Printing ? qsTr("回执正在打印，请从出纸口取走。")
                        : Kiosk.receiptState === Kiosk.ReceiptState.Printed ? qsTr("回执已打印，请从出纸口取走。")
                        : qsTr("回执没有打印出来，请记下上面的编号，或重新打印。")
                    font.pixelSize: Theme.fontBody
                    color: Kiosk.receiptState === Kiosk.ReceiptState.Failed ? Theme.warning : Theme.text
                    wrapMode: Text.Wrap
                }
                KioskButton {
                    objectName: "reprintButton"
                    visible: Kiosk.receiptState === Kiosk.ReceiptState.Failed || Kiosk.receiptState === Kiosk.ReceiptState.Printed
                    Layout.preferredWidth: 260
                    text: qsTr("重新打印")
                    onClicked: Kiosk.printReceipt()
                }
            }
        }
        // Refused: the resident may say the matter could not be got done (办不成事).
        KioskButton {
            objectName: "complaintAfterRefusal"
            Layout.fillWidth: true
            visible: !screen.filed && !screen.queued
            text: qsTr("办不成事？投诉建议")
            onClicked: Kiosk.startErrand(ResidentChoice.Errand.Complaint)
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
            objectName: "toRatingButton"
            anchors.centerIn: parent
            width: 600
            primary: true
            text: qsTr("完成，评价本次服务")
            onClicked: Kiosk.continueToRating()
        }
    }
}
