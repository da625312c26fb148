import QtQml

// What a resident is told when a value does not fit its field.
QtObject {
    function of(problem) {
        switch (problem) {
        case "": return "";
        case "required": return qsTr("请填写此项");
        case "not_a_phone": return qsTr("请输入 11 位手机号码，或带区号的固定电话");
        case "not_a_number": return qsTr("请只输入数字");
        case "not_a_date": return qsTr("请按 年年年年月月日日 输入日期");
        case "not_an_id_number": return qsTr("身份证号码不正确，请核对");
        case "not_an_option": return qsTr("请从选项中选择");
        case "too_long": return qsTr("内容过长");
        }
        return problem;
    }
}
