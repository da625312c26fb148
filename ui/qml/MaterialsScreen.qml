import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The document camera (高拍仪): each material the item needs, the live picture, one large button
// to take a page, and a way to retake. Pages stay in memory for this session only.
Item {
    id: screen
    objectName: "materialsScreen"

    signal helpRequested()

    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        onHelpRequested: screen.helpRequested()
    }

    ColumnLayout {
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("请拍摄材料")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("把材料平放在下方高拍仪的灯下，正面朝上，看到画面清楚后点“拍照”。有多页的，逐页拍摄。")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }

        Repeater {
            model: Form.materials
            delegate: Rectangle {
                id: materialRow
                required property var modelData
                objectName: "material_" + modelData.id
                Layout.fillWidth: true
                implicitHeight: Math.max(Theme.touchMin + 24, materialName.implicitHeight + 2 * Theme.spacing)
                radius: Theme.radius
                color: Form.currentMaterial === modelData.id ? Theme.primaryLight : Theme.surface
                border.width: Form.currentMaterial === modelData.id ? 4 : 2
                border.color: Form.currentMaterial === modelData.id ? Theme.primary : Theme.border
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.spacing
                    Text {
                        id: materialName
                        Layout.fillWidth: true
                        text: materialRow.modelData.name + (materialRow.modelData.required ? " *" : qsTr("（可选）"))
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "pages_" + materialRow.modelData.id
                        text: materialRow.modelData.pages > 0 ? qsTr("已拍 %1 页").arg(materialRow.modelData.pages) : qsTr("未拍摄")
                        font.pixelSize: Theme.fontSmall
                        color: materialRow.modelData.pages > 0 ? Theme.success : Theme.textMuted
                        font.bold: true
                    }
                    KioskButton {
                        visible: materialRow.modelData.pages > 0
                        implicitWidth: 180
                        fontSize: Theme.fontSmall
                        text: qsTr("重拍")
                        onClicked: Form.retakeMaterial(materialRow.modelData.id)
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    z: -1
                    onClicked: Form.selectMaterial(materialRow.modelData.id)
                }
            }
        }

        CameraPreview {
            objectName: "documentPreview"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 400
            camera: "document_camera"
            visible: Form.documentCameraUsable
        }

        // The document camera stopped while the resident was at it: what they have done is kept,
        // and the screen says what they can do; it goes on by itself when the camera is back.
        Rectangle {
            objectName: "cameraStopped"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 400
            visible: !Form.documentCameraUsable
            radius: Theme.radius
            color: "#FFF4E0"
            border.color: Theme.warning
            border.width: 3
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.margin
                spacing: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    text: qsTr("高拍仪暂时没有画面")
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.warning
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("您填写的内容和已拍好的页面都还在，不会丢失。请稍等，画面恢复后可以接着拍；也可以点上方的“帮助”找工作人员，或者返回修改表格。")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                    lineHeight: 1.2
                }
                Item { Layout.fillHeight: true }
            }
        }

        Text {
            Layout.fillWidth: true
            visible: !Form.lastPageFound
            text: qsTr("没有找到纸张的边缘，已保存整个画面。看不清的话请点“重拍”。")
            font.pixelSize: Theme.fontSmall
            color: Theme.warning
            wrapMode: Text.Wrap
        }

        KioskButton {
            objectName: "captureButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchMin + 24
            primary: true
            enabled: Form.currentMaterial !== "" && Form.documentCameraUsable
            text: qsTr("拍照")
            onClicked: Form.capturePage()
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
                Layout.preferredWidth: 300
                text: qsTr("返回")
                onClicked: Form.backToForm()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "materialsDoneButton"
                Layout.preferredWidth: 420
                primary: true
                enabled: Form.materialsComplete
                text: qsTr("下一步")
                onClicked: Form.reviewMaterials()
            }
        }
    }
}
