import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A large keypad for digits, for phone numbers, amounts, dates and ID numbers; `allowX` adds the
// X that ends some citizen numbers. It edits `text` and says when the resident is done. A date is
// typed as eight digits (年年年年月月日日) and shown with its dashes as they are typed.
Rectangle {
    id: keypad
    objectName: "numericKeypad"

    property string text: ""
    property bool allowX: false
    property bool dateEntry: false
    property int maximumLength: keypad.dateEntry ? 8 : 20
    // What the field shows while the resident types: 2026-12-0 for the digits 2026120.
    readonly property string shownText: keypad.dateEntry ? keypad.dashed(keypad.text) : keypad.text
    signal done()
    signal cancelled()

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: "#E3E9F1"

    function dashed(digits) {
        if (digits.length <= 4)
            return digits;
        if (digits.length <= 6)
            return digits.slice(0, 4) + "-" + digits.slice(4);
        return digits.slice(0, 4) + "-" + digits.slice(4, 6) + "-" + digits.slice(6);
    }

    function press(key) {
        if (key === "")
            return;
        if (key === "back")
            keypad.text = keypad.text.slice(0, -1);
        else if (keypad.text.length < keypad.maximumLength)
            keypad.text += key;
    }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        spacing: 16

        GridLayout {
            Layout.fillWidth: true
            columns: 4
            columnSpacing: 16
            rowSpacing: 16
            Repeater {
                model: ["1", "2", "3", "back", "4", "5", "6", keypad.allowX ? "X" : keypad.dateEntry ? "" : "-", "7", "8", "9", "0"]
                delegate: KioskButton {
                    required property string modelData
                    objectName: "key_" + modelData
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: 110
                    fontSize: 44
                    // A date's dashes come by themselves: its keypad has no key for them.
                    opacity: modelData === "" ? 0 : 1
                    enabled: modelData !== ""
                    text: modelData === "back" ? qsTr("删除") : modelData
                    onClicked: keypad.press(modelData)
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            KioskButton {
                objectName: "keypadCancel"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: 110
                text: qsTr("取消")
                onClicked: keypad.cancelled()
            }
            KioskButton {
                objectName: "keypadDone"
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.preferredHeight: 110
                primary: true
                text: qsTr("确定")
                onClicked: keypad.done()
            }
        }
    }
}
