import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// One service in a list: its name, the department that decides it, and what kind it is.
Rectangle {
    id: card

    required property string code
    required property string name
    required property string department
    required property string kind
    required property bool instant
    signal clicked()
    readonly property bool keypadTarget: true

    objectName: "itemCard_" + code
    // Long English names and departments wrap instead of being cut; the row grows to fit.
    implicitHeight: Math.max(196, content.implicitHeight + 2 * Theme.spacing)
    radius: Theme.radius
    color: area.pressed ? Theme.primaryLight : Theme.surface
    border.color: Theme.border
    border.width: 2

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8

        KioskText {
            objectName: "itemName"
            Layout.fillWidth: true
            text: card.name
            font.pixelSize: Theme.elder ? 42 : 32
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            lineHeight: 1.1
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            KioskText {
                Layout.fillWidth: true
                text: card.department
                font.pixelSize: Theme.elder ? 30 : 24
                color: Theme.textMuted
                wrapMode: Text.Wrap
                // Three lines: a long department's name in English on a landscape panel's
                // narrower cards.
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            KindBadge {
                kind: card.kind
                instant: card.instant
            }
        }
    }

    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: card.clicked()
    }
}
