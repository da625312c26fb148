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

    // Portrait: the list above the live picture. Landscape and 5:4: the list on the left, the
    // picture and its button on the right, so the picture keeps a useful height on a 1080 unit
    // high canvas and the button stays on the screen. The list scrolls in its own column, so a
    // long one (several papers, elder mode's larger type) never pushes the button off the screen;
    // on a 5:4 canvas, too narrow for a 2:3 split, the list takes half so its words fit a line.
    readonly property bool wide: width > height

    // The live picture is never shorter than this; in portrait the list above it gives way.
    readonly property real previewMinimum: height < 1400 ? 200 : 400

    GridLayout {
        id: body
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: footer.top
        anchors.margins: Theme.margin
        columns: screen.wide ? 2 : 1
        columnSpacing: 2 * Theme.spacing
        rowSpacing: Theme.spacing

        ScrollingPage {
            objectName: "materialsList"
            Layout.fillWidth: true
            Layout.fillHeight: screen.wide
            Layout.preferredWidth: 2
            Layout.alignment: Qt.AlignTop
            // Portrait: as tall as the list, up to what the picture at its smallest and the button
            // below it leave, then it scrolls above the picture. Half the screen, as it once was,
            // pushed the button under the footer in elder mode and in reach mode (the layout
            // overflows its bottom, and the footer is drawn over what overflows).
            Layout.preferredHeight: contentImplicitHeight
            Layout.maximumHeight: screen.wide ? Number.POSITIVE_INFINITY
                                              : Math.max(0, body.height - body.rowSpacing - pictureColumn.belowList)
            margins: 0
            spacing: Theme.spacing

            KioskText {
                Layout.fillWidth: true
                text: qsTr("请拍摄材料")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
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
                    readonly property bool current: Form.currentMaterial === modelData.id
                    objectName: "material_" + modelData.id
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touchMin + 24, materialColumn.implicitHeight + 2 * Theme.spacing)
                    radius: Theme.radius
                    color: current ? Theme.primaryLight : Theme.surface
                    border.width: current ? 4 : 2
                    border.color: current ? Theme.primary : Theme.border
                    MouseArea {
                        readonly property bool keypadTarget: true
                        anchors.fill: parent
                        onClicked: Form.selectMaterial(materialRow.modelData.id)
                    }
                    ColumnLayout {
                        id: materialColumn
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        spacing: 8
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            KioskText {
                                id: materialName
                                Layout.fillWidth: true
                                text: materialRow.modelData.name + (materialRow.modelData.required ? " *" : qsTr("（可选）"))
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                            KioskText {
                                objectName: "pages_" + materialRow.modelData.id
                                text: materialRow.modelData.pages > 0 ? qsTr("已拍 %1 页").arg(materialRow.modelData.pages) : qsTr("未拍摄")
                                font.pixelSize: Theme.fontSmall
                                color: materialRow.modelData.pages > 0 ? Theme.success : Theme.textMuted
                                font.bold: true
                            }
                        }
                        // Under the name, so that a narrow column wraps the buttons, not the words.
                        Flow {
                            Layout.fillWidth: true
                            visible: materialRow.modelData.pages > 0
                            spacing: Theme.spacing
                            // A paper with more pages: choose it again and take the next one.
                            KioskButton {
                                objectName: "addPage_" + materialRow.modelData.id
                                visible: materialRow.modelData.pages > 0 && !materialRow.current
                                // As wide as its words at their size ("Add a page" in elder mode was cut short at 200).
                                implicitWidth: Math.max(200, snugWidth)
                                fontSize: Theme.fontSmall
                                text: qsTr("加拍一页")
                                onClicked: Form.selectMaterial(materialRow.modelData.id)
                            }
                            KioskButton {
                                visible: materialRow.modelData.pages > 0
                                implicitWidth: Math.max(180, snugWidth)
                                fontSize: Theme.fontSmall
                                text: qsTr("重拍")
                                onClicked: Form.retakeMaterial(materialRow.modelData.id)
                            }
                        }
                        KioskText {
                            Layout.fillWidth: true
                            visible: materialRow.current && materialRow.modelData.pages > 0
                            text: qsTr("还有下一页的，换上下一页后再点“拍照”。")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.primaryDark
                            wrapMode: Text.Wrap
                        }
                        // Each page taken, small; a tap shows it large, where it can be taken again.
                        Flow {
                            Layout.fillWidth: true
                            visible: materialRow.modelData.pages > 0
                            spacing: 12
                            Repeater {
                                model: materialRow.modelData.pages
                                delegate: Image {
                                    required property int index
                                    objectName: "thumb_" + materialRow.modelData.id + "_" + index
                                    width: 96
                                    height: 128
                                    fillMode: Image.PreserveAspectFit
                                    sourceSize: Qt.size(192, 256)
                                    cache: false
                                    source: "image://pages/" + materialRow.modelData.id + "/" + index + "?" + materialRow.modelData.revision
                                    Rectangle {
                                        anchors.fill: parent
                                        color: "transparent"
                                        border.color: Theme.border
                                        border.width: 2
                                    }
                                    MouseArea {
                                        readonly property bool keypadTarget: true
                                        anchors.fill: parent
                                        onClicked: pageViewer.show(materialRow.modelData.id, parent.index, materialRow.modelData.revision)
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Item { visible: screen.wide; Layout.fillHeight: true }
        }

        ColumnLayout {
            id: pictureColumn
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: ScreenLayout.columns > 1 || !screen.wide ? 3 : 2
            spacing: Theme.spacing

            // The least height the picture (or the notice standing in for it), the hint and the
            // button need: in portrait the list takes only what is left.
            readonly property real belowList: (cameraStopped.visible ? cameraStopped.Layout.minimumHeight : screen.previewMinimum)
                                              + (noEdgeHint.visible ? noEdgeHint.implicitHeight + spacing : 0)
                                              + spacing + captureButton.Layout.preferredHeight

            CameraPreview {
                objectName: "documentPreview"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: screen.previewMinimum
                camera: "document_camera"
                visible: Form.documentCameraUsable
            }

            // The document camera stopped while the resident was at it: what they have done is kept,
            // and the screen says what they can do; it goes on by itself when the camera is back.
            Rectangle {
                id: cameraStopped
                objectName: "cameraStopped"
                Layout.fillWidth: true
                Layout.fillHeight: true
                // Never shorter than what it says.
                Layout.minimumHeight: Math.max(screen.previewMinimum, stoppedColumn.implicitHeight + 2 * stoppedColumn.anchors.margins)
                visible: !Form.documentCameraUsable
                radius: Theme.radius
                color: "#FFF4E0"
                border.color: Theme.warning
                border.width: 3
                ColumnLayout {
                    id: stoppedColumn
                    anchors.fill: parent
                    anchors.margins: screen.wide ? Theme.spacing : Theme.margin
                    spacing: Theme.spacing
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("高拍仪暂时没有画面")
                        font.pixelSize: Theme.fontHeading
                        font.bold: true
                        color: Theme.warning
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("您填写的内容和已拍好的页面都还在，不会丢失。请稍等，画面恢复后可以接着拍；也可以点上方的“帮助”找工作人员，或者返回修改表格。")
                        font.pixelSize: screen.wide ? Theme.fontSmall : Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                        lineHeight: 1.2
                    }
                    Item { Layout.fillHeight: true }
                }
            }

            KioskText {
                id: noEdgeHint
                Layout.fillWidth: true
                visible: !Form.lastPageFound
                text: qsTr("没有找到纸张的边缘，已保存整个画面。看不清的话请点“重拍”。")
                font.pixelSize: Theme.fontSmall
                color: Theme.warning
                wrapMode: Text.Wrap
            }

            KioskButton {
                id: captureButton
                objectName: "captureButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchMin + 24
                primary: true
                enabled: Form.currentMaterial !== "" && Form.documentCameraUsable
                text: qsTr("拍照")
                onClicked: Form.capturePage()
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

    // One page large, to check it can be read, and to take it again.
    Rectangle {
        id: pageViewer
        objectName: "pageViewer"
        property string material: ""
        property int page: 0
        property int revision: 0
        function show(materialId, index, revision) {
            pageViewer.material = materialId;
            pageViewer.page = index;
            pageViewer.revision = revision;
            pageViewer.visible = true;
        }
        anchors.fill: parent
        visible: false
        color: Qt.rgba(0, 0, 0, 0.85)
        MouseArea { anchors.fill: parent }
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing
            KioskText {
                Layout.fillWidth: true
                text: qsTr("第 %1 页").arg(pageViewer.page + 1)
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.textOnPrimary
            }
            Image {
                objectName: "pageLarge"
                Layout.fillWidth: true
                Layout.fillHeight: true
                fillMode: Image.PreserveAspectFit
                cache: false
                source: pageViewer.visible ? "image://pages/" + pageViewer.material + "/" + pageViewer.page + "?" + pageViewer.revision : ""
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskButton {
                    objectName: "closePageButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    text: qsTr("关闭")
                    onClicked: pageViewer.visible = false
                }
                KioskButton {
                    objectName: "retakePageButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    primary: true
                    text: qsTr("重拍这一页")
                    onClicked: {
                        Form.retakePage(pageViewer.material, pageViewer.page);
                        pageViewer.visible = false;
                    }
                }
            }
        }
    }
}
