import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// One 一件事一次办 bundle: its name and how many services it completes in one visit.
Rectangle {
    id: card

    required property string themeId
    required property string name
    required property int itemCount
    signal clicked()
    readonly property bool keypadTarget: true

    objectName: "themeCard_" + themeId
    // Two lines of a long name in elder mode still leave room for the count below it.
    implicitHeight: Math.max(200, column.implicitHeight + 2 * Theme.spacing)
    radius: Theme.radius
    gradient: Gradient {
        GradientStop { position: 0; color: area.pressed ? Theme.primaryDark : "#0E66C2" }
        GradientStop { position: 1; color: Theme.primaryDark }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6

        Rectangle {
            implicitWidth: 56
            implicitHeight: 8
            radius: 4
            color: Theme.gold
        }
        KioskText {
            objectName: "themeName"
            Layout.fillWidth: true
            text: card.name
            color: Theme.textOnPrimary
            font.pixelSize: Theme.elder ? 40 : 34
            font.bold: true
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Item { Layout.fillHeight: true }
        KioskText {
            Layout.fillWidth: true
            text: qsTr("%1 个事项一次办").arg(card.itemCount)
            color: Theme.textOnPrimaryMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }

    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: card.clicked()
    }
}
