import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// First-boot setup for the technician, top to bottom: the peripherals and their health, the
// hall's name and site, enrolment with the platform, a test page, and the checklist that must be
// all green before the terminal goes into service. Text is typed on the kiosk's own on-screen
// keyboard (pinyin for the Chinese name, letters and digits for the rest), so no USB keyboard is
// needed at the installation.
Rectangle {
    id: screen
    objectName: "provisioningScreen"
    color: Theme.background

    // The field the on-screen keyboard is typing into, or null.
    property Item editingField: null

    MouseArea { anchors.fill: parent }

    function startEditing(field) {
        keyboard.reset(field.text, field.keyboardLayout);
        screen.editingField = field;
    }
    function stopEditing() {
        screen.editingField = null;
        keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
    }
    Component.onCompleted: Maintenance.checkPlatform()

    component Line: KioskText {
        Layout.fillWidth: true
        color: Theme.text
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    component Heading: KioskText {
        Layout.fillWidth: true
        color: Theme.primaryDark
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    // A line of text typed on the on-screen keyboard with `keyboardLayout`'s keys when tapped;
    // what is being typed shows in the field, spelling included.
    component Field: Rectangle {
        id: field
        property alias text: input.text
        property alias input: input
        property int keyboardLayout: OnScreenKeyboard.KeySet.English
        readonly property bool editing: screen.editingField === field
        Layout.fillWidth: true
        implicitHeight: 88
        radius: 12
        color: Theme.surface
        border.color: field.editing ? Theme.primary : Theme.border
        border.width: 3
        TextInput {
            id: input
            anchors.fill: parent
            anchors.margins: 16
            visible: !field.editing
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: Theme.fontBody
            color: Theme.text
            clip: true
        }
        KioskText {
            objectName: field.objectName + "_typing"
            anchors.fill: parent
            anchors.margins: 16
            visible: field.editing
            verticalAlignment: Text.AlignVCenter
            text: keyboard.text + keyboard.composition + "▏"
            font.pixelSize: Theme.fontBody
            color: Theme.text
            elide: Text.ElideLeft
        }
        MouseArea {
            anchors.fill: parent
            onClicked: screen.startEditing(field)
        }
    }

    function itemName(check, id) {
        switch (check) {
        case ChecklistModel.DevicesOk: return qsTr("设备正常");
        case ChecklistModel.Enrolled: return qsTr("已在平台注册");
        case ChecklistModel.PlatformReachable: return qsTr("平台可达");
        case ChecklistModel.OutboxKey: return qsTr("离线队列密钥就位");
        case ChecklistModel.TestPage: return qsTr("已打印测试页");
        case ChecklistModel.PinSet: return qsTr("已设置维护 PIN");
        case ChecklistModel.Clock: return qsTr("本机时钟与平台一致");
        case ChecklistModel.SecretsSealed: return qsTr("密钥已绑定本机");
        case ChecklistModel.Production: return qsTr("生产模式，无模拟设备");
        case ChecklistModel.KioskReadsFiles: return qsTr("自助终端用户可读取所需文件");
        default: return id;
        }
    }

    Rectangle {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        height: 150
        color: "#2B3340"
        RowLayout {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            KioskText {
                Layout.fillWidth: true
                text: qsTr("技术人员设置")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            KioskButton { objectName: "provisioningLeave"; text: qsTr("退出"); onClicked: Maintenance.leave() }
        }
    }

    Flickable {
        id: page
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.visible ? keyboard.top : parent.bottom
        anchors.margins: Theme.margin
        contentHeight: body.implicitHeight
        clip: true

        ColumnLayout {
            id: body
            width: page.width
            spacing: Theme.spacing

            Heading { text: qsTr("1. 外设") }
            Repeater {
                model: Maintenance.devices
                delegate: Line {
                    required property bool usable
                    required property string deviceId
                    required property string level
                    required property string detail
                    text: (usable ? "✔ " : "✘ ") + deviceId + "  " + level + (detail ? " (" + detail + ")" : "")
                    color: usable ? Theme.success : Theme.accent
                    font.pixelSize: Theme.fontBody
                }
            }

            Heading { text: qsTr("2. 大厅名称和站点") }
            Line { text: qsTr("中文名称") }
            Field { id: hallZh; objectName: "hallNameZh"; keyboardLayout: OnScreenKeyboard.KeySet.Pinyin; text: Maintenance.hallName }
            Line { text: qsTr("英文名称") }
            Field { id: hallEn; objectName: "hallNameEn"; text: Maintenance.hallNameEn }
            Line { text: qsTr("站点代码（行政区划代码-大厅）") }
            Field { id: siteField; objectName: "siteCode"; keyboardLayout: OnScreenKeyboard.KeySet.Digits; text: Maintenance.site }
            KioskButton {
                objectName: "saveHall"
                text: qsTr("保存")
                onClicked: {
                    screen.stopEditing();
                    Maintenance.setHall(hallZh.text, hallEn.text, siteField.text);
                }
            }

            Heading { text: qsTr("3. 在平台注册") }
            Line {
                text: Maintenance.enrolled ? qsTr("本机已注册。") : qsTr("输入平台发给本大厅的一次性注册码。")
            }
            Field { id: token; objectName: "enrolToken"; visible: !Maintenance.enrolled }
            KioskButton {
                objectName: "enrolButton"
                visible: !Maintenance.enrolled
                text: qsTr("注册")
                onClicked: {
                    screen.stopEditing();
                    Maintenance.enrol(token.text);
                }
            }
            Line {
                objectName: "provisioningProblem"
                visible: Maintenance.provisioningProblem !== Maintenance.NoProvisioningProblem
                color: Theme.accent
                font.pixelSize: Theme.fontBody
                text: Maintenance.provisioningProblem === Maintenance.Enrolling ? qsTr("正在注册……")
                      : Maintenance.provisioningProblem === Maintenance.HallIncomplete ? qsTr("请填写中文名称和站点代码")
                      : Maintenance.provisioningProblem === Maintenance.SettingsNotSaved ? qsTr("无法写入配置文件")
                      : Maintenance.provisioningProblem === Maintenance.TokenMissing ? qsTr("请输入注册码")
                      : qsTr("注册失败：%1").arg(Maintenance.provisioningDetail)
            }

            Heading { text: qsTr("4. 打印测试页") }
            RowLayout {
                KioskButton { objectName: "provisioningPrint"; text: qsTr("打印测试页"); onClicked: Maintenance.printTestPage() }
                Line {
                    text: Maintenance.selfTests.print === DeviceSelfTests.Waiting ? qsTr("打印中……")
                          : Maintenance.selfTests.print === DeviceSelfTests.Done ? qsTr("已打印")
                          : Maintenance.selfTests.print === DeviceSelfTests.Failed ? "failed: " + Maintenance.selfTests.printDetail : ""
                }
            }

            Heading { text: qsTr("5. 检查清单") }
            KioskButton { objectName: "recheck"; text: qsTr("重新检查"); onClicked: { Maintenance.checkPlatform(); Maintenance.refresh(); } }
            Repeater {
                model: Maintenance.checklist
                delegate: Rectangle {
                    id: checkRow
                    required property string itemId
                    required property int check
                    required property bool ok
                    required property string detail
                    // Green but worth knowing, such as secrets sealed without a TPM.
                    required property bool warning
                    objectName: "check_" + itemId
                    Layout.fillWidth: true
                    implicitHeight: row.implicitHeight + 24
                    radius: 12
                    color: ok ? "#E3F3E8" : "#FBE4E5"
                    RowLayout {
                        id: row
                        x: 16
                        y: 12
                        width: parent.width - 32
                        KioskText {
                            text: !checkRow.ok ? "✘" : checkRow.warning ? "!" : "✔"
                            color: !checkRow.ok ? Theme.accent : checkRow.warning ? Theme.warning : Theme.success
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                        }
                        KioskText {
                            Layout.fillWidth: true
                            text: screen.itemName(checkRow.check, checkRow.itemId)
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                        }
                        KioskText {
                            Layout.maximumWidth: 480
                            text: checkRow.detail
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                }
            }
            KioskButton {
                objectName: "putIntoService"
                Layout.fillWidth: true
                Layout.bottomMargin: Theme.margin
                primary: true
                enabled: Maintenance.checklistGreen
                text: qsTr("投入使用")
                onClicked: Maintenance.putIntoService()
            }
        }
    }

    OnScreenKeyboard {
        id: keyboard
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: screen.editingField !== null
        maximumLength: 80
        onDone: {
            screen.editingField.text = keyboard.text;
            screen.stopEditing();
        }
        onCancelled: screen.stopEditing()
    }
}
