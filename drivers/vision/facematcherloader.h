#pragma once

#include "vision/facematcher.h"

#include <QPluginLoader>
#include <QString>

// Loads the configured FaceMatcher plugin, if any. An empty path is no matcher (the platform
// verifies); a path that fails to load says why in errorString() and also yields no matcher.
class FaceMatcherLoader
{
public:
    explicit FaceMatcherLoader(const QString &pluginPath);
    ~FaceMatcherLoader();

    [[nodiscard]] FaceMatcher *matcher() const { return m_matcher; }
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    QPluginLoader m_loader;
    FaceMatcher *m_matcher = nullptr;
    QString m_error;
};
