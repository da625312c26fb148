import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// 好差评: five levels, anonymous; the two lowest ask what went wrong before they can be sent.
Item {
    id: screen
    objectName: "ratingScreen"

    signal helpRequested()

    property int score: 0
    property var tags: []
    readonly property bool needsTags: Kiosk.ratingNeedsTags(score)

    // The levels and the tags are the rating's (ServiceRating, through Kiosk); the words are the
    // screen's. Tags go to the platform as codes, whatever language the resident reads them in.
    function levelLabel(level) {
        switch (level) {
        case 5: return qsTr("非常满意");
        case 4: return qsTr("满意");
        case 3: return qsTr("基本满意");
        case 2: return qsTr("不满意");
        case 1: return qsTr("非常不满意");
        }
        return "";
    }
    function tagLabel(tag) {
        switch (tag) {
        case "too_many_steps": return qsTr("办理流程繁琐");
        case "kiosk_hard_to_use": return qsTr("设备不好用");
        case "unclear_instructions": return qsTr("提示不清楚");
        case "long_wait": return qsTr("等待时间长");
        case "unclear_materials": return qsTr("材料要求不明确");
        }
        return tag;
    }

    function toggle(tag) {
        const next = screen.tags.slice();
        const at = next.indexOf(tag);
        if (at >= 0)
            next.splice(at, 1);
        else
            next.push(tag);
        screen.tags = next;
    }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        showExit: false
        onHelpRequested: screen.helpRequested()
    }

    // Scrolls on a short canvas (landscape, 5:4) rather than cut text or hide a button.
    ScrollingPage {
        objectName: "ratingPage"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        KioskText {
            Layout.fillWidth: true
            text: qsTr("请为本次服务评价")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskText {
            Layout.fillWidth: true
            text: qsTr("评价是匿名的，只用于改进服务。")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Repeater {
            model: Kiosk.ratingScores
            delegate: KioskButton {
                required property int modelData
                objectName: "score_" + modelData
                Layout.fillWidth: true
                checked: screen.score === modelData
                text: screen.levelLabel(modelData)
                onClicked: screen.score = modelData
            }
        }
        KioskText {
            Layout.fillWidth: true
            visible: screen.needsTags
            text: qsTr("请选择不满意的原因（至少一项）")
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.accent
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            visible: screen.needsTags
            spacing: 16
            Repeater {
                model: Kiosk.ratingTags
                delegate: KioskButton {
                    required property string modelData
                    required property int index
                    objectName: "tag_" + index
                    width: Math.max(300, implicitWidth)
                    fontSize: Theme.fontSmall
                    checked: screen.tags.indexOf(modelData) >= 0
                    text: screen.tagLabel(modelData)
                    onClicked: screen.toggle(modelData)
                }
            }
        }
        Item { Layout.fillHeight: true }
    }

    Rectangle {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        implicitHeight: Theme.touchMin + 2 * Theme.spacing
        color: Theme.surface
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.spacing
            KioskButton {
                objectName: "skipRating"
                Layout.preferredWidth: 300
                text: qsTr("跳过")
                onClicked: Kiosk.skipRating()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "sendRating"
                Layout.preferredWidth: 420
                primary: true
                enabled: screen.score > 0 && (!screen.needsTags || screen.tags.length > 0)
                text: qsTr("提交评价")
                onClicked: Kiosk.rate(screen.score, screen.tags)
            }
        }
    }
}
