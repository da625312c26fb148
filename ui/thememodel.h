#pragma once

#include "catalogue.h"

#include <QAbstractListModel>
#include <QQmlEngine>

// The catalogue's themes (一件事一次办 bundles) as QML sees them, in the current language.
class ThemeModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The kiosk shell owns the catalogue models")

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, ItemCountRole, ItemNamesRole };

    explicit ThemeModel(const Catalogue *catalogue, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setLanguage(const QString &language);
    // The catalogue behind the model was replaced.
    void reload()
    {
        beginResetModel();
        endResetModel();
    }

private:
    const Catalogue *m_catalogue;
    QString m_language = QStringLiteral("zh");
};
