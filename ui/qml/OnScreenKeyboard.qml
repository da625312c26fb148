import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The kiosk's own keyboard, with no system input method behind it: Chinese by pinyin (letters,
// then a candidate bar to pick characters from, a page at a time), English letters, and digits
// with the signs addresses need. It edits `text`; `composition` is what is being spelled and not
// yet chosen, for the field to show after the text.
Rectangle {
    id: keyboard
    objectName: "onScreenKeyboard"

    // Which keys it shows: Chinese by pinyin, English letters, or digits and signs.
    enum KeySet { Pinyin, English, Digits }

    property string text: ""
    property int layout: OnScreenKeyboard.KeySet.Pinyin
    property int maximumLength: 60
    readonly property string composition: keyboard.layout === OnScreenKeyboard.KeySet.Pinyin ? pinyin.composition : ""
    signal done()
    signal cancelled()

    implicitHeight: column.implicitHeight + 2 * 16
    color: "#E3E9F1"

    // Starts editing `initialText` afresh in `initialLayout`, forgetting any earlier spelling.
    function reset(initialText, initialLayout) {
        pinyin.clear();
        keyboard.text = initialText;
        keyboard.layout = initialLayout;
    }
    function insert(piece) {
        keyboard.text = (keyboard.text + piece).slice(0, keyboard.maximumLength);
    }
    // What is spelled but not chosen becomes its first candidate, as a space would make it.
    function finishSpelling() {
        if (pinyin.composing)
            keyboard.insert(pinyin.choose(0));
        pinyin.clear();
    }
    function pressLetter(letter) {
        if (keyboard.layout === OnScreenKeyboard.KeySet.Pinyin && pinyin.available)
            pinyin.type(letter);
        else
            keyboard.insert(letter);
    }
    function pressBackspace() {
        if (keyboard.layout === OnScreenKeyboard.KeySet.Pinyin && pinyin.backspace())
            return;
        keyboard.text = keyboard.text.slice(0, -1);
    }
    function pressSpace() {
        if (pinyin.composing)
            keyboard.finishSpelling();
        else
            keyboard.insert(" ");
    }
    function chooseCandidate(index) {
        const finished = pinyin.choose(index);
        if (finished !== "")
            keyboard.insert(finished);
    }
    function switchLayout(next) {
        keyboard.finishSpelling();
        keyboard.layout = next;
    }

    PinyinInput {
        id: pinyin
        pageSize: Theme.elder ? 4 : 6
    }

    ColumnLayout {
        id: column
        x: 16
        y: 16
        width: parent.width - 32
        spacing: 12

        // The candidate bar: what is spelled, then the characters it may be, a page at a time.
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.elder ? 124 : 100
            visible: keyboard.layout === OnScreenKeyboard.KeySet.Pinyin
            spacing: 10

            KioskText {
                objectName: "compositionText"
                // Room for a long spelling while one is typed; before, its word and a gap that
                // sets it apart from the hint, which has the rest of the bar.
                Layout.preferredWidth: pinyin.composing ? 200 : implicitWidth + 2 * Theme.spacing
                text: pinyin.composing ? pinyin.composition : qsTr("拼音")
                font.pixelSize: Theme.fontSmall
                color: pinyin.composing ? Theme.primary : Theme.textMuted
                elide: Text.ElideLeft
            }
            KeyboardKey {
                objectName: "candidatePrev"
                Layout.preferredWidth: 80
                Layout.fillHeight: true
                functional: true
                visible: pinyin.composing
                enabled: pinyin.hasPreviousPage
                label: "‹"
                onClicked: pinyin.previousPage()
            }
            Repeater {
                model: pinyin.candidates
                delegate: KeyboardKey {
                    required property string modelData
                    required property int index
                    objectName: "candidate_" + index
                    // A page of long phrases shares the bar: each key narrows and its text shrinks.
                    Layout.fillHeight: true
                    Layout.fillWidth: true
                    Layout.minimumWidth: 60
                    Layout.preferredWidth: Math.max(Theme.elder ? 110 : 96, modelData.length * (Theme.elder ? 52 : 42) + 24)
                    Layout.maximumWidth: Layout.preferredWidth
                    label: modelData
                    fontSize: Theme.elder ? 48 : 40
                    onClicked: keyboard.chooseCandidate(index)
                }
            }
            KioskText {
                Layout.fillWidth: true
                visible: !pinyin.composing
                text: pinyin.available ? qsTr("输入拼音，再点选汉字；点“英文”可输入英文字母")
                                       : qsTr("本机暂不能输入中文，可输入字母和数字")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Item { Layout.fillWidth: true; Layout.preferredWidth: 0; visible: pinyin.composing }
            KeyboardKey {
                objectName: "candidateNext"
                Layout.preferredWidth: 80
                Layout.fillHeight: true
                functional: true
                visible: pinyin.composing
                enabled: pinyin.hasNextPage
                label: "›"
                onClicked: pinyin.nextPage()
            }
        }

        Repeater {
            model: keyboard.layout === OnScreenKeyboard.KeySet.Digits
                   ? [["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"], ["-", "#", "/", "·", "（", "）", "，", "。", "@", "."]]
                   : [["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"], ["a", "s", "d", "f", "g", "h", "j", "k", "l"],
                      ["z", "x", "c", "v", "b", "n", "m"]]
            delegate: RowLayout {
                id: keyRow
                required property var modelData
                required property int index
                Layout.fillWidth: true
                spacing: 10
                // Shorter rows sit centred under the top row, as on any keyboard.
                Item { Layout.fillWidth: true; Layout.preferredWidth: (10 - keyRow.modelData.length) * 50 - (keyRow.index === 2 ? 100 : 0) }
                Repeater {
                    model: keyRow.modelData
                    delegate: KeyboardKey {
                        required property string modelData
                        objectName: "kbd_" + modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 100
                        label: modelData
                        onClicked: keyboard.pressLetter(modelData)
                    }
                }
                KeyboardKey {
                    objectName: "kbd_back"
                    visible: keyboard.layout === OnScreenKeyboard.KeySet.Digits ? keyRow.index === 1 : keyRow.index === 2
                    Layout.preferredWidth: 200
                    functional: true
                    label: qsTr("删除")
                    onClicked: keyboard.pressBackspace()
                }
                Item { Layout.fillWidth: true; Layout.preferredWidth: (10 - keyRow.modelData.length) * 50 - (keyRow.index === 2 ? 100 : 0) }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            KeyboardKey {
                objectName: "kbd_layout"
                Layout.preferredWidth: 150
                functional: true
                label: keyboard.layout === OnScreenKeyboard.KeySet.English ? qsTr("中文") : qsTr("英文")
                onClicked: keyboard.switchLayout(keyboard.layout === OnScreenKeyboard.KeySet.English ? OnScreenKeyboard.KeySet.Pinyin : OnScreenKeyboard.KeySet.English)
            }
            KeyboardKey {
                objectName: "kbd_digits"
                Layout.preferredWidth: 150
                functional: true
                label: keyboard.layout === OnScreenKeyboard.KeySet.Digits ? qsTr("字母") : "123"
                onClicked: keyboard.switchLayout(keyboard.layout === OnScreenKeyboard.KeySet.Digits ? OnScreenKeyboard.KeySet.Pinyin : OnScreenKeyboard.KeySet.Digits)
            }
            KeyboardKey {
                objectName: "kbd_space"
                Layout.fillWidth: true
                label: pinyin.composing ? qsTr("选定") : qsTr("空格")
                fontSize: Theme.fontSmall
                onClicked: keyboard.pressSpace()
            }
            KeyboardKey {
                objectName: "kbd_cancel"
                Layout.preferredWidth: 150
                functional: true
                label: qsTr("取消")
                fontSize: Theme.fontSmall
                onClicked: {
                    pinyin.clear();
                    keyboard.cancelled();
                }
            }
            KeyboardKey {
                objectName: "kbd_done"
                Layout.preferredWidth: 200
                primary: true
                label: qsTr("确定")
                fontSize: Theme.fontSmall
                onClicked: {
                    keyboard.finishSpelling();
                    keyboard.done();
                }
            }
        }
    }
}
