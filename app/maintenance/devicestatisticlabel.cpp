#include "devicestatisticlabel.h"

#include "bytesize.h"

#include <QString>

namespace {

enum class Unit { Count, Seconds, Bytes };

struct Label {
    const char *key;
    Unit unit;
    const char *zh; // %1 is the value, written in the unit
    const char *en;
};

// Every counter the drivers keep (drivers/*: Device::count and the workers' counted()).
constexpr Label Labels[] = {
    {"seconds_enabled", Unit::Seconds, "累计运行 %1", "in use for %1"},
    {"cards_read", Unit::Count, "读卡 %1 次", "%1 cards read"},
    {"read_failures", Unit::Count, "读卡失败 %1 次", "%1 failed reads"},
    {"sam_resets", Unit::Count, "安全模块复位 %1 次", "%1 SAM resets"},
    {"timeouts", Unit::Count, "应答超时 %1 次", "%1 replies timed out"},
    {"slow_replies", Unit::Count, "应答缓慢 %1 次", "%1 slow replies"},
    {"stale_replies", Unit::Count, "过期应答 %1 次", "%1 stale replies"},
    {"torn_replies", Unit::Count, "残缺应答 %1 次", "%1 torn replies"},
    {"noise_bytes", Unit::Bytes, "线路杂讯 %1", "%1 of line noise"},
    {"scans", Unit::Count, "扫码 %1 次", "%1 codes scanned"},
    {"scans_ignored", Unit::Count, "未受理扫码 %1 次", "%1 scans ignored"},
    {"bad_reports", Unit::Count, "无效报文 %1 个", "%1 bad reports"},
    {"codes", Unit::Count, "识别二维码 %1 次", "%1 codes read"},
    {"faces", Unit::Count, "人脸采集 %1 次", "%1 faces captured"},
    {"pages", Unit::Count, "材料拍摄 %1 页", "%1 pages captured"},
    {"jobs_submitted", Unit::Count, "提交打印 %1 份", "%1 jobs sent"},
    {"jobs_completed", Unit::Count, "打印完成 %1 份", "%1 jobs printed"},
    {"jobs_failed", Unit::Count, "打印失败 %1 份", "%1 jobs failed"},
    {"scans_dropped", Unit::Count, "扫码积压丢弃 %1 次", "%1 scans dropped while the kiosk was behind"},
    {"codes_dropped", Unit::Count, "二维码积压丢弃 %1 次", "%1 codes dropped while the kiosk was behind"},
    {"jobs_dropped", Unit::Count, "打印排队已满拒绝 %1 份", "%1 jobs refused with the queue full"},
    {"worker_restarts", Unit::Count, "工作线程卡死重启 %1 次", "%1 restarts of a stuck worker"},
};

QString duration(qint64 seconds, bool english)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds / 60 % 60;
    if (hours > 0)
        return english ? QStringLiteral("%1 h %2 min").arg(hours).arg(minutes) : QStringLiteral("%1 小时 %2 分").arg(hours).arg(minutes);
    if (minutes > 0)
        return english ? QStringLiteral("%1 min %2 s").arg(minutes).arg(seconds % 60)
                       : QStringLiteral("%1 分 %2 秒").arg(minutes).arg(seconds % 60);
    return english ? QStringLiteral("%1 s").arg(seconds) : QStringLiteral("%1 秒").arg(seconds);
}

} // namespace

QString DeviceStatisticLabel::text(const QString &key, qint64 value, const QString &language)
{
    const bool english = language == QLatin1String("en");
    for (const Label &label : Labels) {
        if (key != QLatin1String(label.key))
            continue;
        const QString amount = label.unit == Unit::Seconds ? duration(value, english)
                               : label.unit == Unit::Bytes ? ByteSize::text(value)
                                                           : QString::number(value);
        return QString::fromUtf8(english ? label.en : label.zh).arg(amount);
    }
    return QStringLiteral("%1 %2").arg(QString(key).replace(QLatin1Char('_'), QLatin1Char(' '))).arg(value);
}
