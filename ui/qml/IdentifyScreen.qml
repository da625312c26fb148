import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Asks who the resident is: a card on the reader, with a picture of where it goes, what went
// wrong when a read fails, and who to ask when the reader itself is out of order. Once the card
// is taken only a masked name and number are shown.
Item {
    id: screen
    objectName: "identifyScreen"

    signal helpRequested()

    CardTypeName { id: cardTypeName }

    readonly property string problemText: {
        switch (Kiosk.cardProblem) {
        case "": return "";
        case "card_expired": return qsTr("这张证件已过期，本机无法受理。请到人工窗口办理。");
        case "card_not_yet_valid": return qsTr("这张证件尚未生效，本机无法受理。请到人工窗口办理。");
        case "card_unreadable": return qsTr("证件信息无法识别，请联系工作人员。");
        case "read_failed": return qsTr("没有读完证件信息，请把证件平放在读卡区，听到提示前不要移开。");
        case "case_number_not_found": return qsTr("没有找到这个办件编号。请核对回执上的编号后重新输入，或刷身份证查询。");
        case "code_not_a_receipt": return qsTr("这个二维码既不是本市政务服务回执上的二维码，也不是政务App身份码。请扫描回执上的二维码，或刷身份证查询。");
        case "code_not_for_item": return qsTr("这项业务需要刷身份证办理，不能用身份码。");
        case "code_platform_offline": return qsTr("身份码要由政务服务平台核验，现在连不上平台。请刷身份证。");
        case "code_qr_expired": return qsTr("身份码已过期。请在手机上刷新身份码后再扫。");
        case "code_card_invalid": return qsTr("这个二维码不是有效的身份码。请打开政务服务App出示身份码，或刷身份证。");
        case "code_code_without_identity": return qsTr("平台没有告知这个身份码是谁的，无法为您填表。请刷身份证。");
        case "staff_card_invalid": return qsTr("平台没有确认这个姓名和身份证号，请工作人员核对后重试。");
        case "staff_platform_offline": return qsTr("工作人员核验身份要由政务服务平台确认，现在连不上平台。");
        case "staff_attestation_not_offered": return qsTr("这项业务不能由工作人员核验身份，请刷身份证。");
        }
        if (Kiosk.cardProblem.startsWith("staff_"))
            return qsTr("工作人员核验身份没有成功，请核对后重试。");
        if (Kiosk.cardProblem === "agent_principal_is_agent")
            return qsTr("被代办人不能是您本人。");
        if (Kiosk.cardProblem.startsWith("agent_"))
            return qsTr("被代办人的信息不完整或有误，请核对后重试。");
        if (Kiosk.cardProblem.startsWith("code_"))
            return qsTr("身份码核验没有成功，请再扫一次，或刷身份证。");
        return qsTr("读卡没有成功，请重新放置证件。");
    }
    onProblemTextChanged: flick.contentY = 0

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    // A long account in large type may not fit above the footer: the page scrolls, and a new
    // problem brings it back to the top, where the problem is shown.
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
                Layout.fillWidth: true
                text: Kiosk.errand === ResidentChoice.Errand.Progress ? qsTr("办件进度查询")
                      : Kiosk.errand === ResidentChoice.Errand.Licences ? qsTr("电子证照打印")
                      : (Kiosk.selectedItem.name || "")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            KioskText {
                objectName: "identifyTitle"
                Layout.fillWidth: true
                text: Kiosk.identified ? qsTr("身份已确认")
                      : Kiosk.codeIdentificationAccepted ? qsTr("请刷身份证或扫身份码") : qsTr("请刷身份证")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Kiosk.identified ? Theme.success : Theme.text
            }

            // What is happening or went wrong comes straight under the title, where it is seen
            // without scrolling.
            Rectangle {
                objectName: "codeBeingChecked"
                Layout.fillWidth: true
                visible: Kiosk.codeBeingChecked
                implicitHeight: checking.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.primary
                border.width: 2
                KioskText {
                    id: checking
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: qsTr("正在向政务服务平台核验您的身份码，请稍候……")
                    font.pixelSize: Theme.fontBody
                    color: Theme.primaryDark
                    wrapMode: Text.Wrap
                }
            }

            Rectangle {
                objectName: "cardProblem"
                Layout.fillWidth: true
                visible: screen.problemText !== "" && (!Kiosk.identified || Kiosk.cardProblem.startsWith("agent_")) && !Kiosk.codeBeingChecked
                implicitHeight: problem.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: "#FDECEC"
                KioskText {
                    id: problem
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: screen.problemText
                    font.pixelSize: Theme.fontBody
                    color: Theme.accent
                    wrapMode: Text.Wrap
                }
            }

            Rectangle {
                objectName: "readerUnavailable"
                Layout.fillWidth: true
                visible: !Kiosk.cardReaderUsable && !Kiosk.identified
                implicitHeight: unavailable.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: "#FFF4E0"
                KioskText {
                    id: unavailable
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: qsTr("读卡器暂时无法使用。请联系工作人员协助办理。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.warning
                    wrapMode: Text.Wrap
                }
            }

            // Where the card goes: a card gliding down onto the reader, again and again. On a short
            // canvas (landscape, 5:4) it glides a shorter way, so that the words on how to place
            // the card stay in view under it rather than below the footer.
            Item {
                id: cardStage
                Layout.fillWidth: true
                // The canvas's height, known before this screen is laid out: the glide's end is
                // read once, when the animation starts.
                readonly property real glideEnd: ScreenLayout.height < 1400 ? 90 : 250
                Layout.preferredHeight: glideEnd + 310
                visible: !Kiosk.identified

                Rectangle {
                    id: reader
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    width: 520
                    height: 150
                    radius: 24
                    color: Theme.primaryDark
                    KioskText {
                        anchors.centerIn: parent
                        text: qsTr("读卡区")
                        color: Theme.textOnPrimary
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                    }
                }
                Rectangle {
                    id: card
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: 400
                    height: 250
                    radius: 18
                    color: "#EAF2FB"
                    border.color: Theme.primary
                    border.width: 3
                    y: 20
                    ColumnLayout {
                        anchors.fill: parent
                        anchors.margins: 24
                        KioskText {
                            text: qsTr("居民身份证")
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            color: Theme.primaryDark
                        }
                        Item { Layout.fillHeight: true }
                        Rectangle { Layout.preferredWidth: 220; Layout.preferredHeight: 14; radius: 7; color: Theme.border }
                        Rectangle { Layout.preferredWidth: 300; Layout.preferredHeight: 14; radius: 7; color: Theme.border }
                    }
                    SequentialAnimation on y {
                        loops: Animation.Infinite
                        running: !Kiosk.identified
                        NumberAnimation { from: 20; to: cardStage.glideEnd; duration: 1400; easing.type: Easing.InOutQuad }
                        PauseAnimation { duration: 900 }
                        NumberAnimation { from: cardStage.glideEnd; to: 20; duration: 600 }
                    }
                }
            }

            KioskText {
                Layout.fillWidth: true
                visible: !Kiosk.identified
                text: qsTr("请将身份证平放在读卡区，读卡完成前请不要移开。港澳台居民居住证、外国人永久居留身份证也可以使用。")
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
                lineHeight: 1.2
            }

            KioskText {
                objectName: "receiptCodeHint"
                Layout.fillWidth: true
                visible: Kiosk.errand === ResidentChoice.Errand.Progress && !Kiosk.identified
                text: qsTr("也可以把回执上的二维码对准扫码窗口，不用刷证件。")
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.primaryDark
                wrapMode: Text.Wrap
            }

            KioskButton {
                objectName: "typeCaseNumberButton"
                Layout.fillWidth: true
                visible: Kiosk.errand === ResidentChoice.Errand.Progress && !Kiosk.identified
                text: qsTr("输入办件编号")
                onClicked: caseNumberEntry.open()
            }

            KioskButton {
                objectName: "staffAttestButton"
                Layout.fillWidth: true
                visible: Kiosk.staffAttestationOffered
                text: qsTr("没带证件：由工作人员核验身份")
                onClicked: attestationPanel.open()
            }

            KioskText {
                objectName: "appCodeHint"
                Layout.fillWidth: true
                visible: Kiosk.codeIdentificationAccepted && !Kiosk.identified
                text: qsTr("没带身份证？打开政务服务App，出示身份码，对准扫码窗口或上方摄像头。")
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Rectangle {
                objectName: "identifiedCard"
                Layout.fillWidth: true
                visible: Kiosk.identified
                implicitHeight: identifiedColumn.implicitHeight + 2 * Theme.margin
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.success
                border.width: 3
                ColumnLayout {
                    id: identifiedColumn
                    x: Theme.margin
                    y: Theme.margin
                    width: parent.width - 2 * Theme.margin
                    spacing: 12
                    KioskText {
                        text: cardTypeName.of(Kiosk.cardType)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    KioskText {
                        objectName: "holderName"
                        text: Kiosk.maskedName
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        color: Theme.text
                    }
                    KioskText {
                        objectName: "holderNumber"
                        text: Kiosk.maskedIdNumber
                        font.pixelSize: Theme.fontHeading
                        color: Theme.text
                    }
                    KioskText {
                        objectName: "principalSummary"
                        Layout.fillWidth: true
                        visible: Kiosk.agent.acting
                        text: qsTr("代办：为 %1（%2）办理").arg(Kiosk.agent.principalMaskedName).arg(Kiosk.agent.principalMaskedIdNumber)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.primaryDark
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("为保护您的隐私，屏幕上只显示部分信息。")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                }
            }

            KioskButton {
                objectName: "actForSomeoneButton"
                Layout.fillWidth: true
                visible: Kiosk.agentOffered
                text: qsTr("为他人办理（代办）")
                onClicked: agentPanel.open()
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
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.spacing
            KioskButton {
                objectName: "backButton"
                Layout.preferredWidth: 300
                text: qsTr("返回")
                onClicked: Kiosk.backToHome()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                visible: !Kiosk.identified
                Layout.preferredWidth: 360
                text: qsTr("请工作人员协助")
                onClicked: screen.helpRequested()
            }
            KioskButton {
                objectName: "continueButton"
                visible: Kiosk.identified
                Layout.preferredWidth: 420
                primary: true
                text: qsTr("下一步")
                onClicked: Kiosk.continueToForm()
            }
        }
    }

    CaseNumberEntry {
        id: caseNumberEntry
        anchors.fill: parent
    }

    PersonEntryPanel {
        id: attestationPanel
        anchors.fill: parent
        purpose: "staff"
    }

    PersonEntryPanel {
        id: agentPanel
        anchors.fill: parent
        purpose: "agent"
    }
}
