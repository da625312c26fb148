#include "idcard/idcardphotodecoder.h"

#include <QObject>
#include <QtEndian>

// A stand-in for a vendor's licensed WLT decoder: it makes a 102×126 24-bit BMP whose grey
// levels come from the WLT bytes, so a test can tell that the plugin ran on this card's photo.
class FakePhotoDecoder : public QObject, public IdCardPhotoDecoder
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IdCardPhotoDecoder_iid)
    Q_INTERFACES(IdCardPhotoDecoder)

public:
    QByteArray decode(const QByteArray &wlt, QString *error) override
    {
        if (wlt.size() != 1024) {
            *error = QStringLiteral("a WLT photo is 1024 bytes");
            return {};
        }
        constexpr int Width = 102;
        constexpr int Height = 126;
        constexpr int Stride = (Width * 3 + 3) & ~3;
        QByteArray bmp(54 + Stride * Height, '\0');
        auto put32 = [&bmp](int offset, quint32 value) { qToLittleEndian(value, bmp.data() + offset); };
        bmp[0] = 'B';
        bmp[1] = 'M';
        put32(2, quint32(bmp.size()));
        put32(10, 54);
        put32(14, 40);
        put32(18, Width);
        put32(22, Height);
        qToLittleEndian<quint16>(1, bmp.data() + 26);
        qToLittleEndian<quint16>(24, bmp.data() + 28);
        put32(34, quint32(Stride * Height));
        for (int y = 0; y < Height; ++y) {
            for (int x = 0; x < Width; ++x) {
                const char grey = wlt.at((y * Width + x) % wlt.size());
                for (int c = 0; c < 3; ++c)
                    bmp[54 + y * Stride + x * 3 + c] = grey;
            }
        }
        return bmp;
    }
};

#include "fakephotodecoder.moc"
