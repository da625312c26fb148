import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A fee item's payment (缴费): the amount, the payment code large enough for a phone held at arm's
// length, and the time left to pay. Whatever happens, the screen says where the payment stands:
// waiting, paid, expired (a new code, or leave), cancelled, or not known (ask staff, with the
// case number). Leaving, or the idle wipe, cancels an open payment at the platform.
Item {
    id: screen
    objectName: "paymentScreen"

    signal helpRequested()

    readonly property int state: Payment.state
    readonly property bool pending: state === FeePayment.State.Pending
    readonly property bool over: state === FeePayment.State.Expired || state === FeePayment.State.Cancelled

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas rather than cut text or hide the code. On a wide canvas
    // (ScreenLayout.columns) the code stands at the left and what it is for at the right, so the
    // code keeps its size without pushing the words below the footer.
    ScrollingPage {
        objectName: "paymentPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        Item {
            id: body
            readonly property bool sideBySide: ScreenLayout.columns > 1
            // About 9 cm on the kiosk's 21.5-inch screen: a phone reads it from arm's length.
            readonly property real codeSize: Theme.elder ? 560 : 520
            Layout.fillWidth: true
            implicitHeight: sideBySide ? Math.max(code.height, about.implicitHeight + Theme.spacing + status.implicitHeight)
                                       : about.implicitHeight + code.height + status.implicitHeight + 2 * Theme.spacing

            ColumnLayout {
                id: about
                x: body.sideBySide ? code.width + 2 * Theme.spacing : 0
                width: body.width - x
                spacing: Theme.spacing
                KioskText {
                    objectName: "paymentTitle"
                    Layout.fillWidth: true
                    text: {
                        switch (screen.state) {
                        case FeePayment.State.Pending: return qsTr("请用手机扫码缴费");
                        case FeePayment.State.Cancelling: return qsTr("正在取消缴费…");
                        case FeePayment.State.Paid: return qsTr("缴费成功");
                        case FeePayment.State.Expired: return qsTr("付款码已过期");
                        case FeePayment.State.Cancelled: return qsTr("缴费已取消");
                        }
                        return qsTr("请用手机扫码缴费");
                    }
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: screen.over ? Theme.accent : Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    objectName: "paymentItem"
                    Layout.fillWidth: true
                    text: Payment.itemName + (Payment.feeName ? " · " + Payment.feeName : "")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                KioskText {
                    objectName: "paymentAmount"
                    Layout.alignment: body.sideBySide ? Qt.AlignLeft : Qt.AlignHCenter
                    text: qsTr("应缴金额 %1").arg(Payment.amount)
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.primaryDark
                }
            }
            PaymentCode {
                id: code
                objectName: "paymentCode"
                x: body.sideBySide ? 0 : (body.width - width) / 2
                y: body.sideBySide ? 0 : about.implicitHeight + Theme.spacing
                visible: screen.pending
                text: Payment.code
                width: screen.pending ? body.codeSize : 0
                height: width
            }
            ColumnLayout {
                id: status
                x: about.x
                y: body.sideBySide ? about.implicitHeight + Theme.spacing : code.y + code.height + Theme.spacing
                width: about.width
                spacing: Theme.spacing
                KioskText {
                    objectName: "paymentCountdown"
                    Layout.fillWidth: true
                    horizontalAlignment: body.sideBySide ? Text.AlignLeft : Text.AlignHCenter
                    visible: screen.pending
                    text: qsTr("支持微信、支付宝、云闪付。付款码 %1 后失效").arg(Payment.countdown)
                    font.pixelSize: Theme.fontBody
                    color: Payment.secondsLeft < 60 ? Theme.accent : Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    objectName: "paymentState"
                    Layout.fillWidth: true
                    text: {
                        switch (screen.state) {
                        case FeePayment.State.Pending:
                            return Payment.application ? qsTr("支付完成后申请即提交办理，本机打印财政电子票据和回执。")
                                                       : qsTr("支付完成后本机自动继续办理，并打印文件和财政电子票据。");
                        case FeePayment.State.Cancelling: return qsTr("请稍候，正在向平台确认。");
                        case FeePayment.State.Paid: return qsTr("已收到您的缴费，正在继续办理。");
                        case FeePayment.State.Expired: return qsTr("没有收到付款，这笔缴费已失效，不会扣款。可以获取新的付款码，或离开。");
                        case FeePayment.State.Cancelled: return qsTr("这笔缴费已取消，不会扣款。可以获取新的付款码，或离开。");
                        }
                        return "";
                    }
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
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
            objectName: screen.over ? "leaveButton" : "cancelPaymentButton"
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            width: 360
            enabled: screen.pending || screen.over
            text: screen.over ? qsTr("离开") : qsTr("取消缴费")
            onClicked: screen.over ? Kiosk.endSession() : Payment.cancel()
        }
        KioskButton {
            objectName: "newCodeButton"
            visible: screen.over
            anchors.verticalCenter: parent.verticalCenter
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            width: 440
            primary: true
            text: qsTr("获取新的付款码")
            onClicked: Payment.renew()
        }
    }
}
