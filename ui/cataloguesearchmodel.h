#pragma once

#include "cataloguesearch.h"
#include "sessionmachine.h"

#include "rowlimit.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <optional>

class KioskRuntime;

// The services matching what a resident types into the home screen's search, in the current
// language, with the roles of CatalogueItemModel so the same cards show them. The query is a
// resident's input: it is cleared with the session.
class CatalogueSearchModel : public QAbstractListModel, public SessionWipeable
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The kiosk shell owns the search")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // How many of `count` are not shown yet; showMore() shows another page of them.
    Q_PROPERTY(int hiddenCount READ hiddenCount NOTIFY countChanged)

public:
    explicit CatalogueSearchModel(KioskRuntime *runtime, QObject *parent = nullptr);
    ~CatalogueSearchModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int hiddenCount() const { return m_limit.hidden(m_rows.size()); }
    Q_INVOKABLE void showMore();
    void setLanguage(const QString &language);

    void wipeSessionData() override;

signals:
    void queryChanged();
    void countChanged();

private:
    void research();

    KioskRuntime *m_runtime;
    // Built on the first query, from the readings table prepared in the background at start.
    std::optional<CatalogueSearch> m_search;
    QList<const CatalogueItem *> m_rows;
    RowLimit m_limit{20};
    QString m_query;
    QString m_language = QStringLiteral("zh");
};
