import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The case number from a receipt, typed on the large keypad over the identification screen: the
// progress errand's way without a card or the receipt's code. The kiosk judges the number.
Rectangle {
    id: entry
    objectName: "caseNumberEntry"

    visible: false
    color: Qt.rgba(0, 0, 0, 0.45)

    function open() {
        keypad.text = "";
        entry.visible = true;
    }

    // Taps beside the panel do not reach the screen underneath.
    MouseArea { anchors.fill: parent }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        implicitHeight: column.implicitHeight
        color: Theme.surface

        ColumnLayout {
            id: column
            width: parent.width
            spacing: Theme.spacing

            KioskText {
                Layout.fillWidth: true
                Layout.topMargin: Theme.margin
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                text: qsTr("请输入回执上的办件编号")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
                objectName: "caseNumberTyped"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                text: keypad.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.primaryDark
                wrapMode: Text.WrapAnywhere
            }
            NumericKeypad {
                id: keypad
                Layout.fillWidth: true
                // A case number has 20 digits; a reference of this kiosk also has a dash.
                maximumLength: 28
                onDone: {
                    entry.visible = false;
                    Kiosk.queryCaseNumber(keypad.text);
                }
                onCancelled: entry.visible = false
            }
        }
    }
}
