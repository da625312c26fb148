import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A person typed in over the identification screen, on the kiosk's own keyboards: the resident a
// staff member vouches for (purpose "staff": name, citizen number and how staff know them), or
// the person an agent files for (purpose "agent", 代办: name, card type, card number and how they
// are related). The kiosk checks the number as its card type lays it out before anything is
// taken; what was typed lives only in this panel until it is handed over, and is then cleared.
Rectangle {
    id: panel
    objectName: panel.purpose === "agent" ? "agentPanel" : "attestationPanel"

    property string purpose: "staff"
    visible: false
    color: Qt.rgba(0, 0, 0, 0.45)

    property string editing: ""   // "name", "number" or ""
    property string name: ""
    property string number: ""
    property string choice: ""    // staff: the evidence; agent: the relation
    property string cardType: "resident"
    readonly property bool agent: panel.purpose === "agent"
    readonly property bool letters: panel.cardType === "foreign_permanent_2017"
    readonly property string numberProblem: panel.number === "" ? "" : Kiosk.typedIdNumberProblem(panel.number, panel.cardType)
    readonly property bool complete: panel.name.trim() !== "" && panel.number !== "" && panel.numberProblem === ""
                                     && panel.choice !== ""

    function clear() {
        panel.name = "";
        panel.number = "";
        panel.choice = "";
        panel.cardType = "resident";
        panel.editing = "";
        keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
        keypad.text = "";
    }
    function open() {
        panel.clear();
        panel.visible = true;
    }
    function close() {
        // Nothing typed outlives the panel.
        panel.clear();
        panel.visible = false;
    }
    function problemText(problem) {
        switch (problem) {
        case "wrong_length": return panel.letters ? qsTr("证件号码应为 15 位") : qsTr("证件号码应为 18 位");
        case "check_failed": return qsTr("证件号码校验位不对，请核对");
        default: return qsTr("这不是所选证件的号码，请核对");
        }
    }
    function finishNumber(text) {
        panel.number = text.toUpperCase().replace(/ /g, "");
        panel.editing = "";
    }

    MouseArea { anchors.fill: parent }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        implicitHeight: column.implicitHeight + Theme.margin
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
                text: panel.agent ? qsTr("为他人办理（代办）") : qsTr("工作人员核验身份")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
            }
            KioskText {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                text: panel.agent ? qsTr("请输入被代办人的姓名和证件号码，并选择您与他（她）的关系。")
                                  : qsTr("请工作人员核实居民身份后，输入居民的姓名和身份证号，并选择核实依据。")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            KioskButton {
                objectName: "personNameField"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                text: qsTr("姓名：%1").arg(panel.editing === "name" ? keyboard.text + keyboard.composition + "▏" : panel.name)
                onClicked: {
                    keyboard.reset(panel.name, OnScreenKeyboard.KeySet.Pinyin);
                    panel.editing = "name";
                }
            }
            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: panel.agent && panel.editing === ""
                columns: 2
                columnSpacing: Theme.spacing
                CardTypeName { id: cardTypeName }
                Repeater {
                    model: ["resident", "hk_mo_tw_permit", "foreign_permanent_2023", "foreign_permanent_2017"]
                    KioskButton {
                        required property string modelData
                        objectName: "personCardType_" + modelData
                        Layout.fillWidth: true
                        primary: panel.cardType === modelData
                        fontSize: Theme.fontSmall
                        text: cardTypeName.of(modelData)
                        onClicked: panel.cardType = modelData
                    }
                }
            }
            KioskButton {
                objectName: "personNumberField"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                text: qsTr("证件号码：%1").arg(panel.editing === "number" ? (panel.letters ? keyboard.text : keypad.text) + "▏" : panel.number)
                onClicked: {
                    if (panel.letters)
                        keyboard.reset(panel.number, OnScreenKeyboard.KeySet.English);
                    else
                        keypad.text = panel.number;
                    panel.editing = "number";
                }
            }
            KioskText {
                objectName: "personNumberProblem"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                visible: panel.numberProblem !== "" && panel.editing === ""
                text: panel.problemText(panel.numberProblem)
                font.pixelSize: Theme.fontSmall
                color: Theme.accent
            }
            KioskText {
                Layout.leftMargin: Theme.margin
                visible: panel.editing === ""
                text: panel.agent ? qsTr("您与被代办人的关系") : qsTr("核实依据")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: panel.editing === ""
                columns: 3
                columnSpacing: Theme.spacing
                Repeater {
                    model: panel.agent ? [
                        { id: "parent", label: qsTr("父母") },
                        { id: "child", label: qsTr("子女") },
                        { id: "spouse", label: qsTr("配偶") },
                        { id: "sibling", label: qsTr("兄弟姐妹") },
                        { id: "other", label: qsTr("其他") }
                    ] : [
                        { id: "household_register", label: qsTr("户口簿") },
                        { id: "temporary_id", label: qsTr("临时身份证") },
                        { id: "known_person", label: qsTr("熟识本人") }
                    ]
                    KioskButton {
                        required property var modelData
                        objectName: "personChoice_" + modelData.id
                        Layout.fillWidth: true
                        primary: panel.choice === modelData.id
                        fontSize: Theme.fontSmall
                        text: modelData.label
                        onClicked: panel.choice = modelData.id
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: panel.editing === ""
                spacing: Theme.spacing
                KioskButton {
                    objectName: "personCancel"
                    Layout.preferredWidth: 300
                    text: qsTr("取消")
                    onClicked: panel.close()
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "personConfirm"
                    Layout.preferredWidth: 420
                    primary: true
                    enabled: panel.complete
                    text: panel.agent ? qsTr("确认") : qsTr("确认身份")
                    onClicked: {
                        const taken = panel.agent
                            ? Kiosk.actForSomeoneElse(panel.name.trim(), panel.cardType, panel.number, panel.choice)
                            : Kiosk.identifyByStaff(panel.name.trim(), panel.number, panel.choice);
                        if (taken)
                            panel.close();
                    }
                }
            }
            OnScreenKeyboard {
                id: keyboard
                Layout.fillWidth: true
                visible: panel.editing !== "" && (panel.editing === "name" || panel.letters)
                maximumLength: 30
                onDone: {
                    if (panel.editing === "name") {
                        panel.name = keyboard.text;
                        panel.editing = "";
                    } else {
                        panel.finishNumber(keyboard.text);
                    }
                }
                onCancelled: panel.editing = ""
            }
            NumericKeypad {
                id: keypad
                Layout.fillWidth: true
                visible: panel.editing === "number" && !panel.letters
                allowX: true
                maximumLength: 18
                onDone: panel.finishNumber(keypad.text)
                onCancelled: panel.editing = ""
            }
        }
    }
}
