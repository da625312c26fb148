#include "kioskconfig.h"

#include "configschema.h"
#include "halltime.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTextStream>
#include <QUrl>

namespace {

// QSettings splits unquoted values at commas; a hall name may well contain one, and a device
// spec's options follow its address after commas (serial:/dev/ttyACM0,line_end_ms=60), where
// the text must come back as it was written.
QString settingAsString(const QVariant &value, ConfigType type)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(type == ConfigType::DeviceSpec ? QStringLiteral(",") : QStringLiteral(", "));
    return value.toString().trimmed();
}

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("::1") || host.startsWith(QLatin1String("127."));
}

// Validates one raw value against its key; returns the typed value or sets `reason`.
QVariant validate(const ConfigKey &key, const QString &raw, QString *reason)
{
    switch (key.type) {
    case ConfigType::String:
        return raw;
    case ConfigType::Integer: {
        bool ok = false;
        const qint64 n = raw.toLongLong(&ok);
        if (!ok) {
            *reason = QStringLiteral("'%1' is not a whole number").arg(raw);
            return {};
        }
        if (n < key.minimum || n > key.maximum) {
            *reason = QStringLiteral("%1 is outside %2..%3").arg(n).arg(key.minimum).arg(key.maximum);
            return {};
        }
        return n;
    }
    case ConfigType::Boolean: {
        const QString v = raw.toLower();
        if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
            return true;
        if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
            return false;
        *reason = QStringLiteral("'%1' is not true or false").arg(raw);
        return {};
    }
    case ConfigType::Choice:
        if (!key.choices.contains(raw)) {
            *reason = QStringLiteral("'%1' is not one of %2").arg(raw, key.choices.join(QStringLiteral(", ")));
            return {};
        }
        return raw;
    case ConfigType::Path:
        if (!raw.isEmpty() && !QFileInfo(raw).isAbsolute()) {
            *reason = QStringLiteral("'%1' is not an absolute path").arg(raw);
            return {};
        }
        return raw;
    case ConfigType::Url: {
        const QUrl url(raw, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            *reason = QStringLiteral("'%1' is not a URL with a host").arg(raw);
            return {};
        }
        if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host())) {
            *reason = QStringLiteral("plain http is allowed only towards loopback; use https for %1").arg(url.host());
            return {};
        }
        if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
            *reason = QStringLiteral("'%1' is neither http nor https").arg(url.scheme());
            return {};
        }
        return raw;
    }
    case ConfigType::TimeZone:
        if (!HallTime::isKnownZone(raw)) {
            *reason = QStringLiteral("'%1' is not a time zone this machine knows (an IANA name such as Asia/Shanghai)").arg(raw);
            return {};
        }
        return raw;
    case ConfigType::DeviceSpec: {
        static const QRegularExpression spec(QStringLiteral(
            "^(none|simulated(:[A-Za-z0-9_-]+)?|serial:/\\S+(@\\d+)?|usb:[0-9a-fA-F]{4}:[0-9a-fA-F]{4}(\\S*)?|"
            "hidpos:[0-9a-fA-F]{4}:[0-9a-fA-F]{4}(,\\S+)?|evdev:/\\S+|v4l2:(/\\S+|\\d+)|file:/\\S+|cups:\\S+|ipps?://\\S+)$"));
        if (!spec.match(raw).hasMatch()) {
            *reason = QStringLiteral("'%1' is not a device: use none, simulated, serial:PATH, usb:VID:PID, hidpos:VID:PID, "
                                     "evdev:PATH, v4l2:PATH, file:PATH, cups:QUEUE or ipp://…").arg(raw);
            return {};
        }
        return raw;
    }
    }
    return {};
}

QString renderDefault(const ConfigKey &key)
{
    if (key.type == ConfigType::Boolean)
        return key.defaultValue.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return key.defaultValue.toString();
}

} // namespace

QString ConfigError::toString() const
{
    if (key.isEmpty())
        return reason;
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return QStringLiteral("[%1] %2: %3").arg(key.left(slash), key.mid(slash + 1), reason);
}

QString KioskConfig::defaultPath()
{
    return QStringLiteral("/etc/kiosk/kiosk.ini");
}

KioskConfig KioskConfig::defaults()
{
    KioskConfig config;
    for (const ConfigKey &key : ConfigSchema::keys())
        config.m_values.insert(key.key, key.defaultValue);
    return config;
}

KioskConfig KioskConfig::builtInDemo()
{
    KioskConfig config = defaults();
    config.set(QStringLiteral("kiosk/mode"), QStringLiteral("demo"));
    return config;
}

std::optional<KioskConfig> KioskConfig::load(const QString &path, QList<ConfigError> *errors)
{
    QList<ConfigError> found;
    const QFileInfo info(path);
    if (!info.exists()) {
        found.append({QString(), QStringLiteral("%1: no such file").arg(path)});
    } else if (!info.isReadable()) {
        found.append({QString(), QStringLiteral("%1: not readable by this user").arg(path)});
    }
    if (!found.isEmpty()) {
        if (errors)
            *errors = found;
        return std::nullopt;
    }

    KioskConfig config = defaults();
    config.m_sourcePath = QFileInfo(path).absoluteFilePath();
    config.readValues(path, {}, &found);

    // The overlay is read after the file and wins for the few keys it may hold; the state
    // directory it lives in comes from the file alone.
    const QString overlay = config.overlayPath();
    const QFileInfo overlayInfo(overlay);
    if (overlayInfo.exists() && !overlayInfo.isReadable())
        found.append({QString(), QStringLiteral("%1: not readable by this user").arg(overlay)});
    else if (overlayInfo.exists())
        config.readValues(overlay, overlayKeys(), &found);

    for (const ConfigKey &key : ConfigSchema::keys()) {
        if (key.required && config.string(key.key).isEmpty())
            found.append({key.key, QStringLiteral("must be set")});
    }

    // The kiosk trusts only the CA its configuration names (reference/platform-api.md, Transport):
    // an https platform without one would leave it nothing to trust, not the system store.
    const QUrl platform(config.string(QStringLiteral("platform/url")));
    if (platform.scheme() == QLatin1String("https") && config.string(QStringLiteral("platform/ca_file")).isEmpty()) {
        found.append({QStringLiteral("platform/ca_file"),
                      QStringLiteral("must name the CA bundle (PEM) that signs %1's certificate: with an https url the "
                                     "kiosk trusts only that CA, never the system store")
                          .arg(platform.host())});
    }

    const qint64 warning = config.integer(QStringLiteral("session/warning_s"));
    for (const ConfigKey &key : ConfigSchema::keys()) {
        if (key.key.startsWith(QLatin1String("session/timeout_")) && config.integer(key.key) <= warning) {
            found.append({key.key, QStringLiteral("must be longer than session/warning_s (%1 s), or the countdown "
                                                  "would start before the resident could act").arg(warning)});
        }
    }

    if (errors)
        *errors = found;
    if (!found.isEmpty())
        return std::nullopt;
    return config;
}

void KioskConfig::readValues(const QString &path, const QStringList &allowed, QList<ConfigError> *found)
{
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        found->append({QString(), QStringLiteral("%1: not a valid INI file").arg(path)});

    const QStringList present = settings.allKeys();
    for (const QString &name : present) {
        const ConfigKey *key = ConfigSchema::find(name);
        if (!key) {
            const QString hint = name.contains(QLatin1Char('/')) ? QStringLiteral("unknown key (see `kioskctl config example`)")
                                                                 : QStringLiteral("key outside any [section]");
            found->append({name.contains(QLatin1Char('/')) ? name : QStringLiteral("general/") + name, hint});
            continue;
        }
        if (!allowed.isEmpty() && !allowed.contains(name)) {
            found->append({name, QStringLiteral("may not be set in %1, which holds only what the touch screen changes (%2); "
                                                "it belongs in the configuration file")
                                     .arg(path, allowed.join(QStringLiteral(", ")))});
            continue;
        }
        QString reason;
        const QString raw = settingAsString(settings.value(name), key->type);
        if (raw.isEmpty() && key->type != ConfigType::String && key->type != ConfigType::Path) {
            found->append({name, QStringLiteral("is empty")});
            continue;
        }
        const QVariant value = validate(*key, raw, &reason);
        if (!reason.isEmpty()) {
            found->append({name, reason});
            continue;
        }
        m_values.insert(name, value);
    }
}

QString KioskConfig::overlayPath() const
{
    return overlayPathIn(string(QStringLiteral("kiosk/state_dir")));
}

QString KioskConfig::overlayPathIn(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("config/overlay.ini"));
}

const QStringList &KioskConfig::overlayKeys()
{
    static const QStringList keys = {QStringLiteral("kiosk/hall_name"), QStringLiteral("kiosk/hall_name_en"), QStringLiteral("kiosk/site"),
                                     QStringLiteral("admin/pin_hash")};
    return keys;
}

QString KioskConfig::exampleText(KioskMode mode)
{
    // The package's file: what a hall's terminal has, for the technician to adapt. Each value is
    // a form the loader accepts, so the file passes `kioskctl config check` as shipped.
    static const QHash<QString, QString> production = {
        {QStringLiteral("kiosk/mode"), QStringLiteral("production")},
        {QStringLiteral("platform/url"), QStringLiteral("https://platform.example.gov.cn/terminal/v1")},
        {QStringLiteral("platform/ca_file"), QStringLiteral("/etc/kiosk/platform-ca.pem")},
        {QStringLiteral("devices/id_card_reader"), QStringLiteral("serial:/dev/ttyUSB0@115200")},
        {QStringLiteral("devices/barcode_scanner"), QStringLiteral("serial:/dev/ttyACM0@9600")},
        {QStringLiteral("devices/face_camera"), QStringLiteral("v4l2:/dev/video0")},
        {QStringLiteral("devices/document_camera"), QStringLiteral("v4l2:/dev/video2")},
        {QStringLiteral("devices/receipt_printer"), QStringLiteral("cups:receipt")},
        {QStringLiteral("devices/document_printer"), QStringLiteral("cups:a4")},
    };
    const bool demo = mode == KioskMode::Demo;
    QString out;
    QTextStream s(&out);
    s << "# The kiosk's configuration: /etc/kiosk/kiosk.ini unless --config names another file.\n"
         "# Every key is optional unless marked required; an absent key takes its default.\n";
    if (demo)
        s << "# The demo: simulated devices and the reference platform on loopback, which mode demo allows.\n";
    else
        s << "# A production terminal: set the hall, the platform's URL and CA, and each device to what\n"
             "# this machine has (`kioskctl config example --demo` prints the demo's file instead).\n";
    s << "# Check a file with `kioskctl config check FILE` before restarting the kiosk.\n";
    for (const auto &[section, about] : ConfigSchema::sections()) {
        s << "\n# " << about << "\n[" << section << "]\n";
        for (const ConfigKey &key : ConfigSchema::keys()) {
            if (!key.key.startsWith(section + QLatin1Char('/')))
                continue;
            s << "\n# " << key.doc;
            if (key.type == ConfigType::Integer)
                s << " (" << key.minimum << ".." << key.maximum << ")";
            if (key.type == ConfigType::Choice)
                s << " (" << key.choices.join(QStringLiteral(" | ")) << ")";
            if (key.required)
                s << " Required.";
            const QString value = key.key == QLatin1String("kiosk/mode") && demo ? QStringLiteral("demo")
                                  : !demo && production.contains(key.key)        ? production.value(key.key)
                                                                                 : renderDefault(key);
            s << "\n" << key.key.mid(section.size() + 1) << "=" << value << "\n";
        }
    }
    return out;
}

KioskMode KioskConfig::mode() const
{
    return string(QStringLiteral("kiosk/mode")) == QLatin1String("demo") ? KioskMode::Demo : KioskMode::Production;
}

QStringList KioskConfig::demoOnlySettings() const
{
    QStringList found;
    for (const ConfigKey &key : ConfigSchema::keys()) {
        if (key.type == ConfigType::DeviceSpec && string(key.key).startsWith(QLatin1String("simulated")))
            found << QStringLiteral("%1 is simulated").arg(key.key);
    }
    if (QUrl(string(QStringLiteral("platform/url"))).scheme() == QLatin1String("http"))
        found << QStringLiteral("platform/url is plain http");
    return found;
}

QString KioskConfig::string(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "KioskConfig::string", qPrintable(key));
    return m_values.value(key).toString();
}

qint64 KioskConfig::integer(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "KioskConfig::integer", qPrintable(key));
    return m_values.value(key).toLongLong();
}

bool KioskConfig::boolean(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "KioskConfig::boolean", qPrintable(key));
    return m_values.value(key).toBool();
}

std::chrono::seconds KioskConfig::seconds(const QString &key) const
{
    return std::chrono::seconds(integer(key));
}

void KioskConfig::set(const QString &key, const QVariant &value)
{
    m_values.insert(key, value);
}
