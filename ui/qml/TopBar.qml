import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The band across the top of every screen after the attract screen: where the resident is, the
// time, and the three ways out that must never be more than one tap away (language, help, exit).
Rectangle {
    id: bar

    property bool showExit: true
    signal helpRequested()
    // The same four buttons on every screen: the keypad starts a screen on its own controls.
    readonly property bool keypadChrome: true

    implicitHeight: Theme.touchMin + 36
    color: Theme.primary

    property date now: new Date()
    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: bar.now = new Date()
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        // The time and the date: the hall's name is on the attract screen and every receipt,
        // and a long name would not fit beside four buttons in elder mode's type.
        // In elder mode's type on a portrait screen the five buttons take the whole width: the
        // clock gives way (the buttons are the ways out; the time is on the attract screen).
        ColumnLayout {
            visible: !Theme.elder || bar.width >= 1300
            Layout.fillWidth: true
            Layout.minimumWidth: clock.implicitWidth
            spacing: 0
            KioskText {
                id: clock
                objectName: "topBarClock"
                text: Qt.formatDateTime(bar.now, "HH:mm")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
            KioskText {
                objectName: "topBarDate"
                Layout.fillWidth: true
                text: Kiosk.language === "zh" ? bar.now.toLocaleDateString(Qt.locale("zh_CN"), "M月d日 dddd")
                                              : bar.now.toLocaleDateString(Qt.locale("en_GB"), "ddd d MMM")
                color: Theme.textOnPrimaryMuted
                font.pixelSize: Theme.fontSmall
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 16
            }
        }

        Item {
            // Keeps the buttons at the right end when the clock gives way.
            visible: Theme.elder && bar.width < 1300
            Layout.fillWidth: true
        }
        RowButton {
            objectName: "languageButton"
            // A language is offered in its own name, so that someone who cannot read the current
            // one still finds theirs; these two words are not translated on purpose.
            text: Kiosk.language === "zh" ? "English" : "中文"
            fontSize: Theme.fontSmall
            roomyWidth: 180
            onClicked: Kiosk.toggleLanguage()
        }
        RowButton {
            objectName: "elderButton"
            text: Kiosk.elderMode ? qsTr("标准模式") : qsTr("长辈模式")
            fontSize: Theme.fontSmall
            onClicked: Kiosk.toggleElderMode()
        }
        RowButton {
            objectName: "videoHelpButton"
            text: qsTr("视频帮办")
            fontSize: Theme.fontSmall
            roomyWidth: 180
            onClicked: VideoHelp.ask()
        }
        RowButton {
            objectName: "helpButton"
            text: qsTr("帮助")
            fontSize: Theme.fontSmall
            roomyWidth: 150
            onClicked: bar.helpRequested()
        }
        RowButton {
            objectName: "exitButton"
            visible: bar.showExit
            text: qsTr("退出")
            fontSize: Theme.fontSmall
            roomyWidth: 150
            onClicked: Kiosk.requestExit()
        }
    }
}
