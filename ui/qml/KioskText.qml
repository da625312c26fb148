import QtQuick

// Every text the kiosk draws. Plain, whatever it holds: a card's name, a scanned code, a
// platform's message or a catalogue entry that begins like HTML is shown as the characters it
// is, never rendered as rich text (an <img> in it would make the kiosk fetch a stranger's URL).
Text {
    textFormat: Text.PlainText
}
