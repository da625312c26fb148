<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminCodeNotice</name>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="22"/>
        <source>已过期</source>
        <translation>it has expired</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="23"/>
        <source>已使用过，请重新签发</source>
        <translation>it was used already; sign a new one</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="24"/>
        <source>尚未生效，请检查本机时钟</source>
        <translation>it is not valid yet; check this terminal&apos;s clock</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="25"/>
        <source>不是签发给本机的</source>
        <translation>it was made for another terminal</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="26"/>
        <source>签发密钥不受本机信任</source>
        <translation>this terminal does not trust the key that signed it</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="27"/>
        <source>签名不正确</source>
        <translation>its signature is wrong</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="28"/>
        <source>有效期超过 15 分钟</source>
        <translation>it is valid for longer than 15 minutes</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="29"/>
        <source>通用码仅限技术人员在注册前使用，有效期不超过 5 分钟</source>
        <translation>a code for any terminal is only for a technician before enrolment, valid 5 minutes at most</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="29"/>
        <source>本机未启用管理码</source>
        <translation>admin codes are not enabled on this terminal</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="30"/>
        <source>本机无法记录，请重试</source>
        <translation>this terminal cannot record it; try again</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="31"/>
        <source>无法识别</source>
        <translation>it cannot be read</translation>
    </message>
    <message>
        <location filename="../qml/AdminCodeNotice.qml" line="40"/>
        <source>管理码未被接受：%1</source>
        <translation>Admin code not accepted: %1</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/AttractScreen.qml" line="46"/>
        <source>政务服务 7×24 小时自助终端</source>
        <translation>24/7 Government Self-Service</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="113"/>
        <source>轻触屏幕 开始办理</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="120"/>
        <source>刷身份证或出示二维码，即可办理</source>
        <translation>Tap your ID card or show a QR code to begin</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="133"/>
        <source>证明打印</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="133"/>
        <source>业务申请</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="133"/>
        <source>办件查询</source>
        <translation>Track progress</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="133"/>
        <source>电子证照</source>
        <translation>E-licences</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="173"/>
        <source>全天候开放 · 节假日无休</source>
        <translation>Open around the clock, holidays included</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="180"/>
        <source>长辈模式</source>
        <translation>Larger text</translation>
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
    <message>
        <location filename="../qml/CardTypeName.qml" line="12"/>
        <source>政务App身份码</source>
        <translation>Government app identity code</translation>
    </message>
    <message>
        <location filename="../qml/CardTypeName.qml" line="13"/>
        <source>工作人员核验</source>
        <translation>Confirmed by staff</translation>
    </message>
</context>
<context>
    <name>CaseNumberEntry</name>
    <message>
        <source>请输入回执上的办件编号</source>
        <translation>Type the case number on your receipt</translation>
    </message>
</context>
<context>
    <name>DeliveryScreen</name>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="21"/>
        <source>暂时连不上政务服务平台。请稍后再试，或到人工窗口办理。</source>
        <translation>The government service platform cannot be reached right now. Please try again later, or go to a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="22"/>
        <source>平台没有受理这项业务。请到人工窗口咨询。</source>
        <translation>The platform did not accept this request. Please ask at a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="23"/>
        <source>文件打印机暂时无法使用，文件没有打印。请联系工作人员。</source>
        <translation>The document printer is out of order, so the document was not printed. Please ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="24"/>
        <source>打印机缺纸，文件没有打印完。请联系工作人员补纸后重新打印。</source>
        <translation>The printer ran out of paper before the document was finished. Please ask staff to refill it, then print again.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="25"/>
        <source>打印机出现故障，文件没有打印出来。请联系工作人员。</source>
        <translation>The printer has a fault and the document was not printed. Please ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="26"/>
        <source>这项业务没有办完。请到人工窗口咨询。</source>
        <translation>This service could not be completed. Please ask at a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="66"/>
        <location filename="../qml/DeliveryScreen.qml" line="74"/>
        <source>正在办理…</source>
        <translation>Working on it…</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="67"/>
        <source>正在获取文件…</source>
        <translation>Getting your document…</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="68"/>
        <source>正在打印，请稍候…</source>
        <translation>Printing, please wait…</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="70"/>
        <source>已办结，文件已打印</source>
        <translation>Done: your document has been printed</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="71"/>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="71"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="72"/>
        <source>没有办完</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="104"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="133"/>
        <source>文件已从文件出口打印出来，请取走。文件带有电子签章，与窗口打印的具有同等效力。</source>
        <translation>Your document has come out of the document slot; please take it. It carries an electronic seal and is as valid as one printed at a counter.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="172"/>
        <source>回执正在打印，请从出纸口取走。</source>
        <translation>Your receipt is printing; please take it from the slot.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="173"/>
        <source>回执已打印，请从出纸口取走。</source>
        <translation>Your receipt has been printed; please take it from the slot.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="174"/>
        <source>回执没有打印出来，请记下上面的编号，或重新打印。</source>
        <translation>The receipt did not print. Please note the number above, or print it again.</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="182"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="203"/>
        <source>完成，评价本次服务</source>
        <translation>Done: rate this service</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="203"/>
        <source>结束</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../qml/DeliveryScreen.qml" line="1"/>
        <source>无法确认这笔缴费是否到账。请记下办件编号，请工作人员查询，不要重复缴费。</source>
        <translation>The kiosk cannot confirm whether this payment went through. Please note the case number and ask staff to check; do not pay again.</translation>
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
        <source>应答过迟</source>
        <translation>Late replies</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="28"/>
        <source>拔出读卡器</source>
        <translation>Unplug the reader</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="45"/>
        <source>演示模式：设备为模拟设备</source>
        <translation>Demo mode: the devices are simulated</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="57"/>
        <source>收起</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="57"/>
        <source>演示控制</source>
        <translation>Demo controls</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="79"/>
        <source>演示控制：模拟读卡器</source>
        <translation>Demo controls: simulated card reader</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="94"/>
        <source>（长期）</source>
        <translation> (no expiry)</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="103"/>
        <source>移开卡片</source>
        <translation>Remove the card</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="111"/>
        <source>扫政务App身份码</source>
        <translation>Scan an app identity code</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="118"/>
        <source>扫过期的身份码</source>
        <translation>Scan an expired identity code</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="123"/>
        <source>摄像头实时画面（模拟场景）</source>
        <translation>Cameras, live (simulated scene)</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="163"/>
        <source>高拍仪停止</source>
        <translation>Document camera stops</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="170"/>
        <source>高拍仪恢复</source>
        <translation>Document camera back</translation>
    </message>
    <message>
        <location filename="../qml/DemoPanel.qml" line="178"/>
        <source>清除故障</source>
        <translation>Clear faults</translation>
    </message>
</context>
<context>
    <name>ExitConfirmation</name>
    <message>
        <location filename="../qml/ExitConfirmation.qml" line="35"/>
        <source>确定要退出吗？</source>
        <translation>Leave now?</translation>
    </message>
    <message>
        <location filename="../qml/ExitConfirmation.qml" line="44"/>
        <source>退出后，您已填写的内容和拍摄的材料将全部清除，需要重新办理。</source>
        <translation>If you leave, everything you have entered and every page you have photographed will be cleared, and you will have to start again.</translation>
    </message>
    <message>
        <location filename="../qml/ExitConfirmation.qml" line="55"/>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../qml/ExitConfirmation.qml" line="63"/>
        <source>退出并清除</source>
        <translation>Leave and clear</translation>
    </message>
</context>
<context>
    <name>FieldProblem</name>
    <message>
        <location filename="../qml/FieldProblem.qml" line="8"/>
        <source>请填写此项</source>
        <translation>Please fill this in</translation>
    </message>
    <message>
        <location filename="../qml/FieldProblem.qml" line="9"/>
        <source>请输入 11 位手机号码，或带区号的固定电话</source>
        <translation>Enter an 11-digit mobile number, or a landline with its area code</translation>
    </message>
    <message>
        <location filename="../qml/FieldProblem.qml" line="10"/>
        <source>请只输入数字</source>
        <translation>Digits only, please</translation>
    </message>
    <message>
        <location filename="../qml/FieldProblem.qml" line="11"/>
        <source>请按 年年年年月月日日 输入日期</source>
        <translation>Enter the date as YYYYMMDD</translation>
    </message>
    <message>
        <location filename="../qml/FieldProblem.qml" line="12"/>
        <source>身份证号码不正确，请核对</source>
        <translation>This ID number is not valid; please check it</translation>
    </message>
    <message>
        <location filename="../qml/FieldProblem.qml" line="13"/>
        <source>请从选项中选择</source>
        <translation>Please choose one of the options</translation>
    </message>
    <message>
        <location filename="../qml/FieldProblem.qml" line="14"/>
        <source>内容过长</source>
        <translation>Too long</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../qml/FormScreen.qml" line="80"/>
        <source>请核对并填写信息</source>
        <translation>Check and fill in the form</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="124"/>
        <source>点击填写</source>
        <translation>Tap to fill in</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="151"/>
        <source>%1：%2，%3，不能修改</source>
        <translation>%1: %2, %3, cannot be changed</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="220"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="228"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../qml/GuideScreen.qml" line="76"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="108"/>
        <source>需拍摄的材料</source>
        <translation>Documents to photograph</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="118"/>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="158"/>
        <source>回执打印机暂时无法使用：可以办理，但不能打印回执，请在办完后记下屏幕上的编号。</source>
        <translation>The receipt printer is out of order: you can still apply, but no receipt will print, so please note the number shown at the end.</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="176"/>
        <source>本事项需核验身份：刷身份证后可选择人脸识别；不愿意使用人脸识别的，可请工作人员协助核验。</source>
        <translation>This service checks who you are: after tapping your ID card you may choose face verification, or ask a member of staff to verify you instead.</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="177"/>
        <source>本事项刷身份证或扫描电子证照二维码即可办理。</source>
        <translation>Tap your ID card or scan your e-ID QR code to use this service.</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="199"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="210"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="1"/>
        <source>本事项需缴费 %1（%2），提交后用手机扫码支付，需联网办理。</source>
        <translation>This service has a fee of %1 (%2), paid by phone after you submit. It needs the network.</translation>
    </message>
    <message>
        <location filename="../qml/GuideScreen.qml" line="1"/>
        <source>本事项需缴费，金额在提交后由平台核定，用手机扫码支付，需联网办理。</source>
        <translation>This service has a fee, worked out by the platform when you submit and paid by phone. It needs the network.</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <location filename="../qml/HelpPanel.qml" line="70"/>
        <source>关闭读屏（朗读屏幕内容）</source>
        <translation>Reading mode off (stop reading the screen aloud)</translation>
    </message>
    <message>
        <location filename="../qml/HelpPanel.qml" line="70"/>
        <source>打开读屏（朗读屏幕内容）</source>
        <translation>Reading mode on (read the screen aloud)</translation>
    </message>
    <message>
        <location filename="../qml/HelpPanel.qml" line="75"/>
        <source>也可以用下方的实体按键操作：方向键或 2、4、6、8 移动，5 或确认键选择，退格键返回，星号键求助；按住 5 两秒打开或关闭读屏。</source>
        <translation>You can also use the keypad below: arrows or 2, 4, 6, 8 move, 5 or Enter chooses, Backspace goes back, star asks for help; hold 5 for two seconds to switch reading mode on or off.</translation>
    </message>
    <message>
        <location filename="../qml/HelpPanel.qml" line="1"/>
        <source>办不成事 / 投诉建议</source>
        <translation>Could not get it done / Complaints</translation>
    </message>
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
    <message>
        <location filename="../qml/HelpPanel.qml" line="65"/>
        <source>视频帮办：请工作人员远程视频指导</source>
        <translation>Video help: an agent guides you by video</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="1"/>
        <source>办不成事 / 投诉建议</source>
        <translation>Could not get it done / Complaints</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="79"/>
        <source>政务服务平台暂时连不上。需要联网的事项（办件查询、证明和电子证照打印、刷码核验）要等平台恢复后才能办理；可以离线受理的申请照常提交，平台恢复后自动报送。</source>
        <translation>The government service platform cannot be reached just now. Services that need it (progress queries, printing certificates and e-licences, checks by code) must wait until it is back; applications that can be taken offline are accepted as usual and sent when it returns.</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="43"/>
        <source>请选择您要办理的事项</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="52"/>
        <source>搜索事项</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="58"/>
        <source>刷身份证即可自动填写信息，大部分事项无需填表</source>
        <translation>Tap your ID card and your details fill themselves in; most services need no form-filling</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="72"/>
        <source>查询我的办件</source>
        <translation>Track my applications</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="79"/>
        <source>我的电子证照</source>
        <translation>My e-licences</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="86"/>
        <source>一件事一次办</source>
        <translation>One visit, all done</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="94"/>
        <source>一次认证、一张表单，相关事项一次办好</source>
        <translation>Identify once, fill in one form, and get several related services done together</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="123"/>
        <source>个人办事</source>
        <translation>For individuals</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="131"/>
        <source>法人办事</source>
        <translation>For businesses</translation>
    </message>
    <message>
        <source>正在显示：证明打印</source>
        <translation>Showing: certificates to print</translation>
    </message>
    <message>
        <source>正在显示：业务申请</source>
        <translation>Showing: applications</translation>
    </message>
    <message>
        <source>显示全部事项</source>
        <translation>Show all services</translation>
    </message>
    <message>
        <source>显示更多事项（还有 %1 项）</source>
        <translation>Show more services (%1 more)</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="114"/>
        <source>取号</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="121"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="37"/>
        <source>被代办人不能是您本人。</source>
        <translation>You cannot file for yourself as someone else.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="39"/>
        <source>被代办人的信息不完整或有误，请核对后重试。</source>
        <translation>The details of the person you are filing for are incomplete or wrong; please check them.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="292"/>
        <source>代办：为 %1（%2）办理</source>
        <translation>Filing for %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="312"/>
        <source>为他人办理（代办）</source>
        <translation>File for someone else</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="30"/>
        <source>平台没有确认这个姓名和身份证号，请工作人员核对后重试。</source>
        <translation>The platform did not confirm this name and ID number; staff, please check them and try again.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="31"/>
        <source>工作人员核验身份要由政务服务平台确认，现在连不上平台。</source>
        <translation>Identity confirmed by staff must be checked by the government service platform, which cannot be reached now.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="32"/>
        <source>这项业务不能由工作人员核验身份，请刷身份证。</source>
        <translation>For this service staff cannot confirm your identity; please use your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="35"/>
        <source>工作人员核验身份没有成功，请核对后重试。</source>
        <translation>Staff could not confirm the identity; please check and try again.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="241"/>
        <source>没带证件：由工作人员核验身份</source>
        <translation>No ID with you: staff confirm who you are</translation>
    </message>
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
        <location filename="../qml/IdentifyScreen.qml" line="23"/>
        <source>这个二维码既不是本市政务服务回执上的二维码，也不是政务App身份码。请扫描回执上的二维码，或刷身份证查询。</source>
        <translation>This QR code is neither from a government service receipt of this city nor a government app identity code. Please scan the code on your receipt, or tap your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="24"/>
        <source>这项业务需要刷身份证办理，不能用身份码。</source>
        <translation>This service needs your ID card; an app identity code cannot be used for it.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="25"/>
        <source>身份码要由政务服务平台核验，现在连不上平台。请刷身份证。</source>
        <translation>Identity codes are checked by the government service platform, which cannot be reached right now. Please tap your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="26"/>
        <source>身份码已过期。请在手机上刷新身份码后再扫。</source>
        <translation>This identity code has expired. Refresh it on your phone and scan it again.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="27"/>
        <source>这个二维码不是有效的身份码。请打开政务服务App出示身份码，或刷身份证。</source>
        <translation>This QR code is not a valid identity code. Open your government service app and show its identity code, or tap your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="28"/>
        <source>平台没有告知这个身份码是谁的，无法为您填表。请刷身份证。</source>
        <translation>The platform did not say whose identity code this is, so your form cannot be filled in. Please tap your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="31"/>
        <source>身份码核验没有成功，请再扫一次，或刷身份证。</source>
        <translation>The identity code could not be checked. Please scan it again, or tap your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="32"/>
        <source>读卡没有成功，请重新放置证件。</source>
        <translation>The card could not be read. Please place it on the reader again.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="64"/>
        <source>办件进度查询</source>
        <translation>Application progress</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="65"/>
        <source>电子证照打印</source>
        <translation>Print my e-licences</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="74"/>
        <source>身份已确认</source>
        <translation>Identity confirmed</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="75"/>
        <source>请刷身份证</source>
        <translation>Please tap your ID card</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="75"/>
        <source>请刷身份证或扫身份码</source>
        <translation>Tap your ID card or scan your app code</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="159"/>
        <source>读卡区</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="179"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="201"/>
        <source>请将身份证平放在读卡区，读卡完成前请不要移开。港澳台居民居住证、外国人永久居留身份证也可以使用。</source>
        <translation>Lay your ID card flat on the reader and leave it there until it has been read. Residence permits for Hong Kong, Macao and Taiwan residents and foreign permanent resident ID cards work too.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="212"/>
        <source>也可以把回执上的二维码对准扫码窗口，不用刷证件。</source>
        <translation>Or hold the QR code on your receipt to the scanner window; no card needed.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="223"/>
        <source>没带身份证？打开政务服务App，出示身份码，对准扫码窗口或上方摄像头。</source>
        <translation>No ID card with you? Open your government service app and hold its identity code to the scanner or to the camera above.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="98"/>
        <source>正在向政务服务平台核验您的身份码，请稍候……</source>
        <translation>Checking your identity code with the government service platform, please wait…</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="136"/>
        <source>读卡器暂时无法使用。请联系工作人员协助办理。</source>
        <translation>The card reader is out of order. Please ask a member of staff to help you.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="264"/>
        <source>为保护您的隐私，屏幕上只显示部分信息。</source>
        <translation>To protect your privacy, only part of your details is shown.</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="289"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="296"/>
        <source>请工作人员协助</source>
        <translation>Ask staff for help</translation>
    </message>
    <message>
        <location filename="../qml/IdentifyScreen.qml" line="304"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>输入办件编号</source>
        <translation>Type a case number</translation>
    </message>
    <message>
        <source>没有找到这个办件编号。请核对回执上的编号后重新输入，或刷身份证查询。</source>
        <translation>No case has this number. Check the number on your receipt and type it again, or tap your ID card.</translation>
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
    <name>LicencesScreen</name>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="15"/>
        <source>文件打印机暂时无法使用。请联系工作人员。</source>
        <translation>The document printer is out of order. Please ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="16"/>
        <source>打印机缺纸，证照没有打印完。请联系工作人员补纸后重新打印。</source>
        <translation>The printer ran out of paper before the licence was finished. Please ask staff to refill it, then print again.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="17"/>
        <source>打印机出现故障，证照没有打印出来。请联系工作人员。</source>
        <translation>The printer has a fault and the licence was not printed. Please ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="18"/>
        <source>证照没有打印出来，请稍后再试。</source>
        <translation>The licence was not printed. Please try again later.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="39"/>
        <source>我的电子证照</source>
        <translation>My e-licences</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="49"/>
        <source>正在查询…</source>
        <translation>Looking it up…</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="50"/>
        <source>暂时查询不到您的电子证照，请稍后再试。</source>
        <translation>Your e-licences cannot be looked up right now. Please try again later.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="51"/>
        <source>平台上没有您的电子证照。</source>
        <translation>The platform holds no e-licences of yours.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="71"/>
        <source>证照已打印，请从文件出口取走。</source>
        <translation>Your licence has been printed; please take it from the document slot.</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="72"/>
        <source>正在打印，请稍候…</source>
        <translation>Printing, please wait…</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="110"/>
        <source>发证日期 %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="125"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="145"/>
        <source>结束</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../qml/LicencesScreen.qml" line="1"/>
        <source>完成，评价本次服务</source>
        <translation>Done: rate this service</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>低位模式
需要的按钮都在下方</source>
        <translation>Reach mode
Everything you need is below</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="15"/>
        <source>政务服务自助终端</source>
        <translation>Government self-service kiosk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="122"/>
        <source>技术人员设置</source>
        <translation>Technician setup</translation>
    </message>
</context>
<context>
    <name>MaintenanceScreen</name>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="64"/>
        <source>未运行</source>
        <translation>Not run</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="65"/>
        <source>等待中……</source>
        <translation>Waiting…</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="66"/>
        <source>打印中……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="67"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="68"/>
        <source>未配置读卡器</source>
        <translation>No card reader configured</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="69"/>
        <source>未配置扫码器</source>
        <translation>No scanner configured</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="70"/>
        <source>没有画面</source>
        <translation>No picture</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="89"/>
        <source>维护模式</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="110"/>
        <source>退出维护</source>
        <translation>Leave maintenance</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="53"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="54"/>
        <source>自检</source>
        <translation>Self-tests</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="55"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="56"/>
        <location filename="../qml/MaintenanceScreen.qml" line="276"/>
        <source>离线队列</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="57"/>
        <location filename="../qml/MaintenanceScreen.qml" line="308"/>
        <source>平台与网络</source>
        <translation>Platform and network</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="58"/>
        <source>运行日志</source>
        <translation>Recent log</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="59"/>
        <source>审计记录</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="102"/>
        <source>经管理码进入 · 技术人员</source>
        <translation>Entered with an admin code · technician</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="102"/>
        <source>经管理码进入 · 维护人员</source>
        <translation>Entered with an admin code · maintainer</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="179"/>
        <source>处理建议：%1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="180"/>
        <source>尚无统计</source>
        <translation>No statistics yet</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="187"/>
        <source>读卡测试</source>
        <translation>Card read test</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="188"/>
        <source>开始后请放一张身份证：只显示脱敏后的姓名和号码。</source>
        <translation>Start, then place an ID card: only the masked name and number are shown.</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="190"/>
        <source>开始读卡测试</source>
        <translation>Start card test</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="204"/>
        <source>扫码测试</source>
        <translation>Scanner test</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="206"/>
        <source>开始扫码测试</source>
        <translation>Start scanner test</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="219"/>
        <location filename="../qml/MaintenanceScreen.qml" line="221"/>
        <source>打印测试页</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="234"/>
        <source>高拍仪画面</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="235"/>
        <source>对准一页文字，调节焦距直到清晰度数值最大。</source>
        <translation>Aim at a page of text and turn the focus until the sharpness figure is highest.</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="244"/>
        <source>测量亮度和清晰度</source>
        <translation>Measure brightness and sharpness</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="249"/>
        <source>亮度 %1 · 清晰度 %2</source>
        <translation>Brightness %1 · sharpness %2</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="266"/>
        <source>换纸后已打印 %1 张，估计还可打印 %2 张（整卷约 %3 张）</source>
        <translation>%1 printed since the last refill, about %2 left (a roll holds about %3)</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="268"/>
        <source>尚未记录换纸</source>
        <translation>No refill recorded yet</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="268"/>
        <source>上次换纸：%1</source>
        <translation>Last refilled: %1</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="269"/>
        <source>已换纸</source>
        <translation>Paper refilled</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="280"/>
        <source>离线队列不可用：%1</source>
        <translation>Outbox unavailable: %1</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="281"/>
        <source>待发送 %1 · 失败 %2 · 已送达 %3</source>
        <translation>Waiting %1 · failed %2 · delivered %3</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="285"/>
        <source>最早一条已等待 %1 秒 · 占用 %2 字节</source>
        <translation>Oldest waiting %1 s · %2 bytes in use</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="291"/>
        <source>需要处理：%1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="300"/>
        <source>错误代码：%1 · 尝试 %2 次</source>
        <translation>Error code: %1 · %2 attempts</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="301"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="309"/>
        <source>检查平台连接</source>
        <translation>Check the platform</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="313"/>
        <source>检查中……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="314"/>
        <source>尚未检查</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="315"/>
        <source>平台可达（HTTP %1，%2 毫秒）</source>
        <translation>Platform reachable (HTTP %1, %2 ms)</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="316"/>
        <source>平台不可达：%1</source>
        <translation>Platform unreachable: %1</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="318"/>
        <source>已注册</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="318"/>
        <source>未注册</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="321"/>
        <source>时钟偏差：%1 秒</source>
        <translation>Clock offset: %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="362"/>
        <source>本机时钟偏差超过 5 分钟：请校准时间；在此之前按平台时间判断证件有效期</source>
        <translation>This terminal&apos;s clock is more than 5 minutes off: set the time. Until then, card dates are judged by the platform&apos;s time</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="324"/>
        <source>上次心跳：%1（%2）</source>
        <translation>Last heartbeat: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="325"/>
        <source>本次启动后尚无心跳</source>
        <translation>No heartbeat since the kiosk started</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="332"/>
        <source>运行日志（最近）</source>
        <translation>Recent log</translation>
    </message>
    <message>
        <location filename="../qml/MaintenanceScreen.qml" line="340"/>
        <source>审计记录（最近 20 条）</source>
        <translation>Audit log (last 20)</translation>
    </message>
</context>
<context>
    <name>MaterialsScreen</name>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="30"/>
        <source>请拍摄材料</source>
        <translation>Photograph your documents</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="37"/>
        <source>把材料平放在下方高拍仪的灯下，正面朝上，看到画面清楚后点“拍照”。有多页的，逐页拍摄。</source>
        <translation>Lay the document face up under the document camera&apos;s light below, and tap “Take photo” when the picture is clear. Photograph several pages one by one.</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="63"/>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="70"/>
        <source>已拍 %1 页</source>
        <translation>%1 page(s) taken</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="70"/>
        <source>未拍摄</source>
        <translation>Not yet taken</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="79"/>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="118"/>
        <source>高拍仪暂时没有画面</source>
        <translation>The document camera has stopped</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="126"/>
        <source>您填写的内容和已拍好的页面都还在，不会丢失。请稍等，画面恢复后可以接着拍；也可以点上方的“帮助”找工作人员，或者返回修改表格。</source>
        <translation>What you have filled in and the pages already taken are kept. Please wait: you can go on once the picture is back. You can also tap “Help” above to find staff, or go back to the form.</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="139"/>
        <source>没有找到纸张的边缘，已保存整个画面。看不清的话请点“重拍”。</source>
        <translation>No page edge was found, so the whole picture was kept. If it is hard to read, tap “Retake”.</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="151"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="170"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/MaterialsScreen.qml" line="179"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>加拍一页</source>
        <translation>Add a page</translation>
    </message>
    <message>
        <source>还有下一页的，换上下一页后再点“拍照”。</source>
        <translation>If there is another page, lay it down and tap “Take photo” again.</translation>
    </message>
    <message>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>重拍这一页</source>
        <translation>Retake this page</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../qml/NumericKeypad.qml" line="48"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/NumericKeypad.qml" line="60"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/NumericKeypad.qml" line="69"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="90"/>
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="125"/>
        <source>输入拼音，再点选汉字；点“英文”可输入英文字母</source>
        <translation>Type pinyin, tap a character; “English” for letters</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="126"/>
        <source>本机暂不能输入中文，可输入字母和数字</source>
        <translation>Chinese input is not available on this kiosk right now; letters and digits still work</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="173"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="187"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="187"/>
        <source>英文</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="194"/>
        <source>字母</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="200"/>
        <source>选定</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="200"/>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="208"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/OnScreenKeyboard.qml" line="219"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/OutOfServiceScreen.qml" line="19"/>
        <source>本机暂停使用</source>
        <translation>Out of service</translation>
    </message>
</context>
<context>
    <name>PersonEntryPanel</name>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="49"/>
        <source>证件号码应为 15 位</source>
        <translation>The card number has 15 characters</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="49"/>
        <source>证件号码应为 18 位</source>
        <translation>The card number has 18 characters</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="50"/>
        <source>证件号码校验位不对，请核对</source>
        <translation>The card number&apos;s check character is wrong; please check it</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="51"/>
        <source>这不是所选证件的号码，请核对</source>
        <translation>This is not a number of the chosen card; please check it</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="78"/>
        <source>为他人办理（代办）</source>
        <translation>Filing for someone else</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="78"/>
        <source>工作人员核验身份</source>
        <translation>Identity confirmed by staff</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="87"/>
        <source>请输入被代办人的姓名和证件号码，并选择您与他（她）的关系。</source>
        <translation>Enter the name and card number of the person you are filing for, and how you are related.</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="88"/>
        <source>请工作人员核实居民身份后，输入居民的姓名和身份证号，并选择核实依据。</source>
        <translation>Staff: once you have confirmed who the resident is, enter their name and ID number and say how you confirmed it.</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="98"/>
        <source>姓名：%1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="130"/>
        <source>证件号码：%1</source>
        <translation>Card number: %1</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="151"/>
        <source>您与被代办人的关系</source>
        <translation>You are their</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="151"/>
        <source>核实依据</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="164"/>
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="165"/>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="166"/>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="167"/>
        <source>兄弟姐妹</source>
        <translation>Brother or sister</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="168"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="170"/>
        <source>户口簿</source>
        <translation>Household register</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="171"/>
        <source>临时身份证</source>
        <translation>Temporary ID card</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="172"/>
        <source>熟识本人</source>
        <translation>Knows the resident</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="194"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="203"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../qml/PersonEntryPanel.qml" line="203"/>
        <source>确认身份</source>
        <translation>Confirm identity</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="22"/>
        <source>PIN 不正确，还可尝试 %1 次</source>
        <translation>Wrong PIN, %1 attempts left</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="23"/>
        <source>尝试次数过多，已锁定至 %1</source>
        <translation>Too many attempts: locked until %1</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="24"/>
        <source>未设置维护 PIN：请使用 kioskctl maintenance set-pin 设置</source>
        <translation>Maintenance PIN not set: use kioskctl maintenance set-pin</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="25"/>
        <source>两次输入的 PIN 不一致，请重新设置</source>
        <translation>The two PINs differ: please set it again</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="26"/>
        <source>无法写入配置文件，PIN 未保存</source>
        <translation>The configuration file cannot be written: PIN not saved</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="27"/>
        <source>PIN 太简单：至少 6 位数字，不能全部相同，也不能是连续数字</source>
        <translation>PIN too simple: at least 6 digits, not all the same, not a run</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="40"/>
        <source>设置维护 PIN</source>
        <translation>Set the maintenance PIN</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="40"/>
        <source>再次输入新 PIN</source>
        <translation>Type the new PIN again</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="41"/>
        <source>技术人员设置</source>
        <translation>Technician setup</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="41"/>
        <source>维护模式</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="48"/>
        <source>本机尚未设置维护 PIN。请设置至少 6 位数字的 PIN，它将写入配置文件。</source>
        <translation>This terminal has no maintenance PIN yet. Choose one of at least 6 digits; it is written into the configuration file.</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="49"/>
        <source>请输入维护 PIN，或扫描管理码</source>
        <translation>Enter the maintenance PIN, or scan an admin code</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="102"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="1"/>
        <source>已邮寄：%1 运单号 %2</source>
        <translation>Posted: %1 tracking number %2</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="15"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="16"/>
        <source>审核中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="17"/>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="18"/>
        <source>不予受理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="19"/>
        <source>需补充材料</source>
        <translation>More documents needed</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="21"/>
        <source>待缴费</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="22"/>
        <source>已撤销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="20"/>
        <source>已保存在本机，等待提交</source>
        <translation>Saved at this kiosk, waiting to be sent</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="43"/>
        <source>办件进度查询</source>
        <translation>Application progress</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="53"/>
        <source>正在查询…</source>
        <translation>Looking it up…</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="55"/>
        <source>没有找到这个办件。请核对回执，或到人工窗口咨询。</source>
        <translation>No such case was found. Please check your receipt, or ask at a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="56"/>
        <source>暂时查询不到，请稍后再试，或拨打 12345 咨询。</source>
        <translation>This cannot be looked up right now. Please try again later, or call 12345.</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="57"/>
        <source>没有查到您的办件。</source>
        <translation>No applications of yours were found.</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="97"/>
        <source>办件编号 %1</source>
        <translation>Case number %1</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="98"/>
        <source>本机受理编号 %1</source>
        <translation>Kiosk reference %1</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="115"/>
        <source>政务服务平台恢复连接后会自动提交，提交后即可查到办件编号和进度。</source>
        <translation>It will be sent automatically when the platform is reachable again; then its case number and progress can be looked up.</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="148"/>
        <source>查询完毕</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/ProgressScreen.qml" line="1"/>
        <source>办不成事？投诉建议</source>
        <translation>Could not get it done? Complain or suggest</translation>
    </message>
</context>
<context>
    <name>ProvisioningScreen</name>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="85"/>
        <source>设备正常</source>
        <translation>Devices ok</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="86"/>
        <source>已在平台注册</source>
        <translation>Enrolled with the platform</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="87"/>
        <source>平台可达</source>
        <translation>Platform reachable</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="88"/>
        <source>离线队列密钥就位</source>
        <translation>Outbox key present</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="89"/>
        <source>已打印测试页</source>
        <translation>Test page printed</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="90"/>
        <source>已设置维护 PIN</source>
        <translation>Maintenance PIN set</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="91"/>
        <source>本机时钟与平台一致</source>
        <translation>Clock agrees with the platform</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="92"/>
        <source>密钥已绑定本机</source>
        <translation>Secrets sealed to this machine</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="93"/>
        <source>生产模式，无模拟设备</source>
        <translation>Production mode, no simulated devices</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="92"/>
        <source>自助终端用户可读取所需文件</source>
        <translation>Files readable by the kiosk user</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="106"/>
        <source>技术人员设置</source>
        <translation>Technician setup</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="111"/>
        <source>退出</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="130"/>
        <source>1. 外设</source>
        <translation>1. Peripherals</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="141"/>
        <source>2. 大厅名称和站点</source>
        <translation>2. Hall name and site</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="142"/>
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="144"/>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="146"/>
        <source>站点代码（行政区划代码-大厅）</source>
        <translation>Site code (division code-hall)</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="150"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="157"/>
        <source>3. 在平台注册</source>
        <translation>3. Enrol with the platform</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="159"/>
        <source>本机已注册。</source>
        <translation>This terminal is enrolled.</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="159"/>
        <source>输入平台发给本大厅的一次性注册码。</source>
        <translation>Type the one-time enrolment token the platform issued for this hall.</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="165"/>
        <source>注册</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="176"/>
        <source>正在注册……</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="177"/>
        <source>请填写中文名称和站点代码</source>
        <translation>Fill in the Chinese name and the site code</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="178"/>
        <source>无法写入配置文件</source>
        <translation>The configuration file cannot be written</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="179"/>
        <source>请输入注册码</source>
        <translation>Type the enrolment token</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="180"/>
        <source>注册失败：%1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="183"/>
        <source>4. 打印测试页</source>
        <translation>4. Print a test page</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="185"/>
        <source>打印测试页</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="187"/>
        <source>打印中……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="187"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="192"/>
        <source>5. 检查清单</source>
        <translation>5. Checklist</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="193"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../qml/ProvisioningScreen.qml" line="236"/>
        <source>投入使用</source>
        <translation>Put into service</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../qml/RatingScreen.qml" line="16"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="17"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="18"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="19"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="20"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="24"/>
        <source>办理流程繁琐</source>
        <translation>Too many steps</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="25"/>
        <source>设备不好用</source>
        <translation>The kiosk was hard to use</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="26"/>
        <source>提示不清楚</source>
        <translation>Instructions were unclear</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="27"/>
        <source>等待时间长</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="28"/>
        <source>材料要求不明确</source>
        <translation>Unclear what documents were needed</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="59"/>
        <source>请为本次服务评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="67"/>
        <source>评价是匿名的，只用于改进服务。</source>
        <translation>Ratings are anonymous and only used to improve service.</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="86"/>
        <source>请选择不满意的原因（至少一项）</source>
        <translation>What went wrong? (choose at least one)</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="128"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../qml/RatingScreen.qml" line="137"/>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/ResultScreen.qml" line="1"/>
        <source>办不成事？投诉建议</source>
        <translation>Could not get it done? Complain or suggest</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="51"/>
        <source>申请已提交</source>
        <translation>Application submitted</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="51"/>
        <source>申请已保存，将自动提交</source>
        <translation>Application saved; it will be submitted automatically</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="51"/>
        <source>申请未被受理</source>
        <translation>Application not accepted</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="80"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="80"/>
        <source>本机受理编号</source>
        <translation>Kiosk reference</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="124"/>
        <source>%1（已保存，将自动提交）</source>
        <translation>%1 (saved; it will be sent automatically)</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="125"/>
        <source>未受理，请到人工窗口咨询</source>
        <translation>Not accepted; please ask at a staffed counter</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="136"/>
        <source>请记下或拍下办件编号：在本机“办件查询”中输入编号，或拨打 12345、在“皖事通”中都可以查询办理进度。</source>
        <translation>Note or photograph the case number: type it in under “Track my applications” at this kiosk, call 12345, or use the Wanshitong app to follow your case.</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="137"/>
        <source>政务服务平台暂时无法连接。您的申请已安全保存在本机，连接恢复后会自动提交，无需再来一次。提交后会生成办件编号，可凭身份证查询。</source>
        <translation>The government service platform cannot be reached right now. Your application is stored safely on this kiosk and will be submitted automatically when the connection returns; you do not need to come back. It will then get a case number, which you can look up with your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="138"/>
        <source>平台没有受理这份申请（%1）。请到人工窗口咨询，工作人员可以看到这份申请。</source>
        <translation>The platform did not accept this application (%1). Please ask at a staffed counter; the staff can see your application.</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="160"/>
        <source>回执正在打印，请从出纸口取走。</source>
        <translation>Your receipt is printing; please take it from the slot.</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="161"/>
        <source>回执已打印，请从出纸口取走。</source>
        <translation>Your receipt has been printed; please take it from the slot.</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="162"/>
        <source>回执没有打印出来，请记下上面的编号，或重新打印。</source>
        <translation>The receipt did not print. Please note the number above, or print it again.</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="171"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="191"/>
        <source>完成，评价本次服务</source>
        <translation>Done: rate this service</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="87"/>
        <source>已缴费用 %1，财政电子票据已从文件打印机打印，请取走。</source>
        <translation>Paid %1. The fiscal receipt has been printed by the document printer; please take it.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="1"/>
        <source>免费邮寄至 %1
收件人 %2  电话 %3</source>
        <translation>Free post to %1
Recipient %2  Phone %3</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="1"/>
        <source>窗口领取</source>
        <translation>Collect at the counter</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="1"/>
        <source>更改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="30"/>
        <source>请确认申请信息</source>
        <translation>Confirm your application</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="100"/>
        <source>本机暂时无法保存申请（存储空间不足或设备故障），您的信息没有提交。请联系工作人员，或到人工窗口办理。</source>
        <translation>This kiosk could not store your application (no space, or a fault), so nothing was submitted. Please ask a member of staff or go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="108"/>
        <source>提交后将生成办件编号，您可以凭编号查询办理进度。</source>
        <translation>Once submitted, your application gets a case number you can use to follow its progress.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="130"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="138"/>
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="136"/>
        <source>暂时连不上政务服务平台。缴费事项必须联网提交并当场缴费，这份申请没有提交，也没有扣费。您填写的内容还在，可以稍后再点“确认提交”，或到人工窗口办理。</source>
        <translation>The government service platform cannot be reached right now. An application with a fee is submitted and paid online there and then, so this application was not submitted and nothing was charged. What you entered is still here: you can tap “Submit” again in a while, or go to a staffed counter.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>显示更多结果（还有 %1 项）</source>
        <translation>Show more results (%1 more)</translation>
    </message>
    <message>
        <location filename="../qml/SearchPanel.qml" line="53"/>
        <source>输入事项名称或拼音首字母</source>
        <translation>Service name or pinyin initials</translation>
    </message>
    <message>
        <location filename="../qml/SearchPanel.qml" line="70"/>
        <source>关闭搜索</source>
        <translation>Close search</translation>
    </message>
    <message>
        <location filename="../qml/SearchPanel.qml" line="97"/>
        <source>可以输入名称中的字，如“身份证”；也可以只输入拼音首字母，如“sfz”。</source>
        <translation>Type part of a name, such as “身份证” (ID card), or just pinyin initials, such as “sfz”.</translation>
    </message>
    <message>
        <location filename="../qml/SearchPanel.qml" line="105"/>
        <source>找到的事项：%1</source>
        <translation>Services found: %1</translation>
    </message>
    <message>
        <location filename="../qml/SearchPanel.qml" line="116"/>
        <source>没有找到相关事项</source>
        <translation>No matching services</translation>
    </message>
    <message>
        <location filename="../qml/SearchPanel.qml" line="124"/>
        <source>可以换个说法再试，或请工作人员帮您查找：%1</source>
        <translation>Try other words, or ask a member of staff to help you find it: %1</translation>
    </message>
</context>
<context>
    <name>StaffBar</name>
    <message>
        <location filename="../qml/StaffBar.qml" line="22"/>
        <source>工作人员码已过期，请刷新后重新出示</source>
        <translation>The staff code has expired; refresh it and show it again</translation>
    </message>
    <message>
        <location filename="../qml/StaffBar.qml" line="23"/>
        <source>工作人员码无法识别</source>
        <translation>The staff code was not recognised</translation>
    </message>
    <message>
        <location filename="../qml/StaffBar.qml" line="24"/>
        <source>暂时无法核验工作人员码，请稍后重试</source>
        <translation>The staff code cannot be checked just now; please try again shortly</translation>
    </message>
    <message>
        <location filename="../qml/StaffBar.qml" line="25"/>
        <source>工作人员码核验失败，请重试</source>
        <translation>The staff code could not be checked; please try again</translation>
    </message>
    <message>
        <location filename="../qml/StaffBar.qml" line="42"/>
        <source>工作人员 %1 正在协助您办理</source>
        <translation>Staff member %1 is helping you</translation>
    </message>
    <message>
        <location filename="../qml/StaffBar.qml" line="43"/>
        <source>正在核验工作人员码……</source>
        <translation>Checking the staff code…</translation>
    </message>
</context>
<context>
    <name>SubmitScreen</name>
    <message>
        <location filename="../qml/SubmitScreen.qml" line="52"/>
        <source>正在提交，请稍候…</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <location filename="../qml/SubmitScreen.qml" line="60"/>
        <source>您的申请已保存在本机，网络不稳定也不会丢失。</source>
        <translation>Your application is already stored on this kiosk; a bad connection cannot lose it.</translation>
    </message>
</context>
<context>
    <name>ThemeCard</name>
    <message>
        <location filename="../qml/ThemeCard.qml" line="49"/>
        <source>%1 个事项一次办</source>
        <translation>%1 services in one visit</translation>
    </message>
</context>
<context>
    <name>ThemeScreen</name>
    <message>
        <location filename="../qml/ThemeScreen.qml" line="49"/>
        <source>一次身份核验、一张合并表单，以下 %1 个事项一次办好，每个事项各有办件编号。</source>
        <translation>One identity check and one combined form complete these %1 services together; each gets its own case number.</translation>
    </message>
    <message>
        <location filename="../qml/ThemeScreen.qml" line="95"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/ThemeScreen.qml" line="106"/>
        <source>一次办理以上全部事项</source>
        <translation>Do all of these at once</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="67"/>
        <source>标准模式</source>
        <translation>Standard text</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="67"/>
        <source>长辈模式</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="73"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="81"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="73"/>
        <source>视频帮办</source>
        <translation>Video help</translation>
    </message>
</context>
<context>
    <name>UnavailableReason</name>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="10"/>
        <source>政务服务平台暂时无法连接，本事项需要联网办理。请稍后再试，或到人工窗口办理。</source>
        <translation>The government service platform cannot be reached, and this service needs it. Please try again later, or go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="11"/>
        <source>本机暂时无法保存新的申请。请到人工窗口办理，或使用其他自助终端。</source>
        <translation>This kiosk cannot store new applications just now. Please go to a staffed counter or use another kiosk.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="12"/>
        <source>本机暂时无法受理申请。请联系工作人员，或到人工窗口办理。</source>
        <translation>This kiosk cannot take applications just now. Please ask a member of staff or go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="13"/>
        <source>本事项需要拍摄材料，但高拍仪暂时无法使用。请到人工窗口办理。</source>
        <translation>This service needs documents photographed, but the document camera is out of order. Please go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="14"/>
        <source>本事项需要人脸核验，但摄像头暂时无法使用。请到人工窗口办理。</source>
        <translation>This service needs a face check, but the camera is out of order. Please go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="15"/>
        <source>本事项需要打印文件，但文件打印机暂时无法使用。请到人工窗口办理。</source>
        <translation>This service prints a document, but the document printer is out of order. Please go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="16"/>
        <source>这个一件事中有本机不能办理的事项。请逐项办理，或到人工窗口办理。</source>
        <translation>This bundle includes a service this kiosk cannot do. Please do them one by one, or go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="18"/>
        <source>本事项暂时无法在本机办理。请到人工窗口办理。</source>
        <translation>This service cannot be done at this kiosk just now. Please go to a staffed counter.</translation>
    </message>
    <message>
        <location filename="../qml/UnavailableReason.qml" line="1"/>
        <source>本事项需要缴费，缴费必须连接政务服务平台，平台暂时无法连接。请稍后再试，或到人工窗口办理。</source>
        <translation>This service has a fee, and paying needs the government service platform, which cannot be reached now. Please try again later, or go to a staffed counter.</translation>
    </message>
</context>
<context>
    <name>VerifyScreen</name>
    <message>
        <source>请向上滑动，读完说明后再同意</source>
        <translation>Swipe up to read it all before you agree</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="21"/>
        <source>请站到屏幕正前方，看向摄像头</source>
        <translation>Please stand in front of the screen and look at the camera</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="22"/>
        <source>请保持画面中只有您一个人</source>
        <translation>Please make sure only you are in the picture</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="23"/>
        <source>请靠近一点</source>
        <translation>Please come a little closer</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="24"/>
        <source>请稍微后退</source>
        <translation>Please step back a little</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="25"/>
        <source>请把脸移到框的中间</source>
        <translation>Please move your face into the middle of the frame</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="26"/>
        <source>光线太暗，请抬起头，面向屏幕</source>
        <translation>It is too dark; please raise your head and face the screen</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="27"/>
        <source>光线太亮，请稍微侧身避开强光</source>
        <translation>It is too bright; please turn a little away from the strong light</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="28"/>
        <source>请保持不动</source>
        <translation>Please hold still</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="29"/>
        <source>很好，请慢慢向左或向右转一下头，再转回来</source>
        <translation>Good. Now slowly turn your head to one side, then back again</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="31"/>
        <source>请看向摄像头</source>
        <translation>Please look at the camera</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="36"/>
        <source>人脸比对没有通过。您可以再试一次，或选择其他方式办理。</source>
        <translation>The face comparison did not succeed. You can try again, or choose another way.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="37"/>
        <source>平台无法核验这张证件。请到人工窗口办理。</source>
        <translation>The platform cannot verify this card. Please go to a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="38"/>
        <source>这张证件已过期，本机无法受理。请到人工窗口办理。</source>
        <translation>This card has expired, so this kiosk cannot accept it. Please go to a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="39"/>
        <source>暂时连不上政务服务平台，无法核验身份。请稍后再试，或到人工窗口办理。</source>
        <translation>The government service platform cannot be reached, so your identity cannot be checked. Please try again later, or go to a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="40"/>
        <source>摄像头暂时无法使用。请选择其他方式办理。</source>
        <translation>The camera is out of order. Please choose another way.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="42"/>
        <source>身份核验没有完成。请再试一次，或到人工窗口办理。</source>
        <translation>The identity check did not finish. Please try again, or go to a service counter.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="62"/>
        <source>办件进度查询</source>
        <translation>Application progress</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="63"/>
        <source>电子证照打印</source>
        <translation>Print my e-licences</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="73"/>
        <source>人脸核验</source>
        <translation>Face check</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="74"/>
        <location filename="../qml/VerifyScreen.qml" line="78"/>
        <source>正在核验身份…</source>
        <translation>Checking your identity…</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="75"/>
        <source>身份核验通过</source>
        <translation>Identity confirmed</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="76"/>
        <source>身份核验未通过</source>
        <translation>Identity not confirmed</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="80"/>
        <source>暂时连不上政务服务平台</source>
        <translation>The government service platform cannot be reached</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="80"/>
        <source>暂时无法核验身份</source>
        <translation>Your identity cannot be checked just now</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="77"/>
        <source>其他办理方式</source>
        <translation>Other ways to do this</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="78"/>
        <source>办理前需要核验是您本人</source>
        <translation>We need to confirm it is you</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="104"/>
        <source>这项业务需要确认是您本人办理。本机将用摄像头拍摄一张您的面部照片，发送到政务服务平台与您的证件照片比对。</source>
        <translation>This service needs to confirm that you are the card holder. The kiosk will take one picture of your face and send it to the government service platform to compare with your ID photo.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="112"/>
        <source>照片只用于这一次比对：本机不保存，平台比对后即删除。</source>
        <translation>The picture is used for this comparison only: the kiosk does not keep it, and the platform deletes it after comparing.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="120"/>
        <source>如果您不同意，可以到人工窗口办理，或用“皖事通”手机应用办理。</source>
        <translation>If you do not agree, you can go to a service counter, or use the Wanshitong mobile app.</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="162"/>
        <source>正在比对，请稍候…</source>
        <translation>Comparing, please wait…</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="205"/>
        <source>您可以：</source>
        <translation>You can:</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="212"/>
        <source>· 到人工窗口办理，工作人员会核对您的证件（%1）</source>
        <translation>· go to a service counter, where staff will check your card (%1)</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="219"/>
        <source>· 用“皖事通”手机应用办理同一事项</source>
        <translation>· do the same in the Wanshitong mobile app</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="245"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="253"/>
        <source>不同意</source>
        <translation>I do not agree</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="262"/>
        <source>同意并开始</source>
        <translation>Agree and start</translation>
    </message>
    <message>
        <location filename="../qml/VerifyScreen.qml" line="262"/>
        <location filename="../qml/VerifyScreen.qml" line="270"/>
        <source>再试一次</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>AppointmentsScreen</name>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="31"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="47"/>
        <source>刷身份证签到</source>
        <translation>Check in with your ID card</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="52"/>
        <source>或者打开手机上的预约记录，把预约二维码对准下方扫码口。</source>
        <translation>Or open the appointment on your phone and hold its QR code to the scanner below.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="64"/>
        <source>正在查询您的预约…</source>
        <translation>Looking up your appointments…</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="67"/>
        <source>您今天在本大厅没有预约。可以返回首页直接取号。</source>
        <translation>You have no appointment in this hall today. You can go back and take a ticket instead.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="68"/>
        <source>这个预约不在本大厅，请到%1签到。</source>
        <translation>This appointment is not in this hall. Please check in at %1.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="69"/>
        <source>这个预约不是今天的，请在预约当天来签到。</source>
        <translation>This appointment is not for today. Please check in on the day of your appointment.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="70"/>
        <source>这个预约已经签到过了，请留意叫号。</source>
        <translation>This appointment has already been checked in. Please watch for your number.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="71"/>
        <source>没有找到这个预约，请核对预约码，或到咨询台询问。</source>
        <translation>This appointment was not found. Please check the code, or ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="72"/>
        <source>这不是预约二维码。请在手机上打开预约记录里的二维码。</source>
        <translation>This is not an appointment code. Please open the QR code of your appointment on your phone.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="73"/>
        <source>预约的窗口现在暂停办理，请到咨询台询问。</source>
        <translation>The counters of your appointment are closed now. Please ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="74"/>
        <source>政务服务平台暂时连不上，现在不能签到。请到咨询台签到。</source>
        <translation>The government service platform cannot be reached, so check-in is not possible now. Please check in at the information desk.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="76"/>
        <source>暂时不能签到，请到咨询台签到。</source>
        <translation>Check-in is not possible now. Please check in at the information desk.</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="109"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="117"/>
        <source>本大厅</source>
        <translation>In this hall</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="117"/>
        <source>不在本大厅：请到%1签到</source>
        <translation>Not in this hall: please check in at %1</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="129"/>
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../qml/AppointmentsScreen.qml" line="149"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>请用手机扫码缴费</source>
        <translation>Please pay by phone</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>正在取消缴费…</source>
        <translation>Cancelling the payment…</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>缴费成功</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>付款码已过期</source>
        <translation>The payment code has expired</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>缴费已取消</source>
        <translation>The payment is cancelled</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>应缴金额 %1</source>
        <translation>Amount due %1</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>已缴金额 %1</source>
        <translation>Amount paid %1</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>未扣款（%1 未支付）</source>
        <translation>Nothing charged (%1 not paid)</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>未扣款（%1 已取消）</source>
        <translation>Nothing charged (%1 cancelled)</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>支持微信、支付宝、云闪付。付款码 %1 后失效</source>
        <translation>WeChat Pay, Alipay and UnionPay accepted. The code expires in %1</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>支付完成后本机自动继续办理，并打印文件和财政电子票据。</source>
        <translation>Once you have paid, the kiosk carries on and prints your document and the fiscal receipt.</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>请稍候，正在向平台确认。</source>
        <translation>Please wait while the platform confirms.</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>已收到您的缴费，正在继续办理。</source>
        <translation>Your payment has arrived; carrying on.</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>没有收到付款，这笔缴费已失效，不会扣款。可以获取新的付款码，或离开。</source>
        <translation>No payment arrived, so this code is no longer valid and nothing was charged. You can get a new code, or leave.</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>这笔缴费已取消，不会扣款。可以获取新的付款码，或离开。</source>
        <translation>This payment is cancelled and nothing was charged. You can get a new code, or leave.</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>离开</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>取消缴费</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="1"/>
        <source>获取新的付款码</source>
        <translation>Get a new code</translation>
    </message>
    <message>
        <location filename="../qml/PaymentScreen.qml" line="133"/>
        <source>支付完成后申请即提交办理，本机打印财政电子票据和回执。</source>
        <translation>Once paid, your application goes to be processed, and the kiosk prints the fiscal receipt and your receipt.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <location filename="../qml/TicketScreen.qml" line="30"/>
        <source>签到成功</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="30"/>
        <source>取号成功</source>
        <translation>Here is your ticket</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="50"/>
        <source>您的号码</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="76"/>
        <source>老年人优先窗口</source>
        <translation>Priority queue for elders</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="84"/>
        <source>前面还有 %1 人，预计等候 %2 分钟</source>
        <translation>%1 people ahead of you, about %2 minutes</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="96"/>
        <source>正在打印排队小票…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="97"/>
        <source>排队小票已打印，请从出票口取走。请留意叫号屏和语音叫号。</source>
        <translation>Your ticket is printed: please take it from the slot. Watch the calling screen and listen for your number.</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="98"/>
        <source>排队小票没有打印出来。请记住您的号码，或到咨询台补打。</source>
        <translation>Your ticket could not be printed. Please remember your number, or ask at the information desk for a copy.</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="110"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../qml/TicketScreen.qml" line="128"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TicketsScreen</name>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="33"/>
        <location filename="../qml/TicketsScreen.qml" line="116"/>
        <source>取号</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="40"/>
        <source>请选择要去的窗口，取号后请留意叫号屏。</source>
        <translation>Choose the counters you need. After taking a ticket, watch the calling screen.</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="50"/>
        <source>正在连接大厅排队系统…</source>
        <translation>Connecting to the hall's queuing system…</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="52"/>
        <source>这类窗口现在不办理业务，请选择其他窗口，或到咨询台询问。</source>
        <translation>These counters are closed now. Please choose others, or ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="53"/>
        <source>政务服务平台暂时连不上，现在不能取号。请到咨询台取号，或稍后再试。</source>
        <translation>The government service platform cannot be reached, so tickets cannot be taken now. Please take one at the information desk, or try again later.</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="54"/>
        <source>暂时不能取号，请到咨询台取号。</source>
        <translation>Tickets cannot be taken now. Please take one at the information desk.</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="64"/>
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="104"/>
        <source>等候 %1 人 · 约 %2 分钟</source>
        <translation>%1 waiting · about %2 min</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="105"/>
        <source>暂停办理</source>
        <translation>Closed now</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="150"/>
        <source>您是否需要老年人优先窗口？</source>
        <translation>Would you like the priority queue for elders?</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="158"/>
        <source>65 岁以上的老年人可以走优先通道，工作人员可能会核对您的身份证。</source>
        <translation>Residents aged 65 and over may use the priority queue; staff may check your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="167"/>
        <source>需要，走优先窗口</source>
        <translation>Yes, priority queue</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="173"/>
        <source>不需要，普通排队</source>
        <translation>No, ordinary queue</translation>
    </message>
    <message>
        <location filename="../qml/TicketsScreen.qml" line="191"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ComplaintScreen</name>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>办不成事 / 投诉建议</source>
        <translation>Could not get it done / Complaints</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>您的意见会连同刚才的办件编号一起转给12345热线，3个工作日内处理。</source>
        <translation>Your comments go to the 12345 hotline with the case number you were just given, and are dealt with within 3 working days.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>您的意见会转给12345热线，3个工作日内处理。默认匿名提交。</source>
        <translation>Your comments go to the 12345 hotline and are dealt with within 3 working days. They are anonymous unless you leave a phone number.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>点这里，用拼音输入您遇到的问题或建议</source>
        <translation>Tap here and type what went wrong or your suggestion</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>手机号（选填，留下才会回复您；不填即匿名）</source>
        <translation>Mobile number (optional, for an answer; without it you stay anonymous)</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>已提交，投诉编号 %1。请保留凭条，可拨打12345查询处理结果。</source>
        <translation>Sent. Your complaint number is %1. Keep the slip; call 12345 to follow it.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>已登记，登记号 %1。政务服务平台暂时连不上，恢复后会自动提交，不会丢失。</source>
        <translation>Recorded under reference %1. The government service platform cannot be reached now; it will be sent automatically once it is back, and nothing is lost.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>请先选择类别。</source>
        <translation>Please choose a category first.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>请写下您遇到的问题或建议。</source>
        <translation>Please write what went wrong or your suggestion.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>内容太长，请控制在500字以内。</source>
        <translation>That is too long: please keep it within 500 characters.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>手机号应为11位数字，或者不填。</source>
        <translation>A mobile number has 11 digits; or leave it empty.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>暂时无法登记，请到咨询台反映，或拨打12345。</source>
        <translation>It cannot be recorded now. Please tell the information desk, or call 12345.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>正在打印凭条…</source>
        <translation>Printing your slip…</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>凭条已打印，请从出票口取走。</source>
        <translation>Your slip is printed: please take it from the slot.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>凭条没有打印出来，请记下上面的编号。</source>
        <translation>The slip could not be printed. Please note the number above.</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>正在提交…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>提交</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/ComplaintScreen.qml" line="1"/>
        <source>您的意见会连同办件编号 %1 一起转给12345热线，3个工作日内处理。</source>
        <translation>Your words go to the 12345 hotline together with case number %1 and are answered within 3 working days.</translation>
    </message>
</context>
<context>
    <name>VideoCallBar</name>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="46"/>
        <source>%1 正在为您服务</source>
        <translation>%1 is helping you</translation>
    </message>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="50"/>
        <source>%1 已接听，正在连接……</source>
        <translation>%1 answered, connecting…</translation>
    </message>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="16"/>
        <source>工作人员</source>
        <translation>The agent</translation>
    </message>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="55"/>
        <source>工作人员能看到本机屏幕。本机不录音、不录像。</source>
        <translation>The agent sees this screen. Nothing is recorded at this kiosk.</translation>
    </message>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="64"/>
        <source>摄像头不可用：工作人员听得到您，也看得到屏幕，但看不到您。</source>
        <translation>The camera is not working: the agent hears you and sees the screen, but cannot see you.</translation>
    </message>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="73"/>
        <source>麦克风不可用：工作人员听不到您，但能看到您和屏幕。</source>
        <translation>The microphone is not working: the agent cannot hear you, but sees you and the screen.</translation>
    </message>
    <message>
        <location filename="../qml/VideoCallBar.qml" line="83"/>
        <source>挂断</source>
        <translation>Hang up</translation>
    </message>
</context>
<context>
    <name>VideoHelpPanel</name>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="26"/>
        <source>现在没有工作人员在线。请稍后再试，或到大厅服务台找工作人员，也可以拨打 12345 政务服务热线。</source>
        <translation>No agent is on duty now. Please try again later, ask the staff at the hall&apos;s service desk, or call the 12345 government service hotline.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="28"/>
        <source>现在不在视频帮办的服务时间，%1 开始服务。您可以到大厅服务台找工作人员，或拨打 12345 政务服务热线。</source>
        <translation>Video help is closed now; it opens at %1. You can ask the staff at the hall&apos;s service desk, or call the 12345 government service hotline.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="30"/>
        <source>网络中断，通话已结束。请再试一次，或到大厅服务台找工作人员。</source>
        <translation>The network dropped and the call has ended. Please try again, or ask the staff at the hall&apos;s service desk.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="32"/>
        <source>暂时没有工作人员接听。请稍后再试，或到大厅服务台找工作人员，也可以拨打 12345 政务服务热线。</source>
        <translation>No agent could answer in time. Please try again later, ask the staff at the hall&apos;s service desk, or call the 12345 government service hotline.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="34"/>
        <source>本机的音视频设备出现问题，无法通话。请到大厅服务台找工作人员，或拨打 12345 政务服务热线。</source>
        <translation>This kiosk&apos;s camera and sound are not working, so a call is not possible. Please ask the staff at the hall&apos;s service desk, or call the 12345 government service hotline.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="36"/>
        <source>视频帮办暂时不可用。请到大厅服务台找工作人员，或拨打 12345 政务服务热线。</source>
        <translation>Video help is not available at the moment. Please ask the staff at the hall&apos;s service desk, or call the 12345 government service hotline.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="42"/>
        <source>正在为您排队……</source>
        <translation>Taking your place in the queue…</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="44"/>
        <source>下一位就是您。</source>
        <translation>You are next.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="46"/>
        <source>您前面还有 1 位。</source>
        <translation>One person is ahead of you.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="47"/>
        <source>您前面还有 %1 位。</source>
        <translation>%1 people are ahead of you.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="67"/>
        <source>视频帮办</source>
        <translation>Video help</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="82"/>
        <source>接通后，本机的摄像头和麦克风会打开：工作人员能看到您、听到您，也能看到本机屏幕上的内容，帮您一步步办理。</source>
        <translation>Once connected, this kiosk&apos;s camera and microphone are on: an agent sees and hears you, and also sees this screen, to guide you step by step.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="89"/>
        <source>本机不录音、不录像，通话内容不在本机保存。</source>
        <translation>Nothing is recorded at this kiosk, and nothing of the call is kept on it.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="97"/>
        <source>不想视频？您也可以到大厅服务台找工作人员，或拨打 12345 政务服务热线。</source>
        <translation>Rather not use video? You can also ask the staff at the hall&apos;s service desk, or call the 12345 government service hotline.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="108"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="115"/>
        <source>同意并呼叫</source>
        <translation>Agree and call</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="129"/>
        <source>正在为您呼叫工作人员，请稍候。您可以继续办理，工作人员接听时会提醒您。</source>
        <translation>Calling an agent for you, please wait. You can carry on meanwhile; you will be told when an agent answers.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="150"/>
        <source>视频通话已结束。</source>
        <translation>The video call has ended.</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="161"/>
        <source>取消呼叫</source>
        <translation>Cancel the call</translation>
    </message>
    <message>
        <location filename="../qml/VideoHelpPanel.qml" line="170"/>
        <source>我知道了</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>ReachBar</name>
    <message>
        <source>低位模式：所有按钮都在屏幕下部</source>
        <translation>Reach mode: every button is in the lower part of the screen</translation>
    </message>
    <message>
        <source>坐轮椅够不到屏幕上方？</source>
        <translation>Cannot reach the top of the screen?</translation>
    </message>
    <message>
        <source>恢复全屏</source>
        <translation>Whole screen</translation>
    </message>
    <message>
        <source>低位模式</source>
        <translation>Reach mode</translation>
    </message>
</context>
<context>
    <name>PostChoiceScreen</name>
    <message>
        <location filename="../qml/PostChoiceScreen.qml" line="1"/>
        <source>请选择领取方式</source>
        <translation>How would you like to receive it?</translation>
    </message>
    <message>
        <location filename="../qml/PostChoiceScreen.qml" line="1"/>
        <source>窗口领取</source>
        <translation>Collect at the counter</translation>
    </message>
    <message>
        <location filename="../qml/PostChoiceScreen.qml" line="1"/>
        <source>办结后凭回执到大厅窗口领取。</source>
        <translation>Once the case is decided, collect it at the hall's counter with your receipt.</translation>
    </message>
    <message>
        <location filename="../qml/PostChoiceScreen.qml" line="1"/>
        <source>免费邮寄</source>
        <translation>Free post</translation>
    </message>
    <message>
        <location filename="../qml/PostChoiceScreen.qml" line="1"/>
        <source>办结后由EMS寄到您指定的地址，邮费由政府承担。寄出后可在办件查询中看到运单号。</source>
        <translation>Once the case is decided, EMS brings it to the address you give; the government pays the postage. Once it is sent, the progress query shows the tracking number.</translation>
    </message>
    <message>
        <location filename="../qml/PostChoiceScreen.qml" line="1"/>
        <source>修改申请</source>
        <translation>Change the application</translation>
    </message>
</context>
<context>
    <name>PostAddressScreen</name>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>请填写此项</source>
        <translation>Please fill this in</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>请输入 11 位手机号码，或带区号的固定电话</source>
        <translation>Enter an 11-digit mobile number, or a landline with its area code</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>请从列表中选择省份</source>
        <translation>Please choose a province from the list</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>该城市不在所选省份内，请重新选择</source>
        <translation>That city is not in the province chosen; please choose again</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>该区县不在所选城市内，请重新选择</source>
        <translation>That district is not in the city chosen; please choose again</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>请选择区县</source>
        <translation>Please choose a district</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>内容过长</source>
        <translation>Too long</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>邮寄地址</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>已按身份证地址填好，请核对。点任一项即可修改。</source>
        <translation>Filled in from your ID card's address; please check it. Tap anything to change it.</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>详细地址</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>点击填写</source>
        <translation>Tap to fill in</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>邮费由政府承担。地址和电话只用于本次邮寄，不会留在本机。</source>
        <translation>The government pays the postage. Your address and phone are used for this delivery only and are not kept on this kiosk.</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/PostAddressScreen.qml" line="1"/>
        <source>确认地址</source>
        <translation>Confirm address</translation>
    </message>
</context>
</TS>
