import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The maintenance PIN pad: digits shown as dots, the gate's answer (attempts left, locked until
// when, no PIN set) under them. On a terminal's first setup with no PIN it asks for a new PIN
// twice instead, and the controller refuses weak ones. A signed admin code scanned meanwhile opens
// what the pad was for.
Rectangle {
    id: pad
    objectName: "pinPad"
    color: "#2B3340"

    // While choosing a first PIN: the first entry, kept until it is typed again.
    property string firstEntry: ""

    MouseArea { anchors.fill: parent }

    function problemText(problem) {
        switch (problem) {
        case Maintenance.NoPinProblem: return "";
        case Maintenance.PinRefused: return qsTr("PIN 不正确，还可尝试 %1 次").arg(Maintenance.failuresLeft);
        case Maintenance.PinLockedOut: return qsTr("尝试次数过多，已锁定至 %1").arg(Maintenance.lockedUntil);
        case Maintenance.NoPinSet: return qsTr("未设置维护 PIN：请使用 kioskctl maintenance set-pin 设置");
        case Maintenance.PinMismatch: return qsTr("两次输入的 PIN 不一致，请重新设置");
        case Maintenance.PinNotSaved: return qsTr("无法写入配置文件，PIN 未保存");
        default: return qsTr("PIN 太简单：至少 6 位数字，不能全部相同，也不能是连续数字");
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.topMargin: 160
        spacing: Theme.spacing * 2

        KioskText {
            objectName: "pinTitle"
            Layout.fillWidth: true
            text: Maintenance.settingPin ? (pad.firstEntry === "" ? qsTr("设置维护 PIN") : qsTr("再次输入新 PIN"))
                  : Maintenance.purpose === Maintenance.Provisioning ? qsTr("技术人员设置") : qsTr("维护模式")
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        KioskText {
            Layout.fillWidth: true
            text: Maintenance.settingPin ? qsTr("本机尚未设置维护 PIN。请设置至少 6 位数字的 PIN，它将写入配置文件。")
                                         : qsTr("请输入维护 PIN，或扫描管理码")
            color: Theme.textOnPrimaryMuted
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 120
            radius: Theme.radius
            color: Theme.surface
            KioskText {
                objectName: "pinDots"
                anchors.centerIn: parent
                text: "●".repeat(keypad.text.length)
                font.pixelSize: 56
                color: Theme.text
            }
        }
        KioskText {
            objectName: "pinProblem"
            Layout.fillWidth: true
            visible: text !== ""
            text: pad.problemText(Maintenance.pinProblem)
            color: Theme.gold
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.Wrap
        }
        Item { Layout.fillHeight: true }
        NumericKeypad {
            id: keypad
            Layout.fillWidth: true
            maximumLength: 12
            enabled: Maintenance.pinProblem !== Maintenance.NoPinSet
            onCancelled: Maintenance.leave()
            onDone: {
                const entered = keypad.text;
                keypad.text = "";
                if (!Maintenance.settingPin) {
                    Maintenance.submitPin(entered);
                } else if (pad.firstEntry === "") {
                    pad.firstEntry = entered;
                } else {
                    const first = pad.firstEntry;
                    pad.firstEntry = "";
                    Maintenance.setFirstPin(first, entered);
                }
            }
        }
        KioskButton {
            objectName: "pinCancel"
            Layout.alignment: Qt.AlignHCenter
            visible: Maintenance.pinProblem === Maintenance.NoPinSet
            text: qsTr("返回")
            onClicked: Maintenance.leave()
        }
    }
}
