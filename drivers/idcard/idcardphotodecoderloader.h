#pragma once

#include "idcard/idcardphotodecoder.h"

#include <memory>

class QPluginLoader;

// Loads an IdCardPhotoDecoder plugin from a file at run time. An empty path means "no decoder"
// and is not an error; a path that does not load is, and says why.
class IdCardPhotoDecoderLoader
{
public:
    IdCardPhotoDecoderLoader();
    ~IdCardPhotoDecoderLoader();

    [[nodiscard]] bool load(const QString &path, QString *error);
    [[nodiscard]] IdCardPhotoDecoder *decoder() const { return m_decoder; }

private:
    std::unique_ptr<QPluginLoader> m_loader;
    IdCardPhotoDecoder *m_decoder = nullptr;
};
