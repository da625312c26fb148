import QtQml

// The names of the four kinds of identity card the reader takes, as a resident knows them.
QtObject {
    function of(type) {
        switch (type) {
        case "resident": return qsTr("居民身份证");
        case "resident_long_term": return qsTr("居民身份证");
        case "hk_mo_tw_permit": return qsTr("港澳台居民居住证");
        case "foreign_permanent_2017": return qsTr("外国人永久居留身份证（2017 版）");
        case "foreign_permanent_2023": return qsTr("外国人永久居留身份证（2023 版）");
        case "netid": return qsTr("政务App身份码");
        case "staff_attested": return qsTr("工作人员核验");
        }
        return type;
    }
}
