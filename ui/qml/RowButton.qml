import QtQuick
import QtQuick.Layouts

// A button in a RowLayout that shares its row with others: it keeps its roomy width while the
// row has room, and when long words in large type (English in elder mode) leave too little, it
// gives way down to its snug width, so that no word is cut short and no button is pushed off
// the screen.
KioskButton {
    property real roomyWidth: implicitWidth

    Layout.fillWidth: true
    Layout.minimumWidth: snugWidth
    Layout.preferredWidth: Math.max(roomyWidth, snugWidth)
    Layout.maximumWidth: Math.max(roomyWidth, snugWidth)
}
