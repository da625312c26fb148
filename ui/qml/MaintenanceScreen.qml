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

    // One tab a task; `tab` is the one shown.
    enum Tab { Devices, SelfTest, Paper, Outbox, Platform, Log, Audit }
    property int tab: MaintenanceScreen.Devices

    MouseArea { anchors.fill: parent }

    component Line: KioskText {
        Layout.fillWidth: true
        color: Theme.text
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    component Heading: KioskText {
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

    function attentionColor(attention) {
        return attention === DeviceHealthModel.Fine ? Theme.success : attention === DeviceHealthModel.Watch ? Theme.warning : Theme.accent;
    }
    // The tab's name in its button's objectName ("tab_devices"), as tests and staff scripts find it.
    function tabName(tab) {
        return ["devices", "selftest", "paper", "outbox", "platform", "log", "audit"][tab];
    }
    function tabLabel(tab) {
        switch (tab) {
        case MaintenanceScreen.Devices: return qsTr("设备");
        case MaintenanceScreen.SelfTest: return qsTr("自检");
        case MaintenanceScreen.Paper: return qsTr("纸张");
        case MaintenanceScreen.Outbox: return qsTr("离线队列");
        case MaintenanceScreen.Platform: return qsTr("平台与网络");
        case MaintenanceScreen.Log: return qsTr("运行日志");
        default: return qsTr("审计记录");
        }
    }
    // A self-test's line: what it waits for, what it found, or why it could not run.
    function testText(progress, unavailable, found, detail) {
        switch (progress) {
        case DeviceSelfTests.NotRun: return qsTr("未运行");
        case DeviceSelfTests.Waiting: return qsTr("等待中……");
        case DeviceSelfTests.Unavailable: return unavailable;
        case DeviceSelfTests.Failed: return "failed: " + detail;
        default: return found;
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
                KioskText {
                    text: qsTr("维护模式")
                    color: Theme.textOnPrimary
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                KioskText {
                    text: Maintenance.terminalId + " · " + Maintenance.site + " · " + Kiosk.version
                    color: Theme.textOnPrimaryMuted
                    font.pixelSize: Theme.fontSmall
                }
                KioskText {
                    objectName: "enteredByAdminCode"
                    visible: Maintenance.adminCodeRole !== Maintenance.NoAdminCode
                    text: Maintenance.adminCodeRole === Maintenance.Technician ? qsTr("经管理码进入 · 技术人员") : qsTr("经管理码进入 · 维护人员")
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
            // Tabs only, so that a language switch relabels them rather than rebuilding them.
            model: [MaintenanceScreen.Devices, MaintenanceScreen.SelfTest, MaintenanceScreen.Paper, MaintenanceScreen.Outbox,
                    MaintenanceScreen.Platform, MaintenanceScreen.Log, MaintenanceScreen.Audit]
            delegate: KioskButton {
                required property int modelData
                objectName: "tab_" + screen.tabName(modelData)
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

            // A configured catalogue that does not load: the kiosk serves from another one.
            Card {
                objectName: "catalogueAlert"
                visible: screen.tab === MaintenanceScreen.Devices && !!Maintenance.catalogueProblem
                Line { text: qsTr("需要处理：%1").arg(Maintenance.catalogueProblem); color: Theme.warning }
            }

            // Devices: health, detail, what staff should do, and the counters that survive restarts,
            // the counters worded in the language the screen is shown in.
            Binding {
                target: Maintenance.devices
                property: "language"
                value: Kiosk.language
            }
            Repeater {
                model: screen.tab === MaintenanceScreen.Devices ? Maintenance.devices : null
                delegate: Card {
                    id: deviceCard
                    required property string deviceId
                    required property string spec
                    required property string level
                    required property string detail
                    required property string hint
                    required property bool hasHint
                    required property string statistics
                    required property int attention
                    objectName: "device_" + deviceId
                    RowLayout {
                        Layout.fillWidth: true
                        Rectangle { implicitWidth: 28; implicitHeight: 28; radius: 14; color: screen.attentionColor(deviceCard.attention) }
                        KioskText {
                            Layout.fillWidth: true
                            text: deviceCard.deviceId
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                        }
                        KioskText {
                            text: deviceCard.level + (deviceCard.detail ? " (" + deviceCard.detail + ")" : "")
                            color: screen.attentionColor(deviceCard.attention)
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                        }
                    }
                    Line { text: deviceCard.spec; color: Theme.textMuted }
                    Line { visible: deviceCard.hasHint; text: qsTr("处理建议：%1").arg(deviceCard.hint) }
                    Line { text: deviceCard.statistics ? deviceCard.statistics : qsTr("尚无统计"); color: Theme.textMuted }
                }
            }

            // Self-tests.
            Card {
                visible: screen.tab === MaintenanceScreen.SelfTest
                Heading { text: qsTr("读卡测试") }
                Line { text: qsTr("开始后请放一张身份证：只显示脱敏后的姓名和号码。") }
                RowLayout {
                    KioskButton { objectName: "selfTestCard"; text: qsTr("开始读卡测试"); onClicked: Maintenance.selfTests.startCardTest() }
                    KioskText {
                        objectName: "cardTestResult"
                        Layout.fillWidth: true
                        text: screen.testText(Maintenance.selfTests.card, qsTr("未配置读卡器"), Maintenance.selfTests.cardText, Maintenance.selfTests.cardText)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                }
            }
            Card {
                visible: screen.tab === MaintenanceScreen.SelfTest
                Heading { text: qsTr("扫码测试") }
                RowLayout {
                    KioskButton { objectName: "selfTestScan"; text: qsTr("开始扫码测试"); onClicked: Maintenance.selfTests.startScanTest() }
                    KioskText {
                        objectName: "scanTestResult"
                        Layout.fillWidth: true
                        text: screen.testText(Maintenance.selfTests.scan, qsTr("未配置扫码器"), Maintenance.selfTests.scanText, "")
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }
            }
            Card {
                visible: screen.tab === MaintenanceScreen.SelfTest
                Heading { text: qsTr("打印测试页") }
                RowLayout {
                    KioskButton { objectName: "selfTestPrint"; text: qsTr("打印测试页"); onClicked: Maintenance.printTestPage() }
                    KioskText {
                        objectName: "printTestResult"
                        Layout.fillWidth: true
                        text: Maintenance.selfTests.print === DeviceSelfTests.Waiting ? qsTr("打印中……")
                              : screen.testText(Maintenance.selfTests.print, "", qsTr("已打印"), Maintenance.selfTests.printDetail)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }
            }
            Card {
                visible: screen.tab === MaintenanceScreen.SelfTest
                Heading { text: qsTr("高拍仪画面") }
                Line { text: qsTr("对准一页文字，调节焦距直到清晰度数值最大。") }
                CameraPreview {
                    objectName: "maintenanceCameraPreview"
                    Layout.preferredWidth: 640
                    Layout.preferredHeight: 360
                    camera: "document_camera"
                    visible: screen.tab === MaintenanceScreen.SelfTest
                }
                RowLayout {
                    KioskButton { objectName: "measureCamera"; text: qsTr("测量亮度和清晰度"); onClicked: Maintenance.selfTests.measureCamera("document_camera") }
                    KioskText {
                        objectName: "cameraFigures"
                        Layout.fillWidth: true
                        text: Maintenance.selfTests.camera === DeviceSelfTests.NotRun ? ""
                              : screen.testText(Maintenance.selfTests.camera, qsTr("没有画面"),
                                                qsTr("亮度 %1 · 清晰度 %2").arg(Maintenance.selfTests.brightness).arg(Maintenance.selfTests.focus), "")
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                }
            }

            // Paper: receipts printed since the last refill and what the roll should still hold.
            Repeater {
                model: screen.tab === MaintenanceScreen.Paper ? Maintenance.paper : null
                delegate: Card {
                    id: paperCard
                    required property string printerId
                    required property int printed
                    required property int remaining
                    required property int capacity
                    required property string refilledAt
                    Heading { text: paperCard.printerId }
                    Line {
                        objectName: "paper_" + paperCard.printerId
                        font.pixelSize: Theme.fontBody
                        text: qsTr("换纸后已打印 %1 张，估计还可打印 %2 张（整卷约 %3 张）").arg(paperCard.printed).arg(paperCard.remaining).arg(paperCard.capacity)
                    }
                    Line { text: paperCard.refilledAt ? qsTr("上次换纸：%1").arg(paperCard.refilledAt) : qsTr("尚未记录换纸"); color: Theme.textMuted }
                    KioskButton { objectName: "refilled_" + paperCard.printerId; text: qsTr("已换纸"); onClicked: Maintenance.paperRefilled(paperCard.printerId) }
                }
            }

            // The outbox: counts and parked entries with their error codes, never their contents.
            Card {
                visible: screen.tab === MaintenanceScreen.Outbox
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
                    visible: !!Maintenance.outbox.alert
                    text: qsTr("需要处理：%1").arg(Maintenance.outbox.alert)
                    color: Theme.warning
                }
            }
            Repeater {
                model: screen.tab === MaintenanceScreen.Outbox ? Maintenance.parkedEntries : null
                delegate: Card {
                    id: parkedCard
                    required property string localRef
                    required property string kind
                    required property string error
                    required property int attempts
                    Line { text: parkedCard.localRef + " · " + parkedCard.kind; font.bold: true }
                    Line { text: qsTr("错误代码：%1 · 尝试 %2 次").arg(parkedCard.error).arg(parkedCard.attempts) }
                    KioskButton { text: qsTr("重试"); onClicked: Maintenance.retryEntry(parkedCard.localRef) }
                }
            }

            // Platform and network.
            Card {
                visible: screen.tab === MaintenanceScreen.Platform
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
                    objectName: "clockFarOffWarning"
                    visible: Maintenance.platformCheck.clockFarOff === true
                    color: Theme.warning
                    text: qsTr("本机时钟偏差超过 5 分钟：请校准时间；在此之前按平台时间判断证件有效期")
                }
                Line {
                    text: Maintenance.platformCheck.lastHeartbeat ? qsTr("上次心跳：%1（%2）").arg(Maintenance.platformCheck.lastHeartbeat).arg(Maintenance.platformCheck.lastHeartbeatResult)
                                                                   : qsTr("本次启动后尚无心跳")
                }
            }

            // The recent log (already masked when written) and the audit trail.
            Card {
                visible: screen.tab === MaintenanceScreen.Log
                Heading { text: qsTr("运行日志（最近）") }
                Repeater {
                    model: screen.tab === MaintenanceScreen.Log ? Maintenance.recentLog : []
                    delegate: Line { required property string modelData; text: modelData; font.pixelSize: 20; font.family: "monospace" }
                }
            }
            Card {
                visible: screen.tab === MaintenanceScreen.Audit
                Heading { text: qsTr("审计记录（最近 20 条）") }
                Repeater {
                    model: screen.tab === MaintenanceScreen.Audit ? Maintenance.auditEntries : null
                    delegate: Line {
                        required property string at
                        required property string actor
                        required property string action
                        required property string result
                        required property string detail
                        text: at + "  " + actor + "  " + action + "  " + result + (detail ? "  " + detail : "")
                        font.pixelSize: 22
                    }
                }
            }
        }
    }
}
