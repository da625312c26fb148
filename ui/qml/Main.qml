import QtQuick
import QtQuick.Window
import Kiosk.Ui

// The kiosk's one window. Screens are laid out for a 1080 px wide portrait display and scaled
// to the window, so the same layout serves a 1080 × 1920 kiosk and a smaller development window.
Window {
    id: window
    objectName: "kioskWindow"

    width: 1080
    height: 1920
    visible: true
    color: Theme.background
    title: qsTr("政务服务自助终端")

    Item {
        id: stage
        width: Theme.screenWidth
        height: window.height / scale
        scale: window.width / Theme.screenWidth
        transformOrigin: Item.TopLeft

        // In the demo a thin strip at the bottom holds the simulator's controls, outside every
        // screen, so that it never covers a key or a button a resident needs.
        readonly property int demoStrip: Kiosk.demoControls ? 72 : 0

        Loader {
            id: screenLoader
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            anchors.bottomMargin: stage.demoStrip
            sourceComponent: {
                if (Kiosk.outOfService && Kiosk.screen === "attract")
                    return outOfServiceScreen;
                switch (Kiosk.screen) {
                case "attract": return attractScreen;
                case "guide": return guideScreen;
                case "theme": return themeScreen;
                case "identify": return identifyScreen;
                case "form": return formScreen;
                case "materials": return materialsScreen;
                case "review": return reviewScreen;
                case "submit": return submitScreen;
                case "result": return resultScreen;
                case "rating": return ratingScreen;
                default: return homeScreen;
                }
            }
        }

        Component { id: attractScreen; AttractScreen {} }
        Component { id: outOfServiceScreen; OutOfServiceScreen {} }
        Component { id: homeScreen; HomeScreen { onHelpRequested: help.visible = true } }
        Component { id: guideScreen; GuideScreen { onHelpRequested: help.visible = true } }
        Component { id: themeScreen; ThemeScreen { onHelpRequested: help.visible = true } }
        Component { id: identifyScreen; IdentifyScreen { onHelpRequested: help.visible = true } }
        Component { id: formScreen; FormScreen { onHelpRequested: help.visible = true } }
        Component { id: materialsScreen; MaterialsScreen { onHelpRequested: help.visible = true } }
        Component { id: reviewScreen; ReviewScreen { onHelpRequested: help.visible = true } }
        Component { id: submitScreen; SubmitScreen {} }
        Component { id: resultScreen; ResultScreen { onHelpRequested: help.visible = true } }
        Component { id: ratingScreen; RatingScreen { onHelpRequested: help.visible = true } }

        DemoPanel {
            anchors.fill: parent
            visible: Kiosk.demoControls
            stripHeight: stage.demoStrip
        }

        HelpPanel {
            id: help
            anchors.fill: parent
            visible: false
            onClosed: visible = false
        }

        IdleCountdown {
            anchors.fill: parent
            visible: Kiosk.session.countdownVisible
        }

        Connections {
            target: Kiosk.session
            function onSessionEnded() { help.visible = false }
        }
    }
}
