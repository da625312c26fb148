#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <chrono>
#include <optional>

// The kiosk's one configuration file (INI), loaded and validated against ConfigSchema at start.
// A loaded KioskConfig holds a valid value for every key in the schema; a file that fails
// validation yields errors that name the key and the reason, and no config at all.
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

    // A config made of the schema's defaults: the demo configuration.
    static KioskConfig defaults();

    // Reads and validates `path`. On failure `errors` lists every problem found, not just the
    // first, so a technician fixes the file in one pass.
    [[nodiscard]] static std::optional<KioskConfig> load(const QString &path, QList<ConfigError> *errors);

    // The complete commented example, every key with its default: it runs the demo as it is.
    [[nodiscard]] static QString exampleText();

    [[nodiscard]] QString string(const QString &key) const;
    [[nodiscard]] qint64 integer(const QString &key) const;
    [[nodiscard]] bool boolean(const QString &key) const;
    [[nodiscard]] std::chrono::seconds seconds(const QString &key) const;

    [[nodiscard]] QString sourcePath() const { return m_sourcePath; }

    // Changes one value after loading (tests, and command-line switches such as --windowed).
    void set(const QString &key, const QVariant &value);

private:
    QHash<QString, QVariant> m_values;
    QString m_sourcePath;
};
