#pragma once

#include "cataloguerowsmodel.h"
#include "cataloguesearch.h"
#include "cataloguesearchindex.h"
#include "sessionmachine.h"

#include <memory>
#include <optional>

class KioskRuntime;

// The services matching what a resident types into the home screen's search, in the current
// language, with the roles of CatalogueItemModel so the same cards show them. The query is a
// resident's input: it is cleared with the session.
class CatalogueSearchModel : public CatalogueRowsModel, public SessionWipeable
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The kiosk shell owns the search")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)

public:
    explicit CatalogueSearchModel(KioskRuntime *runtime, QObject *parent = nullptr);
    ~CatalogueSearchModel() override;

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);

    void wipeSessionData() override;

signals:
    void queryChanged();

private:
    void research();
    // The catalogue was replaced: the index pointed into the old one.
    void reindex();

    KioskRuntime *m_runtime;
    // Built on the first query, from the readings table prepared in the background at start.
    std::optional<CatalogueSearch> m_search;
    // Built with the search, over the catalogue of the time.
    std::optional<CatalogueSearchIndex> m_index;
    // What the query found, counted and checked only as far as shown; it points into m_index.
    std::shared_ptr<CatalogueSearchHits> m_hits;
    QString m_query;
};
