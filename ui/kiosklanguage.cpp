#include "kiosklanguage.h"

#include "kioskconfig.h"
#include "uilog.h"

#include <QCoreApplication>
#include <QQmlEngine>

KioskLanguage::KioskLanguage(const KioskConfig &config)
    : m_config(config)
{
    if (!m_english.load(QStringLiteral(":/i18n/kiosk_en.qm")))
        qCWarning(lcUi) << "the English translation is missing from this build";
}

KioskLanguage::~KioskLanguage()
{
    QCoreApplication::removeTranslator(&m_english);
}

bool KioskLanguage::set(const QString &language)
{
    if (language != QLatin1String("zh") && language != QLatin1String("en"))
        return false;
    if (language == m_language)
        return true;
    QCoreApplication::removeTranslator(&m_english);
    if (language == QLatin1String("en"))
        QCoreApplication::installTranslator(&m_english);
    m_language = language;
    if (m_engine)
        m_engine->retranslate();
    qCInfo(lcUi) << "language" << language;
    return true;
}

QString KioskLanguage::hallText(const QString &key) const
{
    // The hall writes its own words in Chinese, and may give them in English too (key_en).
    const QString english = m_config.string(key + QStringLiteral("_en"));
    return (m_language == QLatin1String("en") && !english.isEmpty()) ? english : m_config.string(key);
}
