import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The application form, already filled from the card (零填报): what came from the card is
// shown masked and locked, the rest is entered with large keys, and each problem is said next to
// its field. Nothing here decides what is valid; the app layer does.
Item {
    id: screen
    objectName: "formScreen"

    signal helpRequested()

    property string editing: ""
    readonly property bool editingAField: screen.editing !== ""
    property int editingEntry: Form.Entry.Keypad
    // Names, addresses and other typed text take the kiosk's keyboard with pinyin; numbers, dates
    // and phone numbers keep the large keypad.
    readonly property bool typingText: screen.editingEntry === Form.Entry.Text
    property Item editingItem: null
    property bool showProblems: false
    // On a wide canvas the keypad or the keyboard stands beside the fields, never over them; on
    // a portrait one it is below them and the fields scroll above it.
    readonly property bool keysBeside: ScreenLayout.columns > 1

    FieldProblem { id: fieldProblem }

    function startEditing(field, fieldItem) {
        screen.editing = field.id;
        screen.editingEntry = field.entry;
        screen.editingItem = fieldItem;
        // The keys start from the real value, never from the masked one the list shows.
        const value = Form.editText(field.id);
        if (screen.typingText)
            keyboard.reset(value, OnScreenKeyboard.KeySet.Pinyin);
        else
            keypad.text = value.replace(/-/g, field.entry === Form.Entry.Phone ? "-" : "");
        Qt.callLater(screen.showField, fieldItem);
    }
    // The field being edited stays in sight above the keyboard.
    function showField(fieldItem) {
        if (!fieldItem)
            return;
        const y = fieldItem.mapToItem(content, 0, 0).y;
        const visibleBottom = flick.contentY + flick.height;
        if (y < flick.contentY || y + fieldItem.height > visibleBottom)
            flick.contentY = Math.max(0, Math.min(y - Theme.margin, flick.contentHeight - flick.height));
    }

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
        anchors.right: !screen.editingAField || !screen.keysBeside ? parent.right : screen.typingText ? keyboard.left : keypad.left
        anchors.bottom: !screen.editingAField ? footer.top : screen.keysBeside ? parent.bottom : screen.typingText ? keyboard.top : keypad.top
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        // The keyboard opening, or elder mode enlarging everything, must not hide the field.
        onHeightChanged: if (screen.editing !== "") Qt.callLater(screen.showField, screen.editingItem)
        onContentHeightChanged: if (screen.editing !== "") Qt.callLater(screen.showField, screen.editingItem)
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.spacing

            KioskText {
                Layout.fillWidth: true
                text: Kiosk.selectedItem.name || ""
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("请核对并填写信息")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
                Layout.fillWidth: true
                text: Form.prefilledNote
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            // On a wide canvas, while nothing is being typed, the fields stand in two columns so
            // the whole form is seen at once; once the keys open beside them, one column.
            GridLayout {
                id: fieldGrid
                Layout.fillWidth: true
                columns: screen.keysBeside && !screen.editingAField ? 2 : 1
                columnSpacing: 2 * Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    model: Form.fields
                    delegate: ColumnLayout {
                        id: row
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: (content.width - (fieldGrid.columns - 1) * fieldGrid.columnSpacing) / fieldGrid.columns
                        Layout.alignment: Qt.AlignTop
                        spacing: 8

                        KioskText {
                            text: row.modelData.label + (row.modelData.required ? " *" : "")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                        }
                        Rectangle {
                            objectName: "field_" + row.modelData.id
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchMin + 8
                            radius: Theme.radius / 2
                            visible: row.modelData.entry !== Form.Entry.Select
                            color: row.modelData.readonly ? "#E9EEF4" : Theme.surface
                            border.width: screen.editing === row.modelData.id ? 4 : 2
                            border.color: screen.editing === row.modelData.id ? Theme.primary
                                        : (screen.showProblems && row.modelData.problem !== "") ? Theme.accent : Theme.border
                            KioskText {
                                anchors.verticalCenter: parent.verticalCenter
                                x: Theme.spacing
                                width: parent.width - 2 * Theme.spacing
                                text: screen.editing === row.modelData.id
                                      ? (screen.typingText ? keyboard.text + keyboard.composition : keypad.shownText) + "▏"
                                      : (row.modelData.value !== "" ? row.modelData.value : qsTr("点击填写"))
                                font.pixelSize: Theme.fontBody
                                color: row.modelData.value !== "" || screen.editing === row.modelData.id ? Theme.text : Theme.textMuted
                                elide: Text.ElideRight
                            }
                            KioskText {
                                anchors.right: parent.right
                                anchors.rightMargin: Theme.spacing
                                anchors.verticalCenter: parent.verticalCenter
                                visible: row.modelData.readonly
                                text: Form.sourceLabel
                                font.pixelSize: 24
                                color: Theme.textMuted
                            }
                            // A field filled from the card cannot be changed, yet a resident who
                            // cannot see the screen must hear what it holds: the keypad stops on it
                            // and reading mode says its label, its (masked) value and where it came
                            // from; choosing it, by key or by finger, changes nothing.
                            MouseArea {
                                readonly property bool keypadTarget: true
                                readonly property string spokenText: row.modelData.readonly
                                    ? qsTr("%1：%2，%3，不能修改").arg(row.modelData.label).arg(row.modelData.value).arg(Form.sourceLabel)
                                    : ""
                                anchors.fill: parent
                                onClicked: {
                                    if (!row.modelData.readonly)
                                        screen.startEditing(row.modelData, parent);
                                }
                            }
                        }
                        Flow {
                            Layout.fillWidth: true
                            visible: row.modelData.entry === Form.Entry.Select
                            spacing: 16
                            Repeater {
                                model: row.modelData.options
                                delegate: KioskButton {
                                    required property var modelData
                                    objectName: "option_" + row.modelData.id + "_" + modelData.value
                                    width: Math.max(300, implicitWidth)
                                    checked: row.modelData.value === modelData.value
                                    text: modelData.label
                                    onClicked: Form.setFieldValue(row.modelData.id, modelData.value)
                                }
                            }
                        }
                        KioskText {
                            Layout.fillWidth: true
                            visible: screen.showProblems && row.modelData.problem !== "" && screen.editing !== row.modelData.id
                            text: fieldProblem.of(row.modelData.problem)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.accent
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }

    NumericKeypad {
        id: keypad
        anchors.left: screen.keysBeside ? undefined : parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        width: screen.keysBeside ? parent.width * 0.42 : parent.width
        visible: screen.editing !== "" && !screen.typingText
        allowX: screen.editingEntry === Form.Entry.IdNumber
        dateEntry: screen.editingEntry === Form.Entry.Date
        onDone: {
            Form.setFieldValue(screen.editing, keypad.text);
            screen.editing = "";
        }
        onCancelled: screen.editing = ""
    }

    OnScreenKeyboard {
        id: keyboard
        anchors.left: screen.keysBeside ? undefined : parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        // The full keyboard keeps the width of a portrait screen, the fields take the rest.
        width: screen.keysBeside ? Math.max(1040, parent.width / 2) : parent.width
        visible: screen.editing !== "" && screen.typingText
        // What was typed lives on in the form only; the keyboard keeps none of it.
        onDone: {
            Form.setFieldValue(screen.editing, keyboard.text);
            screen.editing = "";
            keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
        }
        onCancelled: {
            screen.editing = "";
            keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
        }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: !screen.editingAField
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.spacing
            KioskButton {
                objectName: "backButton"
                Layout.preferredWidth: 300
                text: qsTr("返回")
                onClicked: Kiosk.backToHome()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "reviewButton"
                Layout.preferredWidth: 420
                primary: true
                text: qsTr("下一步")
                onClicked: {
                    screen.showProblems = true;
                    Form.review();
                }
            }
        }
    }
}
