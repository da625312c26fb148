#include "printfonts.h"

#include <QFontDatabase>
#include <QGuiApplication>

namespace PrintFonts {

namespace {

const QString family = QStringLiteral("Noto Sans CJK SC");
const QString latinFamily = QStringLiteral("DejaVu Sans");

} // namespace

bool ensureAvailable(QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = QStringLiteral("rendering a printed page needs a QGuiApplication (fonts come from the platform plugin)");
        return false;
    }
    if (QFontDatabase::families().contains(family))
        return true;
    for (const char *path : {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"})
        QFontDatabase::addApplicationFont(QString::fromLatin1(path));
    if (QFontDatabase::families().contains(family))
        return true;
    if (error)
        *error = QStringLiteral("the font %1 is missing (install fonts-noto-cjk)").arg(family);
    return false;
}

QFont font(qreal pointSize, bool bold)
{
    // Latin letters and digits come from DejaVu Sans: Qt's PDF text layer (ToUnicode) loses the
    // digits of Noto Sans CJK, so copied or searched text would miss every number.
    QFont f;
    f.setFamilies({latinFamily, family});
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

} // namespace PrintFonts
