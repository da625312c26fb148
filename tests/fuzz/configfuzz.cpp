#include "configschema.h"
#include "fuzzrequire.h"
#include "kioskconfig.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

// The configuration file as a technician (or a broken disk) may leave it, read through
// KioskConfig::load like the kiosk does at start. Every input goes to the same file, stamped with
// a modification time of its own: QSettings keeps what it parsed of each file it read and parses
// the file again only when its size or time changed, so the unique time keeps its cache from
// answering for an earlier input. (A file of its own name per input, as before, left one more
// parsed file in that cache after every input: libFuzzer took each input for a possible leak and
// ran it again and then a leak scan of the whole heap, which made the target about a hundred
// times slower, with nothing found.) Promises:
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
    static const QString path = scratchDirectory() + QStringLiteral("/kiosk.ini");
    static qint64 serial = 0;
    {
        QFile file(path);
        FUZZ_REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_REQUIRE(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
        FUZZ_REQUIRE(file.flush());
        // Whole seconds from 2001 on, one an input: a time no earlier input's file had.
        FUZZ_REQUIRE(file.setFileTime(QDateTime::fromSecsSinceEpoch(978307200 + ++serial, Qt::UTC), QFileDevice::FileModificationTime));
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
