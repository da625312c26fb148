import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Search on the home screen: what the resident types on the kiosk's keyboard — a name, part of
// it, its pinyin or just the initials (sfz) — finds the services as they type. Nothing found says
// so and sends them to the staff rather than leaving them stuck.
Rectangle {
    id: panel
    objectName: "searchPanel"
    color: Theme.background

    // The spelling counts while it is typed: "sfz" finds before any character is chosen.
    readonly property string query: keyboard.text + keyboard.composition
    property bool typing: true
    signal closed()

    onQueryChanged: Kiosk.search.query = panel.query

    function open() {
        keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
        Kiosk.search.query = "";
        results.tallestCard = 196;
        panel.typing = true;
        panel.visible = true;
    }
    function close() {
        keyboard.reset("", OnScreenKeyboard.KeySet.Pinyin);
        panel.visible = false;
        panel.closed();
    }

    RowLayout {
        id: header
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: panel.typing && ScreenLayout.columns > 1 ? keyboard.left : parent.right
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Rectangle {
            objectName: "searchField"
            Layout.fillWidth: true
            implicitHeight: Math.max(Theme.touchMin, fieldText.implicitHeight + Theme.spacing)
            radius: Theme.radius / 2
            color: Theme.surface
            border.width: panel.typing ? 4 : 2
            border.color: panel.typing ? Theme.primary : Theme.border
            KioskText {
                id: fieldText
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                text: panel.query !== "" ? keyboard.text + keyboard.composition + (panel.typing ? "▏" : "")
                                         : qsTr("输入事项名称或拼音首字母")
                font.pixelSize: Theme.fontBody
                color: panel.query !== "" ? Theme.text : Theme.textMuted
                // The invitation wraps onto a second line rather than be cut short: set smaller, it
                // still lost its first words in English in elder mode beside a landscape keyboard.
                // What is typed keeps one line, and its beginning gives way to its end.
                wrapMode: panel.query !== "" ? Text.NoWrap : Text.Wrap
                elide: panel.query !== "" ? Text.ElideLeft : Text.ElideNone
            }
            MouseArea {
                readonly property bool keypadTarget: true
                anchors.fill: parent
                onClicked: panel.typing = true
            }
        }
        KioskButton {
            objectName: "searchClose"
            Layout.preferredWidth: Math.max(220, snugWidth)
            text: qsTr("关闭搜索")
            fontSize: Theme.fontSmall
            onClicked: panel.close()
        }
    }

    // The results: a view that creates the cards in sight (and, in the background, a row or two
    // beyond), not every card of the page: a search of a province's catalogue finds hundreds.
    GridView {
        id: results
        readonly property int columns: Theme.elder ? 1 : 2
        // Rows as tall as the tallest card made so far: a long English name wraps to three lines.
        property real tallestCard: 196

        anchors.top: header.bottom
        anchors.topMargin: Theme.spacing
        anchors.left: parent.left
        anchors.leftMargin: Theme.margin
        // On a wide canvas the keyboard stands beside the results, which keep the whole height.
        // The cells hold a card and the gap after it, so the view reaches one gap past the cards.
        anchors.right: panel.typing && ScreenLayout.columns > 1 ? keyboard.left : parent.right
        anchors.rightMargin: panel.typing && ScreenLayout.columns > 1 ? Theme.margin : Theme.margin - Theme.spacing
        anchors.bottom: panel.typing && ScreenLayout.columns === 1 ? keyboard.top : parent.bottom
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        cellWidth: Math.floor(width / columns)
        cellHeight: tallestCard + Theme.spacing
        cacheBuffer: cellHeight
        model: Kiosk.search

        header: ColumnLayout {
            width: results.width - Theme.spacing
            spacing: Theme.spacing

            KioskText {
                objectName: "searchHint"
                Layout.fillWidth: true
                visible: panel.query.trim() === ""
                text: qsTr("可以输入名称中的字，如“身份证”；也可以只输入拼音首字母，如“sfz”。")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            KioskText {
                Layout.fillWidth: true
                visible: Kiosk.search.count > 0
                text: qsTr("找到的事项：%1").arg(Kiosk.search.count)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            ColumnLayout {
                objectName: "searchNoMatch"
                Layout.fillWidth: true
                visible: panel.query.trim() !== "" && Kiosk.search.count === 0
                spacing: 8
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("没有找到相关事项")
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("可以换个说法再试，或请工作人员帮您查找：%1").arg(Kiosk.staffHelp)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }
            // The gap between the texts above and the first row of cards.
            Item { implicitHeight: 0 }
        }

        delegate: ItemCard {
            width: results.cellWidth - Theme.spacing
            height: results.cellHeight - Theme.spacing
            onImplicitHeightChanged: results.tallestCard = Math.max(results.tallestCard, implicitHeight)
            Component.onCompleted: results.tallestCard = Math.max(results.tallestCard, implicitHeight)
            onClicked: Kiosk.openItem(code)
        }

        footer: Item {
            width: results.width - Theme.spacing
            height: more.visible ? more.height + Theme.margin : Theme.margin
            KioskButton {
                id: more
                objectName: "moreResultsButton"
                visible: Kiosk.search.hiddenCount > 0
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("显示更多结果（还有 %1 项）").arg(Kiosk.search.hiddenCount)
                onClicked: Kiosk.search.showMore()
            }
        }
    }

    OnScreenKeyboard {
        id: keyboard
        anchors.left: ScreenLayout.columns > 1 ? undefined : parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        width: ScreenLayout.columns > 1 ? Math.max(1040, parent.width / 2) : parent.width
        visible: panel.typing
        onDone: panel.typing = false
        onCancelled: panel.close()
    }
}
