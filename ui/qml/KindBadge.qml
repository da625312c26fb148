import QtQuick
import Kiosk.Ui

// A small label saying what kind of service an item is, or that it is decided at once (秒办).
Rectangle {
    id: badge

    property string kind: ""
    property bool instant: false

    readonly property string label: {
        if (instant)
            return qsTr("秒办");
        if (kind === "print")
            return qsTr("打印");
        if (kind === "query")
            return qsTr("查询");
        return qsTr("申请");
    }

    implicitWidth: text.implicitWidth + 28
    implicitHeight: 44
    radius: 10
    color: instant ? "#FDECEC" : Theme.primaryLight

    KioskText {
        id: text
        anchors.centerIn: parent
        text: badge.label
        font.pixelSize: 24
        font.bold: true
        color: badge.instant ? Theme.accent : Theme.primaryDark
    }
}
