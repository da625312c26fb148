<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/AttractScreen.qml" line="46"/>
        <source>政务服务 7×24 小时自助终端</source>
        <translation>24/7 Government Self-Service</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="101"/>
        <source>轻触屏幕 开始办理</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="108"/>
        <source>刷身份证或出示二维码，即可办理</source>
        <translation>Tap your ID card or show a QR code to begin</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="122"/>
        <source>证明打印</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="122"/>
        <source>业务申请</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="122"/>
        <source>办件查询</source>
        <translation>Track progress</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="122"/>
        <source>电子证照</source>
        <translation>E-licences</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="147"/>
        <source>全天候开放 · 节假日无休</source>
        <translation>Open around the clock, holidays included</translation>
    </message>
</context>
<context>
    <name>CardTypeName</name>
    <message>
        <location filename="../qml/CardTypeName.qml" line="7"/>
        <location filename="../qml/CardTypeName.qml" line="8"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../qml/CardTypeName.qml" line="9"/>
        <source>港澳台居民居住证</source>
        <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <location filename="../qml/CardTypeName.qml" line="10"/>
        <source>外国人永久居留身份证（2017 版）</source>
        <translation>Foreign permanent resident ID card (2017)</translation>
    </message>
    <message>
        <location filename="../qml/CardTypeName.qml" line="11"/>
        <source>外国人永久居留身份证（2023 版）</source>
        <translation>Foreign permanent resident ID card (2023)</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../qml/DemoPanel.qml" line="19"/>
        <source>读不到卡</source>
        <translation>No card found</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="20"/>
        <source>读卡失败 (41)</source>
        <translation>Read failure (41)</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="21"/>
        <source>SAM 自检失败 (60)</source>
        <translation>SAM self-test failure (60)</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="22"/>
        <source>数据帧断裂</source>
        <translation>Torn frames</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="23"/>
        <source>线路噪声</source>
        <translation>Line noise</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="24"/>
        <source>校验和错误</source>
        <translation>Bad checksum</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="25"/>
        <source>应答缓慢</source>
        <translation>Slow replies</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="26"/>
        <source>不应答</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="27"/>
        <source>拔出读卡器</source>
        <translation>Unplug the reader</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="40"/>
        <source>收起</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="40"/>
        <source>演示</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="61"/>
        <source>演示控制：模拟读卡器</source>
        <translation>Demo controls: simulated card reader</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="76"/>
        <source>（长期）</source>
        <translation> (no expiry)</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="85"/>
        <source>移开卡片</source>
        <translation>Remove the card</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="108"/>
        <source>清除故障</source>
        <translation>Clear faults</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../qml/GuideScreen.qml" line="74"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="106"/>
        <source>需拍摄的材料</source>
        <translation>Documents to photograph</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="116"/>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="136"/>
        <source>本事项需核验身份：刷身份证后可选择人脸识别；不愿意使用人脸识别的，可请工作人员协助核验。</source>
        <translation>This service checks who you are: after tapping your ID card you may choose face verification, or ask a member of staff to verify you instead.</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="137"/>
        <source>本事项刷身份证或扫描电子证照二维码即可办理。</source>
        <translation>Tap your ID card or scan your e-ID QR code to use this service.</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="159"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="169"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <location filename="../qml/HelpPanel.qml" line="34"/>
        <source>需要帮助？</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <location filename="../qml/HelpPanel.qml" line="48"/>
        <source>您在本机输入和拍摄的信息只用于本次办理，离开后会自动清除。</source>
        <translation>What you enter or photograph here is used only for this visit and is erased when you leave.</translation>
    </message>
    <message>
        <location filename="../qml/HelpPanel.qml" line="57"/>
        <source>我知道了</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="39"/>
        <source>请选择您要办理的事项</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="47"/>
        <source>刷身份证即可自动填写信息，大部分事项无需填表</source>
        <translation>Tap your ID card and your details fill themselves in; most services need no form-filling</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="55"/>
        <source>一件事一次办</source>
        <translation>One visit, all done</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="63"/>
        <source>一次认证、一张表单，相关事项一次办好</source>
        <translation>Identify once, fill in one form, and get several related services done together</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="91"/>
        <source>个人办事</source>
        <translation>For individuals</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="99"/>
        <source>法人办事</source>
        <translation>For businesses</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="19"/>
        <source>这张证件已过期，本机无法受理。请到人工窗口办理。</source>
        <translation>This card has expired and cannot be used here. Please go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="20"/>
        <source>这张证件尚未生效，本机无法受理。请到人工窗口办理。</source>
        <translation>This card is not valid yet and cannot be used here. Please go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="21"/>
        <source>证件信息无法识别，请联系工作人员。</source>
        <translation>The card could not be understood. Please ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="22"/>
        <source>没有读完证件信息，请把证件平放在读卡区，听到提示前不要移开。</source>
        <translation>The card was not read completely. Lay it flat on the reader and keep it there until you hear the tone.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="24"/>
        <source>读卡没有成功，请重新放置证件。</source>
        <translation>The card could not be read. Please place it on the reader again.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="52"/>
        <source>身份已确认</source>
        <translation>Identity confirmed</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="52"/>
        <source>请刷身份证</source>
        <translation>Please tap your ID card</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="74"/>
        <source>读卡区</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="94"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="116"/>
        <source>请将身份证平放在读卡区，读卡完成前请不要移开。港澳台居民居住证、外国人永久居留身份证也可以使用。</source>
        <translation>Lay your ID card flat on the reader and leave it there until it has been read. Residence permits for Hong Kong, Macao and Taiwan residents and foreign permanent resident ID cards work too.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="154"/>
        <source>读卡器暂时无法使用。请联系工作人员协助办理。</source>
        <translation>The card reader is out of order. Please ask a member of staff to help you.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="196"/>
        <source>为保护您的隐私，屏幕上只显示部分信息。</source>
        <translation>To protect your privacy, only part of your details is shown.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="222"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="228"/>
        <source>请工作人员协助</source>
        <translation>Ask staff for help</translation>
    </message>
</context>
<context>
    <name>IdleCountdown</name>
    <message>
        <location filename="../qml/IdleCountdown.qml" line="33"/>
        <source>您还在办理吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../qml/IdleCountdown.qml" line="49"/>
        <source>%1 秒后将自动退出，并清除您在本机留下的全部信息。</source>
        <translation>In %1 seconds this session ends and everything you left on this kiosk is erased.</translation>
    </message>
    <message>
        <location filename="../qml/IdleCountdown.qml" line="60"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../qml/IdleCountdown.qml" line="68"/>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>KindBadge</name>
    <message>
        <location filename="../qml/KindBadge.qml" line="13"/>
        <source>秒办</source>
        <translation>Instant</translation>
    </message>
    <message>
        <location filename="../qml/KindBadge.qml" line="15"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../qml/KindBadge.qml" line="17"/>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../qml/KindBadge.qml" line="18"/>
        <source>申请</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="15"/>
        <source>政务服务自助终端</source>
        <translation>Government self-service kiosk</translation>
    </message>
</context>
<context>
    <name>ThemeCard</name>
    <message>
        <location filename="../qml/ThemeCard.qml" line="47"/>
        <source>%1 个事项一次办</source>
        <translation>%1 services in one visit</translation>
    </message>
</context>
<context>
    <name>ThemeScreen</name>
    <message>
        <location filename="../qml/ThemeScreen.qml" line="47"/>
        <source>一次身份核验、一张合并表单，以下 %1 个事项一次办好，每个事项各有办件编号。</source>
        <translation>One identity check and one combined form complete these %1 services together; each gets its own case number.</translation>
    </message>
    <message>
        <location filename="../qml/ThemeScreen.qml" line="75"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="59"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="67"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
</context>
</TS>
