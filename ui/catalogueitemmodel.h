#pragma once

#include "catalogue.h"

#include "rowlimit.h"

#include <QAbstractListModel>
#include <QQmlEngine>

// The catalogue's items as QML sees them: names in the current language, filtered by audience
// (个人 / 法人) and kind (证明打印, 业务申请), or by theme (一件事一次办). It presents; it decides nothing.
class CatalogueItemModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The kiosk shell owns the catalogue models")
    Q_PROPERTY(QString audience READ audience WRITE setAudience NOTIFY audienceChanged)
    Q_PROPERTY(QString themeId READ themeId WRITE setThemeId NOTIFY themeIdChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY kindChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // How many of `count` are not shown yet; showMore() shows another page of them.
    Q_PROPERTY(int hiddenCount READ hiddenCount NOTIFY countChanged)

public:
    explicit CatalogueItemModel(const Catalogue *catalogue, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString audience() const { return m_audience; }
    void setAudience(const QString &audience);
    [[nodiscard]] QString themeId() const { return m_themeId; }
    void setThemeId(const QString &themeId);
    // Only items of one kind ("print", "apply", "query"), or every kind when empty.
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int hiddenCount() const { return m_limit.hidden(m_rows.size()); }
    Q_INVOKABLE void showMore();

    void setLanguage(const QString &language);
    // The catalogue behind the model was replaced: build the rows again.
    void reload() { refilter(); }

signals:
    void audienceChanged();
    void themeIdChanged();
    void kindChanged();
    void countChanged();

private:
    void refilter();

    const Catalogue *m_catalogue;
    QList<const CatalogueItem *> m_rows;
    RowLimit m_limit{24};
    QString m_audience = QStringLiteral("person");
    QString m_themeId;
    QString m_kind;
    QString m_language = QStringLiteral("zh");
};
