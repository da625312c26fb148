import QtQuick
import QtQuick.Window
import Kiosk.Ui

// The kiosk's one window. Screens are laid out on ScreenLayout's logical canvas, 1080 units on
// the window's short side, and scaled to the window: a portrait 1080 × 1920 kiosk, a landscape
// 1920 × 1080 or 1366 × 768 wall panel, a 5:4 desk terminal or a small development window.
Window {
    id: window
    objectName: "kioskWindow"

    width: 1080
    height: 1920
    // Shown by its owner (KioskProcess, the tests) once sized for the display: shown here, its
    // first frame was laid out for 1080 × 1920 on every other display and then jumped.
    visible: false
    color: Theme.background
    title: qsTr("政务服务自助终端")

    Binding { target: ScreenLayout; property: "windowWidth"; value: window.width }
    Binding { target: ScreenLayout; property: "windowHeight"; value: window.height }

    Item {
        id: stage
        objectName: "stage"
        width: ScreenLayout.width
        height: ScreenLayout.height
        scale: ScreenLayout.scale
        transformOrigin: Item.TopLeft

        // In the demo a thin strip at the bottom holds the simulator's controls, outside every
        // screen, so that it never covers a key or a button a resident needs.
        readonly property int demoStrip: Kiosk.demoControls ? 72 : 0

        // Where the resident's screens and their overlays are: the whole stage but the reach bar
        // and the demo strip, or in reach mode only its lower part.
        Item {
            id: residentArea
            objectName: "residentArea"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.topMargin: ScreenLayout.reachLine
            anchors.bottom: reachBar.top
        }

        // Above the reach line in reach mode: nothing to tap, only what the mode is.
        Rectangle {
            objectName: "reachTop"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: residentArea.top
            visible: ScreenLayout.reachLine > 0
            color: Theme.primaryDark
            KioskText {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("低位模式\n需要的按钮都在下方")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
            }
        }

        ReachBar {
            id: reachBar
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.bottomMargin: stage.demoStrip
            visible: ScreenLayout.reachOffered && Maintenance.mode === Maintenance.Closed && !Kiosk.outOfServiceScreen
            height: visible ? implicitHeight : 0
        }

        Loader {
            id: screenLoader
            anchors.left: residentArea.left
            anchors.right: residentArea.right
            anchors.top: staffBar.bottom
            anchors.bottom: residentArea.bottom
            anchors.bottomMargin: videoCallBar.height
            sourceComponent: {
                if (Kiosk.outOfServiceScreen)
                    return outOfServiceScreen;
                switch (Kiosk.screen) {
                case Kiosk.Screen.Attract: return attractScreen;
                case Kiosk.Screen.Guide: return guideScreen;
                case Kiosk.Screen.Theme: return themeScreen;
                case Kiosk.Screen.Identify: return identifyScreen;
                case Kiosk.Screen.Verify: return verifyScreen;
                case Kiosk.Screen.Delivery: return deliveryScreen;
                case Kiosk.Screen.Payment: return paymentScreen;
                case Kiosk.Screen.Progress: return progressScreen;
                case Kiosk.Screen.Licences: return licencesScreen;
                case Kiosk.Screen.Tickets: return ticketsScreen;
                case Kiosk.Screen.Appointments: return appointmentsScreen;
                case Kiosk.Screen.Ticket: return ticketScreen;
                case Kiosk.Screen.Complaint: return complaintScreen;
                case Kiosk.Screen.Form: return formScreen;
                case Kiosk.Screen.Materials: return materialsScreen;
                case Kiosk.Screen.Review: return reviewScreen;
                case Kiosk.Screen.PostChoice: return postChoiceScreen;
                case Kiosk.Screen.PostAddress: return postAddressScreen;
                case Kiosk.Screen.Submit: return submitScreen;
                case Kiosk.Screen.Result: return resultScreen;
                case Kiosk.Screen.Rating: return ratingScreen;
                default: return homeScreen;
                }
            }
        }

        // Staff present beside the resident: above every screen, which moves down to make room.
        StaffBar {
            id: staffBar
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: residentArea.top
        }

        Component { id: attractScreen; AttractScreen {} }
        Component { id: outOfServiceScreen; OutOfServiceScreen {} }
        Component { id: homeScreen; HomeScreen { onHelpRequested: help.visible = true } }
        Component { id: guideScreen; GuideScreen { onHelpRequested: help.visible = true } }
        Component { id: themeScreen; ThemeScreen { onHelpRequested: help.visible = true } }
        Component { id: identifyScreen; IdentifyScreen { onHelpRequested: help.visible = true } }
        Component { id: verifyScreen; VerifyScreen { onHelpRequested: help.visible = true } }
        Component { id: deliveryScreen; DeliveryScreen { onHelpRequested: help.visible = true } }
        Component { id: paymentScreen; PaymentScreen { onHelpRequested: help.visible = true } }
        Component { id: progressScreen; ProgressScreen { onHelpRequested: help.visible = true } }
        Component { id: licencesScreen; LicencesScreen { onHelpRequested: help.visible = true } }
        Component { id: ticketsScreen; TicketsScreen { onHelpRequested: help.visible = true } }
        Component { id: appointmentsScreen; AppointmentsScreen { onHelpRequested: help.visible = true } }
        Component { id: ticketScreen; TicketScreen { onHelpRequested: help.visible = true } }
        Component { id: complaintScreen; ComplaintScreen { onHelpRequested: help.visible = true } }
        Component { id: formScreen; FormScreen { onHelpRequested: help.visible = true } }
        Component { id: materialsScreen; MaterialsScreen { onHelpRequested: help.visible = true } }
        Component { id: reviewScreen; ReviewScreen { onHelpRequested: help.visible = true } }
        Component { id: postChoiceScreen; PostChoiceScreen { onHelpRequested: help.visible = true } }
        Component { id: postAddressScreen; PostAddressScreen { onHelpRequested: help.visible = true } }
        Component { id: submitScreen; SubmitScreen {} }
        Component { id: resultScreen; ResultScreen { onHelpRequested: help.visible = true } }
        Component { id: ratingScreen; RatingScreen { onHelpRequested: help.visible = true } }

        // After a session that read a card, over the attract screen until the card is taken.
        FarewellScreen {
            anchors.fill: screenLoader
            visible: Kiosk.screen === Kiosk.Screen.Attract && Kiosk.farewell !== Kiosk.Farewell.None
        }

        DemoPanel {
            anchors.fill: parent
            visible: Kiosk.demoControls
            stripHeight: stage.demoStrip
        }

        // Video help (远程视频帮办): the call along the bottom, the screen still in view above it;
        // its consent, queue and endings over everything.
        VideoCallBar {
            id: videoCallBar
            anchors.left: residentArea.left
            anchors.right: residentArea.right
            anchors.bottom: residentArea.bottom
        }

        HelpPanel {
            id: help
            anchors.fill: residentArea
            visible: false
            reader: reader
            onClosed: visible = false
        }

        VideoHelpPanel {
            anchors.fill: residentArea
        }

        ExitConfirmation {
            anchors.fill: residentArea
            visible: Kiosk.exitAsked
        }

        IdleCountdown {
            anchors.fill: residentArea
            visible: Kiosk.session.countdownVisible
        }

        // Maintenance (docs/maintenance.md): five taps within 3 s in the top-left corner of the
        // attract or out-of-service screen open the PIN pad; an unenrolled terminal also offers
        // technician setup. The maintenance screens cover everything, the resident's screens included.
        MouseArea {
            id: maintenanceCorner
            objectName: "maintenanceCorner"
            width: 120
            height: 120
            visible: Kiosk.screen === Kiosk.Screen.Attract && Maintenance.mode === Maintenance.Closed
            property int taps: 0
            Timer { id: tapWindow; interval: 3000; onTriggered: maintenanceCorner.taps = 0 }
            onClicked: {
                if (taps === 0)
                    tapWindow.restart();
                taps += 1;
                if (taps >= 5) {
                    taps = 0;
                    tapWindow.stop();
                    Maintenance.requestEntry(Maintenance.Maintaining);
                }
            }
        }
        KioskButton {
            objectName: "technicianSetupButton"
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            visible: Kiosk.screen === Kiosk.Screen.Attract && !Maintenance.enrolled && Maintenance.mode === Maintenance.Closed
            fontSize: Theme.fontSmall
            text: qsTr("技术人员设置")
            onClicked: Maintenance.requestEntry(Maintenance.Provisioning)
        }
        Loader {
            anchors.fill: parent
            active: Maintenance.mode !== Maintenance.Closed
            sourceComponent: Maintenance.mode === Maintenance.PinPad ? pinPad
                             : Maintenance.mode === Maintenance.Provisioning ? provisioningScreen : maintenanceScreen
        }
        Component { id: pinPad; PinPad {} }
        Component { id: maintenanceScreen; MaintenanceScreen {} }
        Component { id: provisioningScreen; ProvisioningScreen {} }
        AdminCodeNotice {}

        // A resident who cannot see the screen works it with a physical keypad, and in reading
        // mode hears it (docs/accessibility.md). The next resident starts without either.
        KeypadNavigator {
            id: keypad
            root: stage
            onReadingToggleRequested: reader.active = !reader.active
        }
        ScreenReader {
            id: reader
            navigator: keypad
            screen: screenLoader.item
        }

        Connections {
            target: Kiosk.session
            function onSessionEnded() {
                help.visible = false;
                keypad.reset();
                reader.active = false;
                // Reach mode is the resident's, like elder mode: the next one starts without it.
                ScreenLayout.reachMode = false;
            }
        }
    }

    // The keypad's focus, over everything and outside the scaled stage so that it stays as thick
    // on a small panel: a black ring inside a yellow one is seen on the blue bars and on white.
    Rectangle {
        id: focusRing
        objectName: "keypadFocusRing"
        readonly property real thickness: Math.max(4, Math.round(6 * stage.scale))
        visible: keypad.focusRect.width > 0
        x: keypad.focusRect.x - 2 * thickness
        y: keypad.focusRect.y - 2 * thickness
        width: keypad.focusRect.width + 4 * thickness
        height: keypad.focusRect.height + 4 * thickness
        radius: Theme.radius * stage.scale + 2 * thickness
        color: "transparent"
        border.width: thickness
        border.color: "#FFD600"
        Rectangle {
            anchors.fill: parent
            anchors.margins: focusRing.thickness
            radius: Math.max(0, parent.radius - focusRing.thickness)
            color: "transparent"
            border.width: focusRing.thickness
            border.color: "#000000"
        }
    }
}
