import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A screen's body as one column that fills the space it is given and scrolls when the canvas is
// too short for it (a landscape or 5:4 panel is 1080 units high, a tall one in reach mode a
// little more). Spacers with Layout.fillHeight still spread the column on a tall canvas. A bar
// at the right shows there is more below, so nothing a resident must read is out of sight
// without a sign of it.
Flickable {
    id: page

    default property alias content: column.data
    property alias spacing: column.spacing
    property real margins: Theme.margin
    // The widest the column grows on a wide canvas: lines longer than this are hard to read.
    property real maximumContentWidth: 1400
    // The height the column asks for, margins included: a page placed in a layout can be made
    // as tall as its content and no taller.
    readonly property real contentImplicitHeight: column.implicitHeight + 2 * margins
    // The bar at the right is drawn over the content: a page with narrow margins (the materials
    // list, margins 0) keeps its column clear of it, whether the bar shows or not, so the column's
    // width never depends on its own height.
    readonly property real barRoom: Math.max(0, 22 - margins)
    contentWidth: width
    contentHeight: column.height + 2 * margins
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    flickableDirection: Flickable.VerticalFlick

    ColumnLayout {
        id: column
        x: Math.max(page.margins, (page.width - page.maximumContentWidth) / 2)
        y: page.margins
        width: page.width - 2 * x - page.barRoom
        height: Math.max(page.height - 2 * page.margins, implicitHeight)
        spacing: Theme.spacing
    }

    Rectangle {
        objectName: "scrollBar"
        visible: page.contentHeight > page.height + 1
        parent: page
        x: page.width - width - 6
        y: page.height * page.visibleArea.yPosition
        width: 10
        height: Math.max(48, page.height * page.visibleArea.heightRatio)
        radius: 5
        color: Theme.border
    }
}
