import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A service's guide (办事指南): who may apply, what to bring, how long it takes, what it costs,
// and how the kiosk will identify the resident, before they commit to anything.
Item {
    id: screen
    objectName: "guideScreen"

    readonly property var item: Kiosk.selectedItem
    signal helpRequested()

    UnavailableReason { id: unavailableReason }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    Flickable {
        id: flick
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        // Landscape: the guide on the left, the materials and notices beside it on the right.
        // Placed by hand, not by a GridLayout: nested layouts kept heights measured before
        // the text wrapped at its final width (theme cards squashed on a 5:4 panel).
        Item {
            id: content
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            readonly property bool sideBySide: ScreenLayout.columns > 1
            readonly property real columnWidth: sideBySide ? (width - 2 * Theme.spacing) / 2 : width
            implicitHeight: sideBySide ? Math.max(firstColumn.implicitHeight, secondColumn.y + secondColumn.implicitHeight)
                                       : secondColumn.y + secondColumn.implicitHeight

            ColumnLayout {
                id: firstColumn
                width: content.columnWidth
                spacing: Theme.spacing

                RowLayout {
                    spacing: 12
                    KindBadge {
                        kind: screen.item.kind || ""
                        instant: screen.item.instant || false
                    }
                    KioskText {
                        text: screen.item.department || ""
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                }
                KioskText {
                    objectName: "guideTitle"
                    Layout.fillWidth: true
                    text: screen.item.name || ""
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }

                Rectangle {
                    id: guideBox
                    Layout.fillWidth: true
                    implicitHeight: guideColumn.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: 2
                    ColumnLayout {
                        id: guideColumn
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        spacing: 12
                        KioskText {
                            text: qsTr("办事指南")
                            font.pixelSize: Theme.fontHeading
                            font.bold: true
                            color: Theme.primary
                        }
                        KioskText {
                            objectName: "guideText"
                            Layout.fillWidth: true
                            text: screen.item.guide || ""
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                            lineHeight: 1.25
                        }
                    }
                }
            }

            ColumnLayout {
                id: secondColumn
                x: content.sideBySide ? content.columnWidth + 2 * Theme.spacing : 0
                // Level with the guide's box, below the title, when beside it.
                y: content.sideBySide ? guideBox.y : firstColumn.implicitHeight + Theme.spacing
                width: content.columnWidth
                spacing: Theme.spacing

                Rectangle {
                    Layout.fillWidth: true
                    visible: (screen.item.materials || []).length > 0
                    implicitHeight: materialsColumn.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: 2
                    ColumnLayout {
                        id: materialsColumn
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        spacing: 12
                        KioskText {
                            text: qsTr("需拍摄的材料")
                            font.pixelSize: Theme.fontHeading
                            font.bold: true
                            color: Theme.primary
                        }
                        Repeater {
                            model: screen.item.materials || []
                            delegate: KioskText {
                                required property var modelData
                                Layout.fillWidth: true
                                text: "• " + modelData.name + (modelData.required ? "" : qsTr("（可选）"))
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }

                Rectangle {
                    objectName: "feeNotice"
                    Layout.fillWidth: true
                    visible: !!screen.item.hasFee
                    implicitHeight: feeText.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.primaryLight
                    KioskText {
                        id: feeText
                        objectName: "feeText"
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        text: screen.item.feeAmount
                              ? qsTr("本事项需缴费 %1（%2），提交后用手机扫码支付，需联网办理。").arg(screen.item.feeAmount).arg(screen.item.feeDescription)
                              : qsTr("本事项需缴费，金额在提交后由平台核定，用手机扫码支付，需联网办理。")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                }

                Rectangle {
                    objectName: "unavailableNotice"
                    Layout.fillWidth: true
                    visible: !Kiosk.selectedItemAvailable
                    implicitHeight: unavailableText.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: "#FFF4E0"
                    KioskText {
                        id: unavailableText
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        text: unavailableReason.of(Kiosk.selectedItemUnavailable)
                        font.pixelSize: Theme.fontBody
                        color: Theme.warning
                        wrapMode: Text.Wrap
                    }
                }

                Rectangle {
                    objectName: "printerNotice"
                    Layout.fillWidth: true
                    visible: Kiosk.selectedItemAvailable && !Kiosk.receiptPrinterUsable
                    implicitHeight: printerText.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: "#FFF4E0"
                    KioskText {
                        id: printerText
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        text: qsTr("回执打印机暂时无法使用：可以办理，但不能打印回执，请在办完后记下屏幕上的编号。")
                        font.pixelSize: Theme.fontBody
                        color: Theme.warning
                        wrapMode: Text.Wrap
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: identityText.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.primaryLight
                    KioskText {
                        id: identityText
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        text: screen.item.faceRequired
                              ? qsTr("本事项需核验身份：刷身份证后可选择人脸识别；不愿意使用人脸识别的，可请工作人员协助核验。")
                              : qsTr("本事项刷身份证或扫描电子证照二维码即可办理。")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
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
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            width: 300
            text: qsTr("返回")
            onClicked: Kiosk.backToHome()
        }
        KioskButton {
            objectName: "startButton"
            anchors.verticalCenter: parent.verticalCenter
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            width: 420
            primary: true
            enabled: Kiosk.selectedItemAvailable
            text: qsTr("开始办理")
            onClicked: Kiosk.startSelectedItem()
        }
    }
}
