#pragma once

#include "cataloguerowsmodel.h"

// The catalogue's items as QML sees them: names in the current language, filtered by audience
// (个人 / 法人) and kind (证明打印, 业务申请), or by theme (一件事一次办). It presents; it decides nothing.
class CatalogueItemModel : public CatalogueRowsModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The kiosk shell owns the catalogue models")
    Q_PROPERTY(QString audience READ audience WRITE setAudience NOTIFY audienceChanged)
    Q_PROPERTY(QString themeId READ themeId WRITE setThemeId NOTIFY themeIdChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY kindChanged)

public:
    explicit CatalogueItemModel(const Catalogue *catalogue, QObject *parent = nullptr);

    [[nodiscard]] QString audience() const { return m_audience; }
    void setAudience(const QString &audience);
    [[nodiscard]] QString themeId() const { return m_themeId; }
    void setThemeId(const QString &themeId);
    // Only items of one kind ("print", "apply", "query"), or every kind when empty.
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    // The catalogue behind the model was replaced: build the rows again.
    void reload() { refilter(); }

signals:
    void audienceChanged();
    void themeIdChanged();
    void kindChanged();

private:
    void refilter();

    const Catalogue *m_catalogue;
    QString m_audience = QStringLiteral("person");
    QString m_themeId;
    QString m_kind;
};
