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

    // The code is never scrolled: a resident must not have to find it. On a part taller than it
    // is wide (the tall kiosk) it stands whole between the words, which leave room for it; on
    // one wider than tall (landscape, 5:4, the tall kiosk in reach mode) it stands at the left,
    // whole and still, and the words beside it scroll if they must.
    Item {
        id: body
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        readonly property bool stacked: height > width
        // 520 units (560 in elder mode) is about 13 cm on the kiosk's 21.5-inch panel. The side
        // gives way to the room there is, never below 400 units (10 cm): a phone reads a code
        // from about ten times its side, beyond an arm's length. The test and the walk check it.
        readonly property real preferredSide: Theme.elder ? 560 : 520
        // The narrowest the words beside the code may be.
        readonly property real wordsMinimum: 400
        readonly property real codeSide: {
            if (!screen.pending)
                return 0;
            if (stacked)
                return Math.min(preferredSide, width - 2 * Theme.margin);
            return Math.max(0, Math.min(preferredSide, height - 2 * Theme.margin, width - 3 * Theme.margin - wordsMinimum));
        }

        Item {
            id: besideSlot
            x: Theme.margin
            y: Theme.margin
            width: body.stacked ? 0 : body.codeSide
            height: body.codeSide
        }

        PaymentCode {
            id: code
            objectName: "paymentCode"
            parent: body.stacked ? stackedSlot : besideSlot
            x: (parent.width - width) / 2
            y: 0
            visible: screen.pending
            text: Payment.code
            width: body.codeSide
            height: width
        }

        ScrollingPage {
            objectName: "paymentPage"
            anchors.fill: parent
            anchors.leftMargin: body.stacked || body.codeSide === 0 ? 0 : besideSlot.width + Theme.margin

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
            // What the amount is now: due, paid, or not charged at all once the payment is over.
            KioskText {
                objectName: "paymentAmount"
                Layout.fillWidth: true
                horizontalAlignment: body.stacked ? Text.AlignHCenter : Text.AlignLeft
                text: {
                    switch (screen.state) {
                    case FeePayment.State.Paid: return qsTr("已缴金额 %1").arg(Payment.amount);
                    case FeePayment.State.Expired: return qsTr("未扣款（%1 未支付）").arg(Payment.amount);
                    case FeePayment.State.Cancelled: return qsTr("未扣款（%1 已取消）").arg(Payment.amount);
                    }
                    return qsTr("应缴金额 %1").arg(Payment.amount);
                }
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.primaryDark
                wrapMode: Text.Wrap
            }
            Item {
                id: stackedSlot
                Layout.fillWidth: true
                visible: body.stacked && screen.pending
                Layout.preferredHeight: body.codeSide
            }
            KioskText {
                objectName: "paymentCountdown"
                Layout.fillWidth: true
                horizontalAlignment: body.stacked ? Text.AlignHCenter : Text.AlignLeft
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
            Item { Layout.fillHeight: true }
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
