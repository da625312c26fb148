import QtQuick
import Kiosk.Ui

// One key of the on-screen keyboard. Its face darkens the moment a finger lands, so a press feels
// instant; the key acts on release, like every other button of the kiosk.
Rectangle {
    id: key

    property string label: ""
    // The keyboard's main action (确定): filled in the kiosk's blue.
    property bool primary: false
    // Keys that change the keyboard rather than type (删除, 中/英, 123): tinted.
    property bool functional: false
    property int fontSize: Theme.elder ? 44 : 36
    signal clicked()
    readonly property bool keypadTarget: true

    implicitWidth: Theme.elder ? 96 : 88
    implicitHeight: Theme.elder ? 124 : 100
    radius: 12
    color: area.pressed ? Theme.primaryDark : primary ? Theme.primary : functional ? "#D5DEEA" : Theme.surface
    border.width: primary ? 0 : 2
    border.color: Theme.border
    opacity: enabled ? 1 : 0.45

    KioskText {
        anchors.centerIn: parent
        width: parent.width - 8
        horizontalAlignment: Text.AlignHCenter
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 20
        text: key.label
        font.pixelSize: key.fontSize
        font.bold: key.primary || key.functional
        color: area.pressed || key.primary ? Theme.textOnPrimary : Theme.text
    }

    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: key.clicked()
    }
}
