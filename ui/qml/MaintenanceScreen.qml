import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Maintenance mode for staff, one tab a task: device health, self-tests, paper, the outbox, the
// platform, the recent log and the audit trail. Everything shown comes from the Maintenance
// controller; nothing here holds personal data (the card test shows masked text only).
Rectangle {
    id: screen
    objectName: "maintenanceScreen"
    color: Theme.background

    property string tab: "devices"

    MouseArea { anchors.fill: parent }

    component Line: Text {
        Layout.fillWidth: true
        color: Theme.text
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    component Heading: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        color: Theme.primaryDark
        font.pixelSize: Theme.fontHeading
        font.bold: true
        wrapMode: Text.Wrap
    }
    component Card: Rectangle {
        default property alias content: inner.data
        Layout.fillWidth: true
        implicitHeight: inner.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: 2
        ColumnLayout {
            id: inner
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: 8
        }
    }

    function levelColor(level) {
        return level === "ok" ? Theme.success : (level === "warning" || level === "busy" || level === "unknown") ? Theme.warning : Theme.accent;
    }
    function tabLabel(id) {
        switch (id) {
        case "devices": return qsTr("设备");
        case "selftest": return qsTr("自检");
        case "paper": return qsTr("纸张");
        case "outbox": return qsTr("离线队列");
        case "platform": return qsTr("平台与网络");
        case "log": return qsTr("运行日志");
        default: return qsTr("审计记录");
        }
    }
    function testText(value) {
        switch (value) {
        case "": return qsTr("未运行");
        case "waiting": return qsTr("等待中……");
        case "printing": return qsTr("打印中……");
        case "printed": return qsTr("已打印");
        case "no_reader": return qsTr("未配置读卡器");
        case "no_scanner": return qsTr("未配置扫码器");
        case "no_frame": return qsTr("没有画面");
        default: return value;
        }
    }

    Rectangle {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        // Taller when a third line says the way in was an admin code.
        height: Math.max(150, headerLines.implicitHeight + 2 * Theme.spacing)
        color: "#2B3340"
        RowLayout {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            ColumnLayout {
                id: headerLines
                Text {
                    text: qsTr("维护模式")
                    color: Theme.textOnPrimary
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                Text {
                    text: Maintenance.terminalId + " · " + Maintenance.site + " · " + Kiosk.version
                    color: Theme.textOnPrimaryMuted
                    font.pixelSize: Theme.fontSmall
                }
                Text {
                    objectName: "enteredByAdminCode"
                    visible: Maintenance.adminCodeRole !== ""
                    text: Maintenance.adminCodeRole === "technician" ? qsTr("经管理码进入 · 技术人员") : qsTr("经管理码进入 · 维护人员")
                    color: Theme.gold
                    font.pixelSize: Theme.fontSmall
                }
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "maintenanceLeave"
                text: qsTr("退出维护")
                onClicked: Maintenance.leave()
            }
        }
    }

    Flow {
        id: tabs
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.spacing
        spacing: 12
        Repeater {
            // Ids only, so that a language switch relabels the tabs rather than rebuilding them.
            model: ["devices", "selftest", "paper", "outbox", "platform", "log", "audit"]
            delegate: KioskButton {
                required property string modelData
                objectName: "tab_" + modelData
                fontSize: Theme.fontSmall
                checked: screen.tab === modelData
                text: screen.tabLabel(modelData)
                onClicked: {
                    screen.tab = modelData;
                    Maintenance.refresh();
                }
            }
        }
    }

    Flickable {
        id: page
        anchors.top: tabs.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        contentHeight: body.implicitHeight
        clip: true

        ColumnLayout {
            id: body
            width: page.width
            spacing: Theme.spacing

            // Devices: health, detail, what staff should do, and the counters that survive restarts.
            Repeater {
                model: screen.tab === "devices" ? Maintenance.devices : []
                delegate: Card {
                    required property var modelData
                    objectName: "device_" + modelData.id
                    RowLayout {
                        Layout.fillWidth: true
                        Rectangle { implicitWidth: 28; implicitHeight: 28; radius: 14; color: screen.levelColor(modelData.level) }
                        Text {
                            Layout.fillWidth: true
                            text: modelData.id
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                        }
                        Text {
                            text: modelData.level + (modelData.detail ? " (" + modelData.detail + ")" : "")
                            color: screen.levelColor(modelData.level)
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                        }
                    }
                    Line { text: modelData.spec; color: Theme.textMuted }
                    Line { visible: modelData.hint !== "none"; text: qsTr("处理建议：%1").arg(modelData.hint) }
                    Line { text: modelData.statistics === "" ? qsTr("尚无统计") : modelData.statistics; color: Theme.textMuted }
                }
            }

            // Self-tests.
            Card {
                visible: screen.tab === "selftest"
                Heading { text: qsTr("读卡测试") }
                Line { text: qsTr("开始后请放一张身份证：只显示脱敏后的姓名和号码。") }
                RowLayout {
                    KioskButton { objectName: "selfTestCard"; text: qsTr("开始读卡测试"); onClicked: Maintenance.startCardTest() }
                    Text {
                        objectName: "cardTestResult"
                        Layout.fillWidth: true
                        text: screen.testText(Maintenance.cardTest)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                }
            }
            Card {
                visible: screen.tab === "selftest"
                Heading { text: qsTr("扫码测试") }
                RowLayout {
                    KioskButton { objectName: "selfTestScan"; text: qsTr("开始扫码测试"); onClicked: Maintenance.startScanTest() }
                    Text {
                        objectName: "scanTestResult"
                        Layout.fillWidth: true
                        text: screen.testText(Maintenance.scanTest)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }
            }
            Card {
                visible: screen.tab === "selftest"
                Heading { text: qsTr("打印测试页") }
                RowLayout {
                    KioskButton { objectName: "selfTestPrint"; text: qsTr("打印测试页"); onClicked: Maintenance.printTestPage() }
                    Text {
                        objectName: "printTestResult"
                        Layout.fillWidth: true
                        text: screen.testText(Maintenance.printTest)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }
            }
            Card {
                visible: screen.tab === "selftest"
                Heading { text: qsTr("高拍仪画面") }
                Line { text: qsTr("对准一页文字，调节焦距直到清晰度数值最大。") }
                CameraPreview {
                    objectName: "maintenanceCameraPreview"
                    Layout.preferredWidth: 640
                    Layout.preferredHeight: 360
                    camera: "document_camera"
                    visible: screen.tab === "selftest"
                }
                RowLayout {
                    KioskButton { objectName: "measureCamera"; text: qsTr("测量亮度和清晰度"); onClicked: Maintenance.measureCamera("document_camera") }
                    Text {
                        objectName: "cameraFigures"
                        Layout.fillWidth: true
                        text: Maintenance.cameraFigures === "" ? "" : Maintenance.cameraFigures === "no_frame" ? screen.testText("no_frame")
                              : qsTr("亮度 %1 · 清晰度 %2").arg(Maintenance.cameraFigures.split(" · ")[0]).arg(Maintenance.cameraFigures.split(" · ")[1])
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                }
            }

            // Paper: receipts printed since the last refill and what the roll should still hold.
            Repeater {
                model: screen.tab === "paper" ? Maintenance.paper : []
                delegate: Card {
                    required property var modelData
                    Heading { text: modelData.id }
                    Line {
                        objectName: "paper_" + modelData.id
                        font.pixelSize: Theme.fontBody
                        text: qsTr("换纸后已打印 %1 张，估计还可打印 %2 张（整卷约 %3 张）").arg(modelData.printed).arg(modelData.remaining).arg(modelData.capacity)
                    }
                    Line { text: modelData.refilledAt === "" ? qsTr("尚未记录换纸") : qsTr("上次换纸：%1").arg(modelData.refilledAt); color: Theme.textMuted }
                    KioskButton { objectName: "refilled_" + modelData.id; text: qsTr("已换纸"); onClicked: Maintenance.paperRefilled(modelData.id) }
                }
            }

            // The outbox: counts and parked entries with their error codes, never their contents.
            Card {
                visible: screen.tab === "outbox"
                Heading { text: qsTr("离线队列") }
                Line {
                    objectName: "outboxCounts"
                    font.pixelSize: Theme.fontBody
                    text: Maintenance.outbox.problem ? qsTr("离线队列不可用：%1").arg(Maintenance.outbox.problem)
                          : qsTr("待发送 %1 · 失败 %2 · 已送达 %3").arg(Maintenance.outbox.pending).arg(Maintenance.outbox.parked).arg(Maintenance.outbox.delivered)
                }
                Line {
                    visible: !Maintenance.outbox.problem
                    text: qsTr("最早一条已等待 %1 秒 · 占用 %2 字节").arg(Maintenance.outbox.oldestS).arg(Maintenance.outbox.bytes)
                    color: Theme.textMuted
                }
                Line {
                    objectName: "outboxAlert"
                    visible: Maintenance.outbox.alert !== ""
                    text: qsTr("需要处理：%1").arg(Maintenance.outbox.alert)
                    color: Theme.warning
                }
            }
            Repeater {
                model: screen.tab === "outbox" ? Maintenance.failedEntries : []
                delegate: Card {
                    required property var modelData
                    Line { text: modelData.localRef + " · " + modelData.kind; font.bold: true }
                    Line { text: qsTr("错误代码：%1 · 尝试 %2 次").arg(modelData.error).arg(modelData.attempts) }
                    KioskButton { text: qsTr("重试"); onClicked: Maintenance.retryEntry(modelData.localRef) }
                }
            }

            // Platform and network.
            Card {
                visible: screen.tab === "platform"
                Heading { text: qsTr("平台与网络") }
                KioskButton { objectName: "checkPlatform"; text: qsTr("检查平台连接"); onClicked: Maintenance.checkPlatform() }
                Line {
                    objectName: "platformResult"
                    font.pixelSize: Theme.fontBody
                    text: Maintenance.platformCheck.checking ? qsTr("检查中……")
                          : !Maintenance.platformCheck.checked ? qsTr("尚未检查")
                          : Maintenance.platformCheck.reachable ? qsTr("平台可达（HTTP %1，%2 毫秒）").arg(Maintenance.platformCheck.httpStatus).arg(Maintenance.platformCheck.latencyMs)
                          : qsTr("平台不可达：%1").arg(Maintenance.platformCheck.detail)
                }
                Line { text: Maintenance.enrolled ? qsTr("已注册") : qsTr("未注册") }
                Line {
                    visible: Maintenance.platformCheck.clockOffsetS !== undefined
                    text: qsTr("时钟偏差：%1 秒").arg(Maintenance.platformCheck.clockOffsetS)
                }
                Line {
                    text: Maintenance.platformCheck.lastHeartbeat ? qsTr("上次心跳：%1（%2）").arg(Maintenance.platformCheck.lastHeartbeat).arg(Maintenance.platformCheck.lastHeartbeatResult)
                                                                   : qsTr("本次启动后尚无心跳")
                }
            }

            // The recent log (already masked when written) and the audit trail.
            Card {
                visible: screen.tab === "log"
                Heading { text: qsTr("运行日志（最近）") }
                Repeater {
                    model: screen.tab === "log" ? Maintenance.recentLog : []
                    delegate: Line { required property string modelData; text: modelData; font.pixelSize: 20; font.family: "monospace" }
                }
            }
            Card {
                visible: screen.tab === "audit"
                Heading { text: qsTr("审计记录（最近 20 条）") }
                Repeater {
                    model: screen.tab === "audit" ? Maintenance.auditEntries : []
                    delegate: Line {
                        required property var modelData
                        text: modelData.at + "  " + modelData.actor + "  " + modelData.action + "  " + modelData.result + (modelData.detail ? "  " + modelData.detail : "")
                        font.pixelSize: 22
                    }
                }
            }
        }
    }
}
