#include "idcard/idcardphotodecoderloader.h"

#include <QPluginLoader>

IdCardPhotoDecoderLoader::IdCardPhotoDecoderLoader() = default;

IdCardPhotoDecoderLoader::~IdCardPhotoDecoderLoader()
{
    m_decoder = nullptr;
    if (m_loader)
        m_loader->unload();
}

bool IdCardPhotoDecoderLoader::load(const QString &path, QString *error)
{
    m_decoder = nullptr;
    if (path.isEmpty())
        return true;
    m_loader = std::make_unique<QPluginLoader>(path);
    QObject *instance = m_loader->instance();
    if (!instance) {
        if (error)
            *error = m_loader->errorString();
        return false;
    }
    m_decoder = qobject_cast<IdCardPhotoDecoder *>(instance);
    if (!m_decoder) {
        if (error)
            *error = QStringLiteral("%1 is a Qt plugin but not an %2").arg(path, QLatin1String(IdCardPhotoDecoder_iid));
        return false;
    }
    return true;
}
