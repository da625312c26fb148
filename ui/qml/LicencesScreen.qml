import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 电子证照: the resident's e-licences as the platform holds them; each can be printed on the
// document printer. The document is fetched when asked for and not kept.
Item {
    id: screen
    objectName: "licencesScreen"

    signal helpRequested()

    readonly property string problemText: {
        const p = Services.deliveryProblem;
        if (p === "no_printer") return qsTr("文件打印机暂时无法使用。请联系工作人员。");
        if (p.startsWith("printer:media-empty")) return qsTr("打印机缺纸，证照没有打印完。请联系工作人员补纸后重新打印。");
        if (p.startsWith("printer:")) return qsTr("打印机出现故障，证照没有打印出来。请联系工作人员。");
        return qsTr("证照没有打印出来，请稍后再试。");
    }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    ColumnLayout {
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        KioskText {
            objectName: "licencesTitle"
            Layout.fillWidth: true
            text: qsTr("我的电子证照")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        KioskText {
            objectName: "licencesState"
            Layout.fillWidth: true
            visible: text !== ""
            text: {
                if (Services.recordsState === Services.RecordsState.Loading) return qsTr("正在查询…");
                if (Services.recordsState === Services.RecordsState.Failed) return qsTr("暂时查询不到您的电子证照，请稍后再试。");
                if (Services.licences.length === 0) return qsTr("平台上没有您的电子证照。");
                return "";
            }
            font.pixelSize: Theme.fontBody
            color: Services.recordsState === Services.RecordsState.Failed ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
        }
        Rectangle {
            objectName: "licencePrintStatus"
            Layout.fillWidth: true
            visible: Services.deliveryStage !== DocumentDelivery.Stage.Idle
            implicitHeight: printStatus.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Services.deliveryStage === DocumentDelivery.Stage.Failed ? "#FDECEC" : Theme.primaryLight
            KioskText {
                id: printStatus
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                text: Services.deliveryStage === DocumentDelivery.Stage.Failed ? screen.problemText
                    : Services.deliveryStage === DocumentDelivery.Stage.Done ? qsTr("证照已打印，请从文件出口取走。")
                    : qsTr("正在打印，请稍候…")
                font.pixelSize: Theme.fontBody
                color: Services.deliveryStage === DocumentDelivery.Stage.Failed ? Theme.accent : Theme.text
                wrapMode: Text.Wrap
            }
        }

        ListView {
            objectName: "licenceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: Services.licences
            delegate: Rectangle {
                required property var modelData
                width: ListView.view.width
                implicitHeight: Math.max(licenceColumn.implicitHeight, printButton.height) + 2 * Theme.margin
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                border.width: 2
                ColumnLayout {
                    id: licenceColumn
                    x: Theme.margin
                    anchors.verticalCenter: parent.verticalCenter
                    width: parent.width - 3 * Theme.margin - printButton.width
                    spacing: 8
                    KioskText {
                        Layout.fillWidth: true
                        text: modelData.type
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("发证日期 %1").arg(modelData.issued)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                }
                KioskButton {
                    id: printButton
                    objectName: "printLicence-" + modelData.id
                    anchors.right: parent.right
                    anchors.rightMargin: Theme.margin
                    anchors.verticalCenter: parent.verticalCenter
                    width: 260
                    primary: true
                    enabled: Services.deliveryStage !== DocumentDelivery.Stage.Filing && Services.deliveryStage !== DocumentDelivery.Stage.Fetching
                             && Services.deliveryStage !== DocumentDelivery.Stage.Printing
                    text: qsTr("打印")
                    onClicked: Services.printLicence(modelData.id)
                }
            }
        }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        // A printed licence files no case; its rating names the licence instead (contract 1.1).
        readonly property bool printed: Services.deliveryStage === DocumentDelivery.Stage.Done && Services.documentPrinted
        Row {
            anchors.centerIn: parent
            spacing: Theme.spacing
            KioskButton {
                objectName: "rateLicenceButton"
                visible: footer.printed
                width: Math.min(600, (footer.width - 3 * Theme.spacing) / 2)
                primary: true
                text: qsTr("完成，评价本次服务")
                onClicked: Kiosk.continueToRating()
            }
            KioskButton {
                objectName: "finishButton"
                width: footer.printed ? Math.min(600, (footer.width - 3 * Theme.spacing) / 2) : 600
                primary: !footer.printed
                text: qsTr("结束")
                onClicked: Kiosk.skipRating()
            }
        }
    }
}
