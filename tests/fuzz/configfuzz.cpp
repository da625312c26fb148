#include "configschema.h"
#include "fuzzrequire.h"
#include "kioskconfig.h"

#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

// The configuration file as a technician (or a broken disk) may leave it, read through
// KioskConfig::load like the kiosk does at start. Each input goes to a file of its own name, so
// QSettings' cache of parsed files can never answer for an earlier input. Promises:
//   - a file is refused with at least one error, each with a reason, or accepted with none;
//   - an accepted configuration holds a valid value for every key of the schema: integers
//     within their bounds, choices among their choices, required keys set, every session
//     timeout longer than the warning;
//   - reading the same file again gives the same values.
namespace {

char g_scratch[4096]; // plain bytes, so the clean-up at exit never meets a destroyed QString

const QString &scratchDirectory()
{
    static const QString path = [] {
        const QByteArray pattern = QDir::tempPath().toLocal8Bit() + "/kiosk-fuzz-config-XXXXXX";
        FUZZ_REQUIRE(pattern.size() < qsizetype(sizeof g_scratch));
        std::memcpy(g_scratch, pattern.constData(), size_t(pattern.size()) + 1);
        FUZZ_REQUIRE(mkdtemp(g_scratch) != nullptr);
        // Each input's file is removed after it; the folder goes when the run ends.
        std::atexit([] { QDir(QString::fromLocal8Bit(g_scratch)).removeRecursively(); });
        return QString::fromLocal8Bit(g_scratch);
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static quint64 serial = 0;
    const QString path = scratchDirectory() + QStringLiteral("/kiosk-%1.ini").arg(++serial);
    {
        QFile file(path);
        FUZZ_REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QList<ConfigError> errors;
    const std::optional<KioskConfig> config = KioskConfig::load(path, &errors);
    if (!config) {
        FUZZ_REQUIRE(!errors.isEmpty());
        for (const ConfigError &error : errors)
            FUZZ_REQUIRE(!error.reason.isEmpty() && !error.toString().isEmpty());
        QFile::remove(path);
        return 0;
    }
    FUZZ_REQUIRE(errors.isEmpty());
    const qint64 warning = config->integer(QStringLiteral("session/warning_s"));
    for (const ConfigKey &key : ConfigSchema::keys()) {
        const QString value = config->string(key.key);
        if (key.required)
            FUZZ_REQUIRE(!value.isEmpty());
        if (key.type == ConfigType::Integer)
            FUZZ_REQUIRE(config->integer(key.key) >= key.minimum && config->integer(key.key) <= key.maximum);
        if (key.type == ConfigType::Choice)
            FUZZ_REQUIRE(key.choices.contains(value));
        if (key.key.startsWith(QLatin1String("session/timeout_")))
            FUZZ_REQUIRE(config->integer(key.key) > warning);
    }

    QList<ConfigError> againErrors;
    const std::optional<KioskConfig> again = KioskConfig::load(path, &againErrors);
    FUZZ_REQUIRE(again.has_value());
    for (const ConfigKey &key : ConfigSchema::keys())
        FUZZ_REQUIRE(again->string(key.key) == config->string(key.key));
    QFile::remove(path);
    return 0;
}
