import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// An item the platform decides at once (秒办): the case is filed, the document it issues comes
// out of the document printer, and the receipt out of the receipt printer. Each step says what
// is happening; a failure says what the resident can do, and nothing is half-done silently.
Item {
    id: screen
    objectName: "deliveryScreen"

    signal helpRequested()

    readonly property int stage: Services.deliveryStage
    readonly property bool done: stage === DocumentDelivery.Stage.Done
    readonly property bool failed: stage === DocumentDelivery.Stage.Failed
    readonly property bool approved: Services.deliveryCaseStatus === Services.CaseStatus.Approved

    readonly property string problemText: {
        const p = Services.deliveryProblem;
        if (p === "platform_offline") return qsTr("暂时连不上政务服务平台。请稍后再试，或到人工窗口办理。");
        if (p === "payment_unknown") return qsTr("无法确认这笔缴费是否到账。请记下办件编号，请工作人员查询，不要重复缴费。");
        if (p === "platform_refused") return qsTr("平台没有受理这项业务。请到人工窗口咨询。");
        if (p === "no_printer") return qsTr("文件打印机暂时无法使用，文件没有打印。请联系工作人员。");
        if (p.startsWith("printer:media-empty")) return qsTr("打印机缺纸，文件没有打印完。请联系工作人员补纸后重新打印。");
        if (p.startsWith("printer:")) return qsTr("打印机出现故障，文件没有打印出来。请联系工作人员。");
        return qsTr("这项业务没有办完。请到人工窗口咨询。");
    }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        showExit: false
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas (landscape, 5:4) rather than cut text or hide a button.
    ScrollingPage {
        objectName: "deliveryPage"
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
            color: screen.failed ? Theme.accent : screen.done ? Theme.success : Theme.primary
            KioskText {
                anchors.centerIn: parent
                text: screen.failed ? "!" : screen.done ? "✓" : "…"
                font.pixelSize: 96
                font.bold: true
                color: Theme.textOnPrimary
            }
        }
        KioskText {
            objectName: "deliveryTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: {
                switch (screen.stage) {
                case DocumentDelivery.Stage.Filing: return qsTr("正在办理…");
                case DocumentDelivery.Stage.Fetching: return qsTr("正在获取文件…");
                case DocumentDelivery.Stage.Printing: return qsTr("正在打印，请稍候…");
                case DocumentDelivery.Stage.Done:
                    if (Services.documentPrinted) return qsTr("已办结，文件已打印");
                    return screen.approved ? qsTr("已办结") : qsTr("办理结果");
                case DocumentDelivery.Stage.Failed: return qsTr("没有办完");
                }
                return qsTr("正在办理…");
            }
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
            visible: Services.deliveryCaseNumber !== ""
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
                    text: qsTr("办件编号")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                KioskText {
                    objectName: "deliveryCaseNumber"
                    Layout.fillWidth: true
                    text: Services.deliveryCaseNumber
                    font.pixelSize: 52
                    font.bold: true
                    font.letterSpacing: 2
                    color: Theme.primaryDark
                    wrapMode: Text.WrapAnywhere
                }
                KioskText {
                    objectName: "deliveryMessage"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: Services.deliveryMessage
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
        }
        KioskText {
            objectName: "documentHint"
            Layout.fillWidth: true
            visible: Services.documentPrinted
            text: qsTr("文件已从文件出口打印出来，请取走。文件带有电子签章，与窗口打印的具有同等效力。")
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
            lineHeight: 1.2
        }
        Rectangle {
            objectName: "deliveryProblem"
            Layout.fillWidth: true
            visible: screen.failed
            implicitHeight: problem.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: "#FDECEC"
            KioskText {
                id: problem
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                text: screen.problemText
                font.pixelSize: Theme.fontBody
                color: Theme.accent
                wrapMode: Text.Wrap
            }
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
                    Layout.fillWidth: true
                    text: Kiosk.receiptState === Kiosk.ReceiptState.Printing ? qsTr("回执正在打印，请从出纸口取走。")
                        : Kiosk.receiptState === Kiosk.ReceiptState.Printed ? qsTr("回执已打印，请从出纸口取走。")
                        : qsTr("回执没有打印出来，请记下上面的编号，或重新打印。")
                    font.pixelSize: Theme.fontBody
                    color: Kiosk.receiptState === Kiosk.ReceiptState.Failed ? Theme.warning : Theme.text
                    wrapMode: Text.Wrap
                }
                KioskButton {
                    visible: Kiosk.receiptState === Kiosk.ReceiptState.Failed || Kiosk.receiptState === Kiosk.ReceiptState.Printed
                    Layout.preferredWidth: 260
                    text: qsTr("重新打印")
                    onClicked: Kiosk.printReceipt()
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
        KioskButton {
            objectName: "finishButton"
            anchors.centerIn: parent
            width: 600
            visible: screen.done || screen.failed
            primary: true
            text: Services.deliveryCaseNumber !== "" ? qsTr("完成，评价本次服务") : qsTr("结束")
            onClicked: Services.deliveryCaseNumber !== "" ? Kiosk.continueToRating() : Kiosk.skipRating()
        }
    }
}
