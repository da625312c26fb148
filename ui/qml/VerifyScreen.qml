import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// Consent and verify. For an item that needs a face check the resident first reads what it is
// for and what happens to the picture, and chooses: agree, or another way (a counter, or the
// provincial app). Agreeing shows the live camera with one plain instruction at a time; a failed
// match offers another try and the same alternatives. Items without a face check only wait here
// while the platform checks the card.
Item {
    id: screen
    objectName: "verifyScreen"

    signal helpRequested()

    readonly property bool faceNeeded: Kiosk.faceCheckNeeded
    readonly property int stage: Services.verifyStage

    readonly property string guidanceText: {
        switch (Services.faceGuidance) {
        case "no_face": return qsTr("请站到屏幕正前方，看向摄像头");
        case "several_faces": return qsTr("请保持画面中只有您一个人");
        case "move_closer": return qsTr("请靠近一点");
        case "move_back": return qsTr("请稍微后退");
        case "centre": return qsTr("请把脸移到框的中间");
        case "too_dark": return qsTr("光线太暗，请抬起头，面向屏幕");
        case "too_bright": return qsTr("光线太亮，请稍微侧身避开强光");
        case "hold_still": return qsTr("请保持不动");
        case "good": return qsTr("很好，请慢慢向左或向右转一下头，再转回来");
        }
        return qsTr("请看向摄像头");
    }

    readonly property string problemText: {
        switch (Services.verifyProblem) {
        case "face_mismatch": return qsTr("人脸比对没有通过。您可以再试一次，或选择其他方式办理。");
        case "card_invalid": return qsTr("平台无法核验这张证件。请到人工窗口办理。");
        case "card_expired": return qsTr("这张证件已过期，本机无法受理。请到人工窗口办理。");
        case "platform_offline": return qsTr("暂时连不上政务服务平台，无法核验身份。请稍后再试，或到人工窗口办理。");
        case "face_camera_unavailable": return qsTr("摄像头暂时无法使用。请选择其他方式办理。");
        }
        return qsTr("身份核验没有完成。请再试一次，或到人工窗口办理。");
    }

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    // The body scrolls on a short canvas. The consent is read whole before it can be agreed to:
    // 同意并开始 is enabled while the end of the text is in view, and stays so once the resident
    // has scrolled to it (scrolling back up to read again does not take the choice away).
    readonly property bool consentInView: consentPanel.visible && consentPanel.height > 0
                                          && page.contentY + page.height >= page.margins + consentPanel.y + consentPanel.height - 1
    property bool consentReadByScrolling: false

    ScrollingPage {
        id: page
        objectName: "verifyPage"
        onContentYChanged: if (screen.consentInView) screen.consentReadByScrolling = true
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top

        KioskText {
            id: itemName
            Layout.fillWidth: true
            text: Kiosk.errand === ResidentChoice.Errand.Progress ? qsTr("办件进度查询")
                  : Kiosk.errand === ResidentChoice.Errand.Licences ? qsTr("电子证照打印")
                  : (Kiosk.selectedItem.name || "")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        KioskText {
            id: verifyTitle
            objectName: "verifyTitle"
            Layout.fillWidth: true
            text: {
                if (screen.stage === Services.VerifyStage.Face) return qsTr("人脸核验");
                if (screen.stage === Services.VerifyStage.Checking) return qsTr("正在核验身份…");
                if (screen.stage === Services.VerifyStage.Verified) return qsTr("身份核验通过");
                // Only the platform's refusal is a failed identity; a check that could not be
                // made says why (the platform away, the camera), not that the resident failed it.
                if (screen.stage === Services.VerifyStage.Refused) return qsTr("身份核验未通过");
                if (screen.stage === Services.VerifyStage.Failed)
                    return Services.verifyProblem.startsWith("platform_") ? qsTr("暂时连不上政务服务平台") : qsTr("暂时无法核验身份");
                if (screen.stage === Services.VerifyStage.Declined) return qsTr("其他办理方式");
                return screen.faceNeeded ? qsTr("办理前需要核验是您本人") : qsTr("正在核验身份…");
            }
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: screen.stage === Services.VerifyStage.Verified ? Theme.success : Theme.text
            wrapMode: Text.Wrap
        }

        // What the face check is, asked before anything is filmed.
        Rectangle {
            id: consentPanel
            objectName: "consentPanel"
            Layout.fillWidth: true
            visible: screen.faceNeeded && screen.stage === Services.VerifyStage.Consent
            implicitHeight: consentColumn.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            ColumnLayout {
                id: consentColumn
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("这项业务需要确认是您本人办理。本机将用摄像头拍摄一张您的面部照片，发送到政务服务平台与您的证件照片比对。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                    lineHeight: 1.2
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("照片只用于这一次比对：本机不保存，平台比对后即删除。")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("如果您不同意，可以到人工窗口办理，或用“皖事通”手机应用办理。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }
        }

        // The live picture with one instruction at a time.
        Item {
            id: face
            // The picture, its oval and the instruction below it fit the page without scrolling:
            // a resident looking at the camera does not scroll.
            readonly property real previewHeight: Math.max(240, Math.min(645, page.height - 2 * page.margins - itemName.implicitHeight - verifyTitle.implicitHeight
                                                                              - 2 * Theme.spacing - guidance.implicitHeight - 16))
            Layout.fillWidth: true
            Layout.preferredHeight: previewHeight + 16 + guidance.implicitHeight
            visible: screen.stage === Services.VerifyStage.Face || (screen.faceNeeded && screen.stage === Services.VerifyStage.Checking)
            Rectangle {
                anchors.fill: preview
                color: Theme.primaryDark
                radius: Theme.radius
            }
            CameraPreview {
                id: preview
                objectName: "verifyPreview"
                camera: "face_camera"
                anchors.horizontalCenter: parent.horizontalCenter
                width: face.previewHeight * 4 / 3
                height: face.previewHeight
            }
            Rectangle {
                // The oval the face belongs in.
                anchors.centerIn: preview
                width: preview.height * 0.55
                height: preview.height * 0.75
                radius: width / 2
                color: "transparent"
                border.color: Services.faceGuidance === "good" ? Theme.success : Theme.gold
                border.width: 6
            }
            KioskText {
                id: guidance
                objectName: "faceGuidance"
                anchors.top: preview.bottom
                anchors.topMargin: 16
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: screen.stage === Services.VerifyStage.Checking ? qsTr("正在比对，请稍候…") : screen.guidanceText
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
        }

        Rectangle {
            objectName: "verifyProblem"
            Layout.fillWidth: true
            visible: screen.stage === Services.VerifyStage.Refused || screen.stage === Services.VerifyStage.Failed
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

        // The other ways, shown when the resident declines or the check fails.
        Rectangle {
            objectName: "alternatives"
            Layout.fillWidth: true
            visible: screen.stage === Services.VerifyStage.Declined || (screen.faceNeeded && (screen.stage === Services.VerifyStage.Refused || screen.stage === Services.VerifyStage.Failed))
            implicitHeight: alternativesColumn.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.primaryLight
            ColumnLayout {
                id: alternativesColumn
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("您可以：")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("· 到人工窗口办理，工作人员会核对您的证件（%1）").arg(Kiosk.staffHelp)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                KioskText {
                    Layout.fillWidth: true
                    text: qsTr("· 用“皖事通”手机应用办理同一事项")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
        }

        Item { Layout.fillHeight: true }
    }

    // Over the page's lower edge while the consent runs below it: the whole width, so that its
    // words are never squeezed between the footer's buttons.
    Rectangle {
        objectName: "readToEndHint"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        visible: screen.faceNeeded && screen.stage === Services.VerifyStage.Consent && !screen.consentInView && !screen.consentReadByScrolling
        implicitHeight: readHint.implicitHeight + 2 * Theme.spacing
        color: Theme.primaryLight
        KioskText {
            id: readHint
            x: Theme.margin
            y: Theme.spacing
            width: parent.width - 2 * Theme.margin
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("请向上滑动，读完说明后再同意")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.primaryDark
            wrapMode: Text.Wrap
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
            RowButton {
                objectName: "backButton"
                roomyWidth: 240
                text: qsTr("返回")
                onClicked: Kiosk.backToHome()
            }
            Item { Layout.fillWidth: true }
            RowButton {
                objectName: "declineButton"
                visible: screen.faceNeeded && (screen.stage === Services.VerifyStage.Consent || screen.stage === Services.VerifyStage.Face)
                roomyWidth: 280
                text: qsTr("不同意")
                onClicked: Services.declineFaceCheck()
            }
            RowButton {
                objectName: "agreeButton"
                visible: screen.faceNeeded && Services.faceCameraUsable
                         && (screen.stage === Services.VerifyStage.Consent || screen.stage === Services.VerifyStage.Declined || screen.stage === Services.VerifyStage.Refused || screen.stage === Services.VerifyStage.Failed)
                enabled: screen.stage !== Services.VerifyStage.Consent || screen.consentInView || screen.consentReadByScrolling
                roomyWidth: 380
                primary: true
                text: (screen.stage === Services.VerifyStage.Consent || screen.stage === Services.VerifyStage.Declined) ? qsTr("同意并开始") : qsTr("再试一次")
                onClicked: Services.agreeToFaceCheck()
            }
            RowButton {
                objectName: "retryCardButton"
                visible: !screen.faceNeeded && screen.stage === Services.VerifyStage.Failed
                roomyWidth: 380
                primary: true
                text: qsTr("再试一次")
                onClicked: Services.checkCard()
            }
        }
    }
}
