import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// After a session that read a card (SessionFarewell): take the card and the receipt, then thank
// you. The wipe has already put the language back, so the request is written in both languages
// at once, in large type, whatever the resident read before; it shows nothing of theirs. A touch
// starts the next session, as the attract screen beneath would.
Rectangle {
    id: screen
    objectName: "farewellScreen"

    readonly property bool takeCard: Kiosk.farewell === Kiosk.Farewell.TakeCard

    color: Theme.primaryDark

    MouseArea {
        anchors.fill: parent
        onClicked: Kiosk.start()
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: 48

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 260
            implicitHeight: 170
            radius: 20
            color: "transparent"
            border.color: Theme.gold
            border.width: 10
            visible: screen.takeCard
            Rectangle {
                anchors.centerIn: parent
                width: 140
                height: 18
                radius: 9
                color: Theme.gold
            }
        }
        // Written out rather than translated: the resident's language is already gone.
        KioskText {
            objectName: "farewellZh"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.takeCard ? "请取走您的身份证和回执" : "感谢使用，再见"
            color: Theme.textOnPrimary
            font.pixelSize: 84
            font.bold: true
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "farewellEn"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.takeCard ? "Please take your ID card and receipt" : "Thank you, goodbye"
            color: Theme.textOnPrimaryMuted
            font.pixelSize: 60
            wrapMode: Text.Wrap
        }
    }
}
