import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// What the kiosk shows when nobody is using it: the hall, the time, and one obvious invitation.
// A touch anywhere starts a session; the language button switches without starting one.
Rectangle {
    id: screen
    objectName: "attractScreen"

    property date now: new Date()
    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: screen.now = new Date()
    }

    gradient: Gradient {
        GradientStop { position: 0; color: Theme.primaryDark }
        GradientStop { position: 0.65; color: Theme.primary }
        GradientStop { position: 1; color: "#0E66C2" }
    }

    MouseArea {
        objectName: "startArea"
        anchors.fill: parent
        onClicked: Kiosk.start()
    }

    // Portrait: one column down the screen. Landscape: who and when on the left, the invitation
    // and the offers on the right. A short canvas (landscape, 5:4) drops the airy spacers and
    // sets the date beside the clock, so the buttons at the bottom stay on the screen.
    readonly property bool wide: ScreenLayout.columns > 1
    readonly property bool tall: height >= 1400

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.topMargin: screen.tall ? 120 : Theme.margin
        spacing: Theme.spacing

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: screen.wide ? 2 : 1
            columnSpacing: 2 * Theme.margin
            rowSpacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing
                RowLayout {
                    spacing: 16
                    Rectangle {
                        implicitWidth: 12
                        implicitHeight: 56
                        radius: 4
                        color: Theme.accent
                    }
                    KioskText {
                        text: qsTr("政务服务 7×24 小时自助终端")
                        color: Theme.textOnPrimary
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                    }
                }
                KioskText {
                    objectName: "hallName"
                    Layout.fillWidth: true
                    text: Kiosk.hallName
                    color: Theme.textOnPrimaryMuted
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }

                // The hall's notice from the platform (heartbeat command `notice`), in the resident's
                // language; the platform sends both, so it needs no words of the kiosk's own.
                Rectangle {
                    objectName: "hallNotice"
                    visible: Kiosk.notice.shown
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    implicitHeight: noticeText.implicitHeight + 2 * Theme.spacing
                    radius: 12
                    color: Theme.surface
                    border.color: Theme.gold
                    border.width: 4
                    KioskText {
                        id: noticeText
                        objectName: "hallNoticeText"
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        text: Kiosk.language === "en" ? Kiosk.notice.en : Kiosk.notice.zh
                        color: Theme.primaryDark
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                    }
                }

                Item { visible: screen.tall; Layout.preferredHeight: Kiosk.notice.shown ? 40 : 120 }

                GridLayout {
                    Layout.alignment: Qt.AlignHCenter
                    columns: screen.tall || screen.wide ? 1 : 2
                    columnSpacing: 2 * Theme.spacing
                    rowSpacing: Theme.spacing
                    KioskText {
                        objectName: "clock"
                        Layout.alignment: Qt.AlignHCenter
                        text: Qt.formatDateTime(screen.now, "HH:mm")
                        color: Theme.textOnPrimary
                        font.pixelSize: screen.tall ? Theme.fontClock : Theme.fontClock * 3 / 4
                        font.weight: Font.Light
                    }
                    KioskText {
                        Layout.alignment: Qt.AlignHCenter
                        text: Kiosk.language === "en" ? screen.now.toLocaleDateString(Qt.locale("en_GB"), "dddd d MMMM yyyy")
                                                      : screen.now.toLocaleDateString(Qt.locale("zh_CN"), "yyyy年M月d日 dddd")
                        color: Theme.textOnPrimaryMuted
                        font.pixelSize: Theme.fontBody
                    }
                }
            }

            Item { visible: !screen.wide && screen.tall; Layout.fillHeight: true }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignHCenter | (screen.wide ? Qt.AlignVCenter : Qt.AlignTop)
                spacing: Theme.spacing

                Rectangle {
                    id: invitation
                    Layout.alignment: Qt.AlignHCenter
                    implicitWidth: Math.max(760, invitationText.implicitWidth + 160)
                    implicitHeight: screen.tall ? 200 : 168
                    radius: height / 2
                    color: Theme.surface

                    // A soft halo breathes behind the invitation; the invitation itself stays still so
                    // that it is easy to read and to hit.
                    Rectangle {
                        z: -1
                        anchors.centerIn: parent
                        width: parent.width + 48
                        height: parent.height + 48
                        radius: height / 2
                        color: "transparent"
                        border.color: Theme.gold
                        border.width: 6
                        SequentialAnimation on opacity {
                            loops: Animation.Infinite
                            NumberAnimation { from: 0.15; to: 0.9; duration: 1400; easing.type: Easing.InOutQuad }
                            NumberAnimation { from: 0.9; to: 0.15; duration: 1400; easing.type: Easing.InOutQuad }
                        }
                    }

                    ColumnLayout {
                        id: invitationText
                        anchors.centerIn: parent
                        spacing: 4
                        KioskText {
                            Layout.alignment: Qt.AlignHCenter
                            text: qsTr("轻触屏幕 开始办理")
                            color: Theme.primary
                            font.pixelSize: 60
                            font.bold: true
                        }
                        KioskText {
                            Layout.alignment: Qt.AlignHCenter
                            text: qsTr("刷身份证或出示二维码，即可办理")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }

                Item { Layout.preferredHeight: screen.tall ? 80 : Theme.spacing }

                // What the kiosk does, as four pills of one width: a row of four while the widest word
                // leaves room for it, two rows of two when it does not (English in elder mode). Each
                // starts the session with what it names (KioskShell::startWithOffer).
                GridLayout {
                    id: offers
                    readonly property var offers: [
                        { name: qsTr("证明打印"), offer: Kiosk.Offer.Print, objectName: "offerPrint" },
                        { name: qsTr("业务申请"), offer: Kiosk.Offer.Apply, objectName: "offerApply" },
                        { name: qsTr("办件查询"), offer: Kiosk.Offer.Progress, objectName: "offerProgress" },
                        { name: qsTr("电子证照"), offer: Kiosk.Offer.Licences, objectName: "offerLicences" }
                    ]
                    readonly property real pillWidth: {
                        // Reading the font here makes the width follow the type size (elder mode), not only the words.
                        const font = offerFont.font;
                        return Math.max(220, Math.max(...offers.offers.map(offer => offerFont.advanceWidth(offer.name))) + 2 * 16);
                    }
                    Layout.alignment: Qt.AlignHCenter
                    // The column's width from the screen's, not the layout's: that is measured from this.
                    columns: 4 * pillWidth + 3 * columnSpacing <= (screen.wide ? (screen.width - 4 * Theme.margin) / 2 : screen.width - 2 * Theme.margin) ? 4 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    FontMetrics {
                        id: offerFont
                        font.pixelSize: Theme.fontSmall
                    }
                    Repeater {
                        model: offers.offers
                        delegate: Rectangle {
                            id: pill
                            required property var modelData
                            objectName: modelData.objectName
                            implicitWidth: offers.pillWidth
                            implicitHeight: 88
                            radius: 44
                            color: pillArea.pressed ? Qt.rgba(1, 1, 1, 0.2) : "transparent"
                            border.color: Theme.textOnPrimaryMuted
                            border.width: 2
                            Accessible.role: Accessible.Button
                            Accessible.name: modelData.name
                            KioskText {
                                anchors.centerIn: parent
                                text: pill.modelData.name
                                color: Theme.textOnPrimary
                                font: offerFont.font
                            }
                            MouseArea {
                                id: pillArea
                                readonly property bool keypadTarget: true
                                anchors.fill: parent
                                onClicked: Kiosk.startWithOffer(pill.modelData.offer)
                            }
                        }
                    }
                }

            }
        }

        RowLayout {
            Layout.fillWidth: true
            KioskText {
                Layout.fillWidth: true
                text: qsTr("全天候开放 · 节假日无休")
                color: Theme.textOnPrimaryMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            KioskButton {
                objectName: "elderStartButton"
                text: qsTr("长辈模式")
                fontSize: Theme.fontSmall
                Layout.preferredWidth: Math.max(220, snugWidth)
                onClicked: {
                    if (!Kiosk.elderMode)
                        Kiosk.toggleElderMode();
                    Kiosk.start();
                }
            }
            KioskButton {
                objectName: "languageButton"
                // Named in its own language on purpose: see TopBar.
                text: Kiosk.language === "zh" ? "English" : "中文"
                fontSize: Theme.fontSmall
                Layout.preferredWidth: Math.max(200, snugWidth)
                onClicked: Kiosk.toggleLanguage()
            }
        }
    }
}
