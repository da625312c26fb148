#pragma once

#include <QPointer>
#include <QString>
#include <QTranslator>

class KioskConfig;
class QQmlEngine;

// The language the screens speak ("zh" or "en") and the hall's own words in it: the English
// translation installed or removed, QML retranslated in place.
class KioskLanguage
{
public:
    explicit KioskLanguage(const KioskConfig &config);
    ~KioskLanguage();
    KioskLanguage(const KioskLanguage &) = delete;
    KioskLanguage &operator=(const KioskLanguage &) = delete;

    [[nodiscard]] QString current() const { return m_language; }
    // False for a language the kiosk does not speak; true (and nothing done) for the current one.
    bool set(const QString &language);
    // The engine whose screens re-render when the language changes.
    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    // A text of the hall's configuration in the resident's language: `key`, or `key`_en in
    // English when the hall gives one.
    [[nodiscard]] QString hallText(const QString &key) const;

private:
    const KioskConfig &m_config;
    QPointer<QQmlEngine> m_engine;
    QTranslator m_english;
    QString m_language = QStringLiteral("zh");
};
