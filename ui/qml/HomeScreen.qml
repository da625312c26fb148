import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The services of the catalogue: 一件事一次办 bundles first, then single services for people
// (个人) or businesses (法人). Everything stays on one scrolling page; nothing hides in menus.
Item {
    id: screen
    objectName: "homeScreen"

    signal helpRequested()

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
        anchors.bottom: parent.bottom
        visible: !search.visible
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        // Portrait: one column. Landscape: the errands and the bundles on the left, the services
        // beside them on the right.
        // Placed by hand, not by a GridLayout: nested layouts kept heights measured before
        // the text wrapped at its final width (theme cards squashed on a 5:4 panel).
        Item {
            id: content
            x: Theme.margin
            y: Theme.margin - 8
            width: flick.width - 2 * Theme.margin
            readonly property bool sideBySide: ScreenLayout.columns > 1
            readonly property real columnWidth: sideBySide ? (width - 2 * Theme.spacing) / 2 : width
            implicitHeight: sideBySide ? Math.max(firstColumn.implicitHeight, secondColumn.y + secondColumn.implicitHeight)
                                       : secondColumn.y + secondColumn.implicitHeight

            ColumnLayout {
                id: firstColumn
                width: content.columnWidth
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("请选择您要办理的事项")
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    // As wide in elder mode as in standard: any wider and the elder title's last
                    // character falls onto a line of its own.
                    KioskButton {
                        objectName: "searchButton"
                        Layout.preferredWidth: 260
                        // Beside the title's first line, however many lines the row was last measured at:
                        // centred, it sank over the errand buttons while the elder layout settled.
                        Layout.alignment: Qt.AlignTop
                        text: qsTr("搜索事项")
                        onClicked: search.open()
                    }
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("刷身份证即可自动填写信息，大部分事项无需填表")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                // One notice while the platform is away; each item that waits for it is marked as well.
                Rectangle {
                    objectName: "platformAwayNotice"
                    Layout.fillWidth: true
                    visible: Kiosk.platformAway
                    implicitHeight: awayText.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: "#FFF4E0"
                    border.color: Theme.warning
                    border.width: 2
                    KioskText {
                        id: awayText
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        text: qsTr("政务服务平台暂时连不上。需要联网的事项（办件查询、证明和电子证照打印、刷码核验）要等平台恢复后才能办理；可以离线受理的申请照常提交，平台恢复后自动报送。")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                }

                // The kiosk's own errands, for anyone who already applied or holds e-licences, and
                // the hall's: a queue ticket and an appointment's check-in (both need the platform).
                // Two a row while every name fits whole at its size in half the column; one a row
                // when one does not ("Track my applications" in elder mode on a landscape panel's
                // column, once cut short with an ellipsis).
                GridLayout {
                    objectName: "errands"
                    Layout.fillWidth: true
                    readonly property real widestErrand: Math.max(progressErrand.snugWidth, licencesErrand.snugWidth,
                                                                  ticketsErrand.snugWidth, appointmentsErrand.snugWidth)
                    columns: 2 * widestErrand + columnSpacing <= content.columnWidth ? 2 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    KioskButton {
                        id: progressErrand
                        objectName: "progressErrand"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("查询我的办件")
                        onClicked: Kiosk.startErrand(ResidentChoice.Errand.Progress)
                    }
                    KioskButton {
                        id: licencesErrand
                        objectName: "licencesErrand"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("我的电子证照")
                        onClicked: Kiosk.startErrand(ResidentChoice.Errand.Licences)
                    }
                    KioskButton {
                        id: ticketsErrand
                        objectName: "ticketsErrand"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("取号")
                        onClicked: Kiosk.startErrand(ResidentChoice.Errand.Tickets)
                    }
                    KioskButton {
                        id: appointmentsErrand
                        objectName: "appointmentsErrand"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("预约签到")
                        onClicked: Kiosk.startErrand(ResidentChoice.Errand.Appointments)
                    }
                }
                KioskButton {
                    objectName: "complaintErrand"
                    Layout.fillWidth: true
                    text: qsTr("办不成事 / 投诉建议")
                    onClicked: Kiosk.startErrand(ResidentChoice.Errand.Complaint)
                }

                // An offer of the attract screen narrowed the list to one kind: say so, and how to
                // see everything again.
                RowLayout {
                    objectName: "kindNotice"
                    Layout.fillWidth: true
                    visible: Kiosk.items.kind !== ""
                    spacing: Theme.spacing
                    KioskText {
                        Layout.fillWidth: true
                        text: Kiosk.items.kind === "print" ? qsTr("正在显示：证明打印") : qsTr("正在显示：业务申请")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.primary
                        wrapMode: Text.Wrap
                    }
                    KioskButton {
                        objectName: "allKindsButton"
                        Layout.preferredWidth: Math.max(260, snugWidth)
                        text: qsTr("显示全部事项")
                        onClicked: Kiosk.showAllKinds()
                    }
                }

                // Bundles are applications: a resident who came to print a certificate does not
                // scroll past them.
                KioskText {
                    visible: Kiosk.items.kind !== "print"
                    Layout.topMargin: 16
                    text: qsTr("一件事一次办")
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                }
                KioskText {
                    visible: Kiosk.items.kind !== "print"
                    Layout.fillWidth: true
                    Layout.topMargin: -12
                    text: qsTr("一次认证、一张表单，相关事项一次办好")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                GridLayout {
                    visible: Kiosk.items.kind !== "print"
                    Layout.fillWidth: true
                    columns: 3
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    Repeater {
                        model: Kiosk.themes
                        delegate: ThemeCard {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 1
                            onClicked: Kiosk.openTheme(themeId)
                        }
                    }
                }

            }

            ColumnLayout {
                id: secondColumn
                x: content.sideBySide ? content.columnWidth + 2 * Theme.spacing : 0
                y: content.sideBySide ? 0 : firstColumn.implicitHeight + Theme.spacing
                width: content.columnWidth
                spacing: Theme.spacing
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: ScreenLayout.columns > 1 ? 0 : 16
                    spacing: Theme.spacing
                    KioskButton {
                        objectName: "audiencePerson"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("个人办事")
                        checked: Kiosk.items.audience === "person"
                        onClicked: Kiosk.showAudience("person")
                    }
                    KioskButton {
                        objectName: "audienceBusiness"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("法人办事")
                        checked: Kiosk.items.audience === "business"
                        onClicked: Kiosk.showAudience("business")
                    }
                }

                // Elder mode shows one service a row: fewer, larger choices. A positioner, not a
                // GridLayout: Qt 6.4's GridLayout crashed on a stale card when its Repeater was
                // reset (the audience switched) while this column moved in the same polish.
                Grid {
                    id: itemGrid
                    Layout.fillWidth: true
                    columns: Theme.elder ? 1 : 2
                    spacing: Theme.spacing
                    Repeater {
                        model: Kiosk.items
                        delegate: ItemCard {
                            width: (itemGrid.width - (itemGrid.columns - 1) * itemGrid.spacing) / itemGrid.columns
                            onClicked: Kiosk.openItem(code)
                        }
                    }
                }
                // A large catalogue shows a page of services at a time (CatalogueItemModel).
                KioskButton {
                    objectName: "moreItemsButton"
                    visible: Kiosk.items.hiddenCount > 0
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("显示更多事项（还有 %1 项）").arg(Kiosk.items.hiddenCount)
                    onClicked: Kiosk.items.showMore()
                }
            }
        }
    }

    SearchPanel {
        id: search
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: false
    }
}
