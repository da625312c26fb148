import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Demo only: present and remove simulated cards and switch the simulated reader's faults, so a
// person trying the demo can walk through every case by hand. It drives the simulator, which
// answers over the pseudo-terminal to the real driver; nothing here short-cuts the driver.
// Shown only when the configuration says `id_card_reader = simulated`.
Item {
    id: panel
    objectName: "demoPanel"
    // The simulator's controls are for whoever runs the demo, not for the resident's keypad.
    readonly property bool keypadIgnored: true

    property bool open: false

    CardTypeName { id: cardTypeName }

    function faultLabel(name) {
        switch (name) {
        case "no_card": return qsTr("读不到卡");
        case "read_failure": return qsTr("读卡失败 (41)");
        case "sam_failure": return qsTr("SAM 自检失败 (60)");
        case "torn_frames": return qsTr("数据帧断裂");
        case "noise": return qsTr("线路噪声");
        case "bad_checksum": return qsTr("校验和错误");
        case "slow": return qsTr("应答缓慢");
        case "mute": return qsTr("不应答");
        case "late": return qsTr("应答过迟");
        case "unplug": return qsTr("拔出读卡器");
        }
        return name;
    }

    property int stripHeight: 72

    Rectangle {
        id: strip
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: panel.stripHeight
        color: "#222B38"
        KioskText {
            anchors.verticalCenter: parent.verticalCenter
            x: Theme.spacing
            text: qsTr("演示模式：设备为模拟设备")
            color: Theme.textOnPrimaryMuted
            font.pixelSize: 24
        }
        KioskButton {
            objectName: "demoToggle"
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            height: panel.stripHeight - 12
            implicitWidth: 220
            fontSize: 24
            text: panel.open ? qsTr("收起") : qsTr("演示控制")
            onClicked: panel.open = !panel.open
        }
    }

    Rectangle {
        id: sheet
        visible: panel.open
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: strip.top
        implicitHeight: column.implicitHeight + 2 * Theme.spacing
        color: "#F0222B38"

        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: 12

            KioskText {
                text: qsTr("演示控制：模拟读卡器")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: 12
                Repeater {
                    model: Kiosk.demoCards
                    delegate: KioskButton {
                        required property string modelData
                        objectName: "demoCard_" + modelData
                        width: 500
                        fontSize: 24
                        text: cardTypeName.of(modelData) + (modelData === "resident_long_term" ? qsTr("（长期）") : "")
                        onClicked: Kiosk.simulate("card present " + modelData)
                    }
                }
                KioskButton {
                    objectName: "demoRemove"
                    width: 500
                    fontSize: 24
                    primary: true
                    text: qsTr("移开卡片")
                    onClicked: Kiosk.simulate("card remove")
                }
                // The reference platform knows these codes (refplatform/demonetid.h).
                KioskButton {
                    objectName: "demoAppCode"
                    width: 500
                    fontSize: 24
                    text: qsTr("扫政务App身份码")
                    onClicked: Kiosk.simulate("scan https://netid.example.gov.cn/v1/demo-resident")
                }
                KioskButton {
                    objectName: "demoExpiredAppCode"
                    width: 500
                    fontSize: 24
                    text: qsTr("扫过期的身份码")
                    onClicked: Kiosk.simulate("scan https://netid.example.gov.cn/v1/expired-demo")
                }
            }
            KioskText {
                text: qsTr("摄像头实时画面（模拟场景）")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            Row {
                spacing: 12
                CameraPreview {
                    objectName: "facePreview"
                    camera: "face_camera"
                    width: 400
                    height: 300
                    visible: panel.open
                }
                CameraPreview {
                    objectName: "documentPreview"
                    camera: "document_camera"
                    width: 400
                    height: 300
                    visible: panel.open
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 12
                Repeater {
                    model: Kiosk.demoFaults
                    delegate: KioskButton {
                        required property string modelData
                        objectName: "demoFault_" + modelData
                        width: 250
                        fontSize: 22
                        text: panel.faultLabel(modelData)
                        onClicked: Kiosk.simulate("fault " + modelData)
                    }
                }
                KioskButton {
                    objectName: "demoCameraStall"
                    width: 250
                    fontSize: 22
                    text: qsTr("高拍仪停止")
                    onClicked: Kiosk.simulate("camera stall document_camera")
                }
                KioskButton {
                    objectName: "demoCameraResume"
                    width: 250
                    fontSize: 22
                    text: qsTr("高拍仪恢复")
                    onClicked: Kiosk.simulate("camera resume document_camera")
                }
                KioskButton {
                    objectName: "demoFaultNone"
                    width: 250
                    fontSize: 22
                    primary: true
                    text: qsTr("清除故障")
                    onClicked: Kiosk.simulate("fault none")
                }
            }
        }
    }
}
