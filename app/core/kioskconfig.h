#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <chrono>
#include <optional>

// The kiosk's one configuration file (INI), loaded and validated against ConfigSchema at start,
// then its overlay: the few settings the touch screen changes (the first PIN, the hall), kept in
// STATE_DIR/config/overlay.ini because the unit makes /etc read-only to the kiosk.
// A loaded KioskConfig holds a valid value for every key in the schema; a file that fails
// validation yields errors that name the key and the reason, and no config at all.
// Production is the default; simulated devices, a plain-HTTP platform and the demo panel need
// `[kiosk] mode=demo` said in the file.
enum class KioskMode { Production, Demo };

struct ConfigError {
    QString key;    // "section/name", or empty for a problem with the file itself
    QString reason; // a sentence for the technician
    [[nodiscard]] QString toString() const;
};

class KioskConfig
{
public:
    // The file the kiosk and kioskctl read when no --config is given.
    static QString defaultPath();

    // A config made of the schema's defaults: simulated devices and the reference platform on
    // loopback, in production mode until told otherwise (set kiosk/mode to demo).
    static KioskConfig defaults();
    // The built-in demo configuration the kiosk and kioskctl run when no file is given and none is
    // at the default path: the defaults, in demo mode. The unit always names its file.
    static KioskConfig builtInDemo();

    // Reads and validates `path`. On failure `errors` lists every problem found, not just the
    // first, so a technician fixes the file in one pass.
    [[nodiscard]] static std::optional<KioskConfig> load(const QString &path, QList<ConfigError> *errors);

    // The complete commented example, every key. Production: the file the package ships, with
    // real device drivers and an https platform for the technician to adapt. Demo: the schema's
    // defaults with mode=demo, which runs the demo as it is.
    [[nodiscard]] static QString exampleText(KioskMode mode = KioskMode::Production);

    [[nodiscard]] KioskMode mode() const;
    // What this configuration uses that only demo mode allows, one phrase each
    // ("devices/id_card_reader is simulated", "platform/url is plain http"); empty when none.
    [[nodiscard]] QStringList demoOnlySettings() const;

    // Whether `key` has a value: every schema key does; runtime keys only once set.
    [[nodiscard]] bool has(const QString &key) const { return m_values.contains(key); }
    [[nodiscard]] QString string(const QString &key) const;
    [[nodiscard]] qint64 integer(const QString &key) const;
    [[nodiscard]] bool boolean(const QString &key) const;
    [[nodiscard]] std::chrono::seconds seconds(const QString &key) const;

    [[nodiscard]] QString sourcePath() const { return m_sourcePath; }

    // Where the touch screen's settings go: under the state directory, which the kiosk may write.
    [[nodiscard]] QString overlayPath() const;
    [[nodiscard]] static QString overlayPathIn(const QString &stateDir);
    // The only keys an overlay may hold; any other is an error naming the file it belongs in.
    [[nodiscard]] static const QStringList &overlayKeys();

    // Changes one value after loading (tests, and command-line switches such as --windowed).
    void set(const QString &key, const QVariant &value);

private:
    // Validates every key of the INI file `path` into this config; `allowed`, when not empty, is
    // the only keys the file may hold.
    void readValues(const QString &path, const QStringList &allowed, QList<ConfigError> *found);

    QHash<QString, QVariant> m_values;
    QString m_sourcePath;
};
