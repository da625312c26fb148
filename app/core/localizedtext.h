#pragma once

#include <QJsonObject>
#include <QString>

// A text the platform gives in Chinese and English ({"zh": …, "en": …}). Chinese is the source
// language: an English text that is missing falls back to it rather than to nothing.
struct LocalizedText {
    QString zh;
    QString en;

    [[nodiscard]] QString in(const QString &language) const
    {
        return (language == QLatin1String("en") && !en.isEmpty()) ? en : zh;
    }
    [[nodiscard]] bool isEmpty() const { return zh.isEmpty(); }

    static LocalizedText fromJson(const QJsonObject &object)
    {
        return {object.value(QLatin1String("zh")).toString(), object.value(QLatin1String("en")).toString()};
    }
};
