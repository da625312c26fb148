import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 免费邮寄: the recipient, phone and address, filled from the card and the form, each changed with
// a tap: the names on the kiosk's pinyin keyboard, the phone on its digits, the province, city
// and district picked from the division table. On a wide canvas the keys or the list stand beside
// the fields; on a tall one below them.
Item {
    id: screen
    objectName: "postAddressScreen"

    signal helpRequested()
    // The field being changed: recipient, phone, province, city, district, detail, or "".
    property string editing: ""
    readonly property bool picking: editing === "province" || editing === "city" || editing === "district"
    readonly property bool typing: editing === "recipient" || editing === "phone" || editing === "detail"
    readonly property bool beside: ScreenLayout.columns > 1

    function edit(field) {
        screen.editing = field;
        if (field === "phone")
            keyboard.reset(Post.phone, OnScreenKeyboard.KeySet.Digits);
        else if (field === "recipient" || field === "detail")
            keyboard.reset(field === "recipient" ? Post.recipient : Post.detail, OnScreenKeyboard.KeySet.Pinyin);
    }
    function problemText(problem) {
        switch (problem) {
        case undefined: case "": return "";
        case "required": return qsTr("请填写此项");
        case "not_a_phone": return qsTr("请输入 11 位手机号码，或带区号的固定电话");
        case "unknown_province": return qsTr("请从列表中选择省份");
        case "city_not_in_province": return qsTr("该城市不在所选省份内，请重新选择");
        case "district_not_in_city": return qsTr("该区县不在所选城市内，请重新选择");
        case "district_missing": return qsTr("请选择区县");
        case "too_long": return qsTr("内容过长");
        }
        return problem;
    }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    ScrollingPage {
        objectName: "postAddressPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: screen.beside && screen.editing !== "" ? keys.left : parent.right
        anchors.bottom: !screen.beside && screen.editing !== "" ? keys.top : footer.top
        spacing: 12

        KioskText {
            Layout.fillWidth: true
            text: qsTr("邮寄地址")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        KioskText {
            Layout.fillWidth: true
            visible: screen.editing === ""
            text: qsTr("已按身份证地址填好，请核对。点任一项即可修改。")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Repeater {
            model: [
                { id: "recipient", label: qsTr("收件人") },
                { id: "phone", label: qsTr("联系电话") },
                { id: "province", label: qsTr("省份") },
                { id: "city", label: qsTr("城市") },
                { id: "district", label: qsTr("区县") },
                { id: "detail", label: qsTr("详细地址") }
            ]
            delegate: Rectangle {
                required property var modelData
                readonly property string value: modelData.id === "recipient" ? Post.recipient
                                              : modelData.id === "phone" ? Post.phone
                                              : modelData.id === "province" ? Post.province
                                              : modelData.id === "city" ? Post.city
                                              : modelData.id === "district" ? Post.district : Post.detail
                readonly property string shown: screen.editing === modelData.id && screen.typing
                                                ? keyboard.text + keyboard.composition + "▏" : value
                readonly property string problem: screen.problemText(Post.problems[modelData.id])
                objectName: "postField_" + modelData.id
                Layout.fillWidth: true
                implicitHeight: Math.max(Theme.touchMin, fieldRow.implicitHeight + 2 * 12)
                radius: Theme.radius / 2
                color: Theme.surface
                border.width: screen.editing === modelData.id ? 4 : 2
                border.color: problem !== "" ? Theme.accent : screen.editing === modelData.id ? Theme.primary : Theme.border
                ColumnLayout {
                    id: fieldRow
                    x: Theme.spacing
                    y: 12
                    width: parent.width - 2 * Theme.spacing
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        KioskText {
                            Layout.preferredWidth: 220
                            text: modelData.label
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                        KioskText {
                            objectName: "postValue_" + modelData.id
                            Layout.fillWidth: true
                            text: shown !== "" ? shown : qsTr("点击填写")
                            font.pixelSize: Theme.fontBody
                            color: shown !== "" ? Theme.text : Theme.textMuted
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                    KioskText {
                        objectName: "postProblem_" + modelData.id
                        Layout.fillWidth: true
                        visible: problem !== ""
                        text: problem
                        font.pixelSize: Theme.fontSmall
                        color: Theme.accent
                        wrapMode: Text.Wrap
                    }
                }
                MouseArea { readonly property bool keypadTarget: true; anchors.fill: parent; onClicked: screen.edit(modelData.id) }
            }
        }
        KioskText {
            Layout.fillWidth: true
            visible: screen.editing === ""
            text: qsTr("邮费由政府承担。地址和电话只用于本次邮寄，不会留在本机。")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Item { Layout.fillHeight: true }
    }

    // The keys, or the names to pick from.
    Item {
        id: keys
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.left: screen.beside ? undefined : parent.left
        width: screen.beside ? Math.max(1040, parent.width / 2) : parent.width
        height: screen.picking ? (screen.beside ? parent.height - topBar.height : parent.height * 0.45) : keyboard.implicitHeight
        visible: screen.editing !== ""

        OnScreenKeyboard {
            id: keyboard
            anchors.fill: parent
            visible: screen.typing
            maximumLength: screen.editing === "phone" ? 13 : (screen.editing === "recipient" ? 30 : 100)
            onDone: {
                keyboard.finishSpelling();
                Post.setField(screen.editing, keyboard.text);
                screen.editing = "";
                keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
            }
            onCancelled: {
                screen.editing = "";
                keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
            }
        }

        Rectangle {
            objectName: "postPicker"
            anchors.fill: parent
            visible: screen.picking
            color: Theme.background
            border.color: Theme.border
            border.width: 2
            ScrollingPage {
                anchors.top: parent.top
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: pickerFooter.top
                spacing: 12
                maximumContentWidth: 4000
                Flow {
                    Layout.fillWidth: true
                    spacing: 12
                    Repeater {
                        model: screen.editing === "province" ? Post.provinces
                             : screen.editing === "city" ? Post.cities
                             : screen.editing === "district" ? Post.districts : []
                        delegate: KioskButton {
                            required property string modelData
                            objectName: "postPick_" + modelData
                            width: snugWidth
                            checked: modelData === (screen.editing === "province" ? Post.province
                                                    : screen.editing === "city" ? Post.city : Post.district)
                            text: modelData
                            onClicked: {
                                const field = screen.editing;
                                Post.setField(field, modelData);
                                // The next division down follows, as on a parcel form.
                                screen.editing = field === "province" ? "city"
                                               : field === "city" && Post.districts.length > 0 ? "district" : "";
                            }
                        }
                    }
                }
            }
            KioskButton {
                id: pickerFooter
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.spacing
                width: 300
                text: qsTr("完成")
                onClicked: screen.editing = ""
            }
        }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: screen.editing === ""
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.spacing
            KioskButton {
                objectName: "postAddressBack"
                Layout.preferredWidth: 300
                text: qsTr("返回")
                onClicked: Post.change()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "postAddressConfirm"
                Layout.preferredWidth: 420
                primary: true
                text: qsTr("确认地址")
                onClicked: Post.confirm()
            }
        }
    }
}
