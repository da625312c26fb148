<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <source>政务服务 7×24 小时自助终端</source>
        <translation type="vanished">24/7 Government Self-Service</translation>
    </message>
    <message>
        <source>轻触屏幕 开始办理</source>
        <translation type="vanished">Touch the screen to start</translation>
    </message>
    <message>
        <source>刷身份证或出示二维码，即可办理</source>
        <translation type="vanished">Tap your ID card or show a QR code to begin</translation>
    </message>
    <message>
        <source>证明打印</source>
        <translation type="vanished">Certificates</translation>
    </message>
    <message>
        <source>业务申请</source>
        <translation type="vanished">Apply</translation>
    </message>
    <message>
        <source>办件查询</source>
        <translation type="vanished">Track progress</translation>
    </message>
    <message>
        <source>电子证照</source>
        <translation type="vanished">E-licences</translation>
    </message>
    <message>
        <source>全天候开放 · 节假日无休</source>
        <translation type="vanished">Open around the clock, holidays included</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <source>办事指南</source>
        <translation type="vanished">Service guide</translation>
    </message>
    <message>
        <source>需拍摄的材料</source>
        <translation type="vanished">Documents to photograph</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation type="vanished"> (optional)</translation>
    </message>
    <message>
        <source>本事项需核验身份：刷身份证后可选择人脸识别；不愿意使用人脸识别的，可请工作人员协助核验。</source>
        <translation type="vanished">This service checks who you are: after tapping your ID card you may choose face verification, or ask a member of staff to verify you instead.</translation>
    </message>
    <message>
        <source>本事项刷身份证或扫描电子证照二维码即可办理。</source>
        <translation type="vanished">Tap your ID card or scan your e-ID QR code to use this service.</translation>
    </message>
    <message>
        <source>返回</source>
        <translation type="vanished">Back</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>需要帮助？</source>
        <translation type="vanished">Need help?</translation>
    </message>
    <message>
        <source>您在本机输入和拍摄的信息只用于本次办理，离开后会自动清除。</source>
        <translation type="vanished">What you enter or photograph here is used only for this visit and is erased when you leave.</translation>
    </message>
    <message>
        <source>我知道了</source>
        <translation type="vanished">Got it</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>请选择您要办理的事项</source>
        <translation type="vanished">What would you like to do?</translation>
    </message>
    <message>
        <source>刷身份证即可自动填写信息，大部分事项无需填表</source>
        <translation type="vanished">Tap your ID card and your details fill themselves in; most services need no form-filling</translation>
    </message>
    <message>
        <source>一件事一次办</source>
        <translation type="vanished">One visit, all done</translation>
    </message>
    <message>
        <source>一次认证、一张表单，相关事项一次办好</source>
        <translation type="vanished">Identify once, fill in one form, and get several related services done together</translation>
    </message>
    <message>
        <source>个人办事</source>
        <translation type="vanished">For individuals</translation>
    </message>
    <message>
        <source>法人办事</source>
        <translation type="vanished">For businesses</translation>
    </message>
</context>
<context>
    <name>IdleCountdown</name>
    <message>
        <source>您还在办理吗？</source>
        <translation type="vanished">Are you still there?</translation>
    </message>
    <message>
        <source>%1 秒后将自动退出，并清除您在本机留下的全部信息。</source>
        <translation type="vanished">In %1 seconds this session ends and everything you left on this kiosk is erased.</translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="vanished">Exit</translation>
    </message>
    <message>
        <source>继续办理</source>
        <translation type="vanished">Continue</translation>
    </message>
</context>
<context>
    <name>KindBadge</name>
    <message>
        <source>秒办</source>
        <translation type="vanished">Instant</translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="vanished">Print</translation>
    </message>
    <message>
        <source>查询</source>
        <translation type="vanished">Look up</translation>
    </message>
    <message>
        <source>申请</source>
        <translation type="vanished">Apply</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>政务服务自助终端</source>
        <translation type="vanished">Government self-service kiosk</translation>
    </message>
</context>
<context>
    <name>ThemeCard</name>
    <message>
        <source>%1 个事项一次办</source>
        <translation type="vanished">%1 services in one visit</translation>
    </message>
</context>
<context>
    <name>ThemeScreen</name>
    <message>
        <source>一次身份核验、一张合并表单，以下 %1 个事项一次办好，每个事项各有办件编号。</source>
        <translation type="vanished">One identity check and one combined form complete these %1 services together; each gets its own case number.</translation>
    </message>
    <message>
        <source>返回</source>
        <translation type="vanished">Back</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>帮助</source>
        <translation type="vanished">Help</translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="vanished">Exit</translation>
    </message>
</context>
</TS>
