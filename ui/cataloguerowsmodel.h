#pragma once

#include "catalogue.h"

#include "rowlimit.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <functional>

// Catalogue items as the home screen's cards and the search's results show them: names in the
// current language, a page at a time (RowLimit). The two models differ only in which items they
// list; this holds what they share.
class CatalogueRowsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // How many of `count` are not shown yet; showMore() shows another page of them.
    Q_PROPERTY(int hiddenCount READ hiddenCount NOTIFY countChanged)

public:
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_total); }
    [[nodiscard]] int hiddenCount() const { return m_limit.hidden(m_total); }
    Q_INVOKABLE void showMore();
    void setLanguage(const QString &language);

signals:
    void countChanged();

protected:
    CatalogueRowsModel(int page, QObject *parent);

    // Up to `count` of the listed items from the `from`th on, asked for only when shown.
    using RowSource = std::function<QList<const CatalogueItem *>(qsizetype from, qsizetype count)>;

    // Lists these items (pointing into the catalogue), from the first page again.
    void setRows(QList<const CatalogueItem *> rows);
    // Lists `total` items that `source` gives a page at a time, from the first page again: a
    // search over thousands of items finds hundreds, and the screen shows twenty.
    void setRows(qsizetype total, RowSource source);

private:
    // Fetches the rows a limit of `limit` shows and not fetched yet.
    void fetchUpTo(const RowLimit &limit);

    QList<const CatalogueItem *> m_rows; // the first rows, at least those shown
    qsizetype m_total = 0;
    RowSource m_source;
    RowLimit m_limit;
    QString m_language = QStringLiteral("zh");
};
