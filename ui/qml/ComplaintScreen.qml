import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 办不成事 / 投诉建议: a category, what happened typed on the kiosk's pinyin keyboard, and a phone
// number only when the resident wants an answer (anonymous otherwise). Once sent, the 12345
// number (or, while the platform is away, the local reference) and the slip's state.
Item {
    id: screen
    objectName: "complaintScreen"

    signal helpRequested()
    // About a refused case, it is the matter that could not be got done unless the resident says otherwise.
    property string category: Complaint.aboutCase ? "cannot_get_done" : ""
    // Which field the keyboard edits: "text", "phone" or "" (keyboard hidden).
    property string editing: ""
    property string text: ""
    property string phone: ""
    readonly property bool filed: Complaint.stage === ComplaintFiling.Stage.Queued || Complaint.stage === ComplaintFiling.Stage.Delivered

    function edit(field) {
        if (screen.editing === "text")
            screen.text = keyboard.text;
        else if (screen.editing === "phone")
            screen.phone = keyboard.text;
        screen.editing = field;
        if (field === "text")
            keyboard.reset(screen.text, OnScreenKeyboard.KeySet.Pinyin);
        else if (field === "phone")
            keyboard.reset(screen.phone, OnScreenKeyboard.KeySet.Digits);
    }
    function shown(field) {
        return screen.editing === field ? keyboard.text + keyboard.composition + "▏" : (field === "text" ? screen.text : screen.phone);
    }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas (landscape, 5:4) rather than cut text or hide a button.
    ScrollingPage {
        objectName: "complaintPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.visible ? keyboard.top : footer.top

        KioskText {
            Layout.fillWidth: true
            text: qsTr("办不成事 / 投诉建议")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "complaintIntro"
            Layout.fillWidth: true
            visible: !screen.filed && screen.editing === ""
            text: Complaint.caseNo !== "" ? qsTr("您的意见会连同办件编号 %1 一起转给12345热线，3个工作日内处理。").arg(Complaint.caseNo)
                : Complaint.aboutCase ? qsTr("您的意见会连同刚才的办件编号一起转给12345热线，3个工作日内处理。")
                                      : qsTr("您的意见会转给12345热线，3个工作日内处理。默认匿名提交。")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }

        // The categories.
        Flow {
            Layout.fillWidth: true
            visible: !screen.filed && screen.editing === ""
            spacing: Theme.spacing
            Repeater {
                model: Complaint.categories
                KioskButton {
                    required property var modelData
                    objectName: "category_" + modelData.id
                    width: (parent.width - Theme.spacing) / 2
                    primary: screen.category === modelData.id
                    text: modelData.name
                    onClicked: screen.category = modelData.id
                }
            }
        }

        // What happened, and the optional phone.
        Rectangle {
            objectName: "complaintTextField"
            Layout.fillWidth: true
            visible: !screen.filed && screen.editing !== "phone"
            implicitHeight: Math.max(Theme.touchMin * 2, typed.implicitHeight + 2 * Theme.spacing)
            radius: Theme.radius / 2
            color: Theme.surface
            border.width: screen.editing === "text" ? 4 : 2
            border.color: screen.editing === "text" ? Theme.primary : Theme.border
            KioskText {
                id: typed
                objectName: "complaintText"
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                text: screen.shown("text") !== "" ? screen.shown("text") : qsTr("点这里，用拼音输入您遇到的问题或建议")
                font.pixelSize: Theme.fontBody
                color: screen.shown("text") !== "" ? Theme.text : Theme.textMuted
                wrapMode: Text.Wrap
            }
            MouseArea { readonly property bool keypadTarget: true; anchors.fill: parent; onClicked: screen.edit("text") }
        }
        Rectangle {
            objectName: "complaintPhoneField"
            Layout.fillWidth: true
            visible: !screen.filed && screen.editing !== "text"
            implicitHeight: Math.max(Theme.touchMin, phoneText.implicitHeight + 2 * Theme.spacing)
            radius: Theme.radius / 2
            color: Theme.surface
            border.width: screen.editing === "phone" ? 4 : 2
            border.color: screen.editing === "phone" ? Theme.primary : Theme.border
            KioskText {
                id: phoneText
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                text: screen.shown("phone") !== "" ? screen.shown("phone") : qsTr("手机号（选填，留下才会回复您；不填即匿名）")
                font.pixelSize: Theme.fontBody
                color: screen.shown("phone") !== "" ? Theme.text : Theme.textMuted
                wrapMode: Text.Wrap
            }
            MouseArea { readonly property bool keypadTarget: true; anchors.fill: parent; onClicked: screen.edit("phone") }
        }

        KioskText {
            objectName: "complaintState"
            Layout.fillWidth: true
            visible: text !== ""
            text: {
                if (Complaint.stage === ComplaintFiling.Stage.Delivered)
                    return qsTr("已提交，投诉编号 %1。请保留凭条，可拨打12345查询处理结果。").arg(Complaint.complaintNo);
                if (Complaint.stage === ComplaintFiling.Stage.Queued)
                    return qsTr("已登记，登记号 %1。政务服务平台暂时连不上，恢复后会自动提交，不会丢失。").arg(Complaint.localRef);
                switch (Complaint.problem) {
                case "category_required": return qsTr("请先选择类别。");
                case "text_required": return qsTr("请写下您遇到的问题或建议。");
                case "text_too_long": return qsTr("内容太长，请控制在500字以内。");
                case "phone_invalid": return qsTr("手机号应为11位数字，或者不填。");
                case "not_stored": return qsTr("暂时无法登记，请到咨询台反映，或拨打12345。");
                }
                return "";
            }
            font.pixelSize: Theme.fontBody
            font.bold: screen.filed
            color: screen.filed ? Theme.success : Theme.accent
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "complaintPrintState"
            Layout.fillWidth: true
            visible: text !== ""
            text: {
                switch (Complaint.printState) {
                case Complaint.PrintState.Printing: return qsTr("正在打印凭条…");
                case Complaint.PrintState.Printed: return qsTr("凭条已打印，请从出票口取走。");
                case Complaint.PrintState.Failed: return qsTr("凭条没有打印出来，请记下上面的编号。");
                }
                return screen.filed ? qsTr("正在提交…") : "";
            }
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskButton {
            objectName: "complaintReprintButton"
            visible: Complaint.printState === Complaint.PrintState.Failed
            Layout.preferredWidth: Math.max(320, snugWidth)
            text: qsTr("重新打印")
            onClicked: Complaint.reprint()
        }
        Item { Layout.fillHeight: true }
    }

    OnScreenKeyboard {
        id: keyboard
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: screen.editing !== "" && !screen.filed
        maximumLength: screen.editing === "phone" ? 11 : 500
        onDone: { keyboard.finishSpelling(); screen.edit(""); }
        onCancelled: { keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin); screen.editing = ""; }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: !keyboard.visible
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        RowLayout {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing
            KioskButton {
                objectName: "backButton"
                visible: !screen.filed
                Layout.fillWidth: true
                text: qsTr("返回")
                onClicked: Kiosk.backToHome()
            }
            KioskButton {
                objectName: "submitComplaintButton"
                visible: !screen.filed
                Layout.fillWidth: true
                primary: true
                text: qsTr("提交")
                onClicked: Complaint.file(screen.category, screen.text, screen.phone)
            }
            KioskButton {
                objectName: "complaintDoneButton"
                visible: screen.filed
                Layout.fillWidth: true
                primary: true
                text: qsTr("完成")
                onClicked: Kiosk.endSession()
            }
        }
    }
}
