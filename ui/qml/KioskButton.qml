import QtQuick
import Kiosk.Ui

// A large button for a finger: never under Theme.touchMin high, with a pressed state a resident
// can see. `primary` buttons are filled; others are outlined.
Rectangle {
    id: button

    property alias text: label.text
    property bool primary: false
    property bool checked: false
    property int fontSize: Theme.fontBody
    signal clicked()
    // A control the physical keypad moves to and chooses (KeypadNavigator).
    readonly property bool keypadTarget: true

    // The narrowest the button can be with its word whole at its own size: what a row that
    // runs short of room may shrink it to.
    readonly property real snugWidth: Math.max(Theme.touchMin, label.implicitWidth + 2 * Theme.spacing)

    implicitWidth: Math.max(Theme.touchMin * 2, label.implicitWidth + 2 * Theme.spacing * 2)
    implicitHeight: Theme.touchMin
    radius: Theme.radius
    opacity: enabled ? 1 : 0.45
    color: {
        const filled = primary || checked;
        if (area.pressed)
            return filled ? Theme.primaryDark : Theme.primaryLight;
        return filled ? Theme.primary : Theme.surface;
    }
    border.width: primary || checked ? 0 : 3
    border.color: Theme.primary

    KioskText {
        id: label
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        horizontalAlignment: Text.AlignHCenter
        // A long word in a large type (English in elder mode) is set a little smaller before
        // anything is cut short.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Math.min(button.fontSize, Theme.fontSmall)
        elide: Text.ElideRight
        font.pixelSize: button.fontSize
        font.bold: true
        color: button.primary || button.checked ? Theme.textOnPrimary : Theme.primary
    }

    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
