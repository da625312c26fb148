#include "vision/facematcherloader.h"

FaceMatcherLoader::FaceMatcherLoader(const QString &pluginPath)
{
    if (pluginPath.isEmpty())
        return;
    m_loader.setFileName(pluginPath);
    QObject *instance = m_loader.instance();
    if (!instance) {
        m_error = m_loader.errorString();
        return;
    }
    m_matcher = qobject_cast<FaceMatcher *>(instance);
    if (!m_matcher)
        m_error = QStringLiteral("%1 is a Qt plugin but not a FaceMatcher (%2)").arg(pluginPath, QLatin1String(FaceMatcher_iid));
}

FaceMatcherLoader::~FaceMatcherLoader()
{
    if (m_loader.isLoaded())
        m_loader.unload();
}
