import QtQuick
import Kiosk.Ui

// Why a service cannot be started at this kiosk now, in words a resident can act on: one
// sentence per reason the runtime gives (KioskRuntime::unavailableReason).
QtObject {
    function of(reason) {
        switch (reason) {
        case "": return "";
        case "fee_needs_platform": return qsTr("本事项需要缴费，缴费必须连接政务服务平台，平台暂时无法连接。请稍后再试，或到人工窗口办理。");
        case "platform_offline": return qsTr("政务服务平台暂时无法连接，本事项需要联网办理。请稍后再试，或到人工窗口办理。");
        case "outbox_full": return qsTr("本机暂时无法保存新的申请。请到人工窗口办理，或使用其他自助终端。");
        case "outbox_unavailable": return qsTr("本机暂时无法受理申请。请联系工作人员，或到人工窗口办理。");
        case "document_camera_unavailable": return qsTr("本事项需要拍摄材料，但高拍仪暂时无法使用。请到人工窗口办理。");
        case "face_camera_unavailable": return qsTr("本事项需要人脸核验，但摄像头暂时无法使用。请到人工窗口办理。");
        case "document_printer_unavailable": return qsTr("本事项需要打印文件，但文件打印机暂时无法使用。请到人工窗口办理。");
        case "not_a_theme": return qsTr("这个一件事中有本机不能办理的事项。请逐项办理，或到人工窗口办理。");
        }
        return qsTr("本事项暂时无法在本机办理。请到人工窗口办理。");
    }
}
