import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// A 一件事一次办 bundle: the services it completes in one visit, each with its guide.
Item {
    id: screen
    objectName: "themeScreen"

    signal helpRequested()

    UnavailableReason { id: unavailableReason }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    Flickable {
        id: flick
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.spacing

            KioskText {
                objectName: "themeTitle"
                Layout.fillWidth: true
                text: Kiosk.selectedTheme.name || ""
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("一次身份核验、一张合并表单，以下 %1 个事项一次办好，每个事项各有办件编号。").arg(Kiosk.themeItems.count)
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Rectangle {
                objectName: "themeUnavailableNotice"
                Layout.fillWidth: true
                visible: !Kiosk.selectedThemeAvailable
                implicitHeight: themeUnavailableText.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: "#FFF4E0"
                KioskText {
                    id: themeUnavailableText
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: unavailableReason.of(Kiosk.selectedThemeUnavailable)
                    font.pixelSize: Theme.fontBody
                    color: Theme.warning
                    wrapMode: Text.Wrap
                }
            }
            // Landscape: the bundle's services side by side, all in view at once above the footer
            // (one under another, the third ran under it). A positioner, as on the home screen.
            Grid {
                id: themeGrid
                Layout.fillWidth: true
                columns: ScreenLayout.columns > 1 ? 3 : 1
                spacing: Theme.spacing
                Repeater {
                    model: Kiosk.themeItems
                    delegate: ItemCard {
                        width: (themeGrid.width - (themeGrid.columns - 1) * themeGrid.spacing) / themeGrid.columns
                        onClicked: Kiosk.openItem(code)
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
            objectName: "backButton"
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            width: 300
            text: qsTr("返回")
            onClicked: Kiosk.backToHome()
        }
        KioskButton {
            objectName: "startThemeButton"
            anchors.verticalCenter: parent.verticalCenter
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            width: 560
            primary: true
            enabled: Kiosk.selectedThemeAvailable
            text: qsTr("一次办理以上全部事项")
            onClicked: Kiosk.startTheme()
        }
    }
}
