import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 办件查询: the resident's cases with where each one stands, newest first, or the one case of a
// scanned receipt. Each shows its number, the service, its status in words and its history.
Item {
    id: screen
    objectName: "progressScreen"

    signal helpRequested()

    function statusText(status, statusName) {
        switch (status) {
        case Services.CaseStatus.Accepted: return qsTr("已受理");
        case Services.CaseStatus.InReview: return qsTr("审核中");
        case Services.CaseStatus.Approved: return qsTr("已办结");
        case Services.CaseStatus.Rejected: return qsTr("不予受理");
        case Services.CaseStatus.NeedsMaterials: return qsTr("需补充材料");
        case Services.CaseStatus.QueuedAtKiosk: return qsTr("已保存在本机，等待提交");
        case Services.CaseStatus.AwaitingPayment: return qsTr("待缴费");
        case Services.CaseStatus.Cancelled: return qsTr("已撤销");
        }
        return statusName;
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
            objectName: "progressTitle"
            Layout.fillWidth: true
            text: qsTr("办件进度查询")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        KioskText {
            objectName: "progressState"
            Layout.fillWidth: true
            visible: text !== ""
            text: {
                if (Services.recordsState === Services.RecordsState.Loading) return qsTr("正在查询…");
                if (Services.recordsState === Services.RecordsState.Failed)
                    return Services.recordsProblem === "not_found" ? qsTr("没有找到这个办件。请核对回执，或到人工窗口咨询。")
                         : qsTr("暂时查询不到，请稍后再试，或拨打 12345 咨询。");
                if (Services.cases.length === 0) return qsTr("没有查到您的办件。");
                return "";
            }
            font.pixelSize: Theme.fontBody
            color: Services.recordsState === Services.RecordsState.Failed ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
        }

        ListView {
            objectName: "caseList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: Services.cases
            delegate: Rectangle {
                required property var modelData
                width: ListView.view.width
                implicitHeight: caseColumn.implicitHeight + 2 * Theme.margin
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                border.width: 2
                ColumnLayout {
                    id: caseColumn
                    x: Theme.margin
                    y: Theme.margin
                    width: parent.width - 2 * Theme.margin
                    spacing: 12
                    KioskText {
                        Layout.fillWidth: true
                        text: modelData.item
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        objectName: "caseReference"
                        Layout.fillWidth: true
                        text: modelData.caseNo !== "" ? qsTr("办件编号 %1").arg(modelData.caseNo)
                                                      : qsTr("本机受理编号 %1").arg(modelData.localRef)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.WrapAnywhere
                    }
                    KioskText {
                        objectName: "caseStatus"
                        text: screen.statusText(modelData.status, modelData.statusName)
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                        color: modelData.status === Services.CaseStatus.Approved ? Theme.success
                             : (modelData.status === Services.CaseStatus.Rejected || modelData.status === Services.CaseStatus.NeedsMaterials) ? Theme.accent
                             : Theme.primaryDark
                    }
                    KioskText {
                        Layout.fillWidth: true
                        visible: modelData.status === Services.CaseStatus.QueuedAtKiosk
                        text: qsTr("政务服务平台恢复连接后会自动提交，提交后即可查到办件编号和进度。")
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    // A document posted to the resident (免费邮寄): the courier's number once shipped.
                    KioskText {
                        objectName: "caseTracking"
                        Layout.fillWidth: true
                        visible: modelData.trackingNo !== ""
                        text: qsTr("已邮寄：%1 运单号 %2").arg(modelData.carrier).arg(modelData.trackingNo)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.primaryDark
                        wrapMode: Text.WrapAnywhere
                    }
                    // Refused (不予受理): the resident may say the matter could not be got done.
                    KioskButton {
                        objectName: "complainAboutCase-" + modelData.caseNo
                        Layout.fillWidth: true
                        visible: modelData.status === Services.CaseStatus.Rejected && modelData.caseNo !== ""
                        text: qsTr("办不成事？投诉建议")
                        onClicked: Complaint.startAboutCase(modelData.caseNo)
                    }
                    Repeater {
                        model: modelData.history
                        delegate: KioskText {
                            required property var modelData
                            Layout.fillWidth: true
                            text: modelData.at + "  " + modelData.note
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                    }
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
        KioskButton {
            objectName: "finishButton"
            anchors.centerIn: parent
            width: 600
            primary: true
            text: qsTr("查询完毕")
            onClicked: Kiosk.skipRating()
        }
    }
}
