pragma Singleton
import QtQuick
import Kiosk.Ui

// Colours, type sizes and touch sizes for a portrait 1080 × 1920 kiosk screen. Text colours keep
// a contrast of at least 4.5:1 on the backgrounds they are used on; touch targets are at least
// 96 px, well above the 60 px floor for elderly residents. Elder mode (长辈模式, one tap away in
// the top bar) enlarges type and targets by about a third and darkens secondary text.
QtObject {
    readonly property bool elder: Kiosk.elderMode

    readonly property color primary: "#0B5CAD"
    readonly property color primaryDark: "#063A70"
    readonly property color primaryLight: "#E7F0FB"
    readonly property color accent: "#C8161D"
    readonly property color gold: "#F2C14E"
    readonly property color background: "#F2F5F9"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#14213D"
    readonly property color textMuted: elder ? "#1F2A3D" : "#46536A"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color textOnPrimaryMuted: "#E1EBF8"
    readonly property color border: elder ? "#6B7A90" : "#CBD5E1"
    readonly property color success: "#16703A"
    readonly property color warning: "#9A5B00"
    readonly property color scrim: "#B3000000"

    readonly property int screenWidth: 1080
    readonly property int margin: 48
    readonly property int spacing: 24
    readonly property int radius: 20
    readonly property int touchMin: elder ? 124 : 96

    readonly property int fontClock: 168
    readonly property int fontTitle: elder ? 68 : 56
    readonly property int fontHeading: elder ? 54 : 42
    readonly property int fontBody: elder ? 44 : 34
    readonly property int fontSmall: elder ? 36 : 28
}
