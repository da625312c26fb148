#pragma once

#include "pinyinengine.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

// The pinyin engine as the on-screen keyboard sees it: the word being typed, one page of
// candidates and paging. It holds nothing but that word, and forgets it on clear().
class PinyinInput : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool composing READ composing NOTIFY changed)
    Q_PROPERTY(QString composition READ composition NOTIFY changed)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY changed)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY changed)
    Q_PROPERTY(bool hasPreviousPage READ hasPreviousPage NOTIFY changed)
    Q_PROPERTY(bool hasNextPage READ hasNextPage NOTIFY changed)

public:
    explicit PinyinInput(QObject *parent = nullptr);

    [[nodiscard]] bool available() const { return m_available; }
    [[nodiscard]] bool composing() const { return m_engine.isComposing(); }
    [[nodiscard]] QString composition() const { return m_engine.composition(); }
    [[nodiscard]] QStringList candidates() const { return m_page; }
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    [[nodiscard]] bool hasPreviousPage() const { return m_first > 0; }
    [[nodiscard]] bool hasNextPage() const { return m_first + m_pageSize < m_engine.candidateCount(); }

    // A letter key; false when the engine did not take it.
    Q_INVOKABLE bool type(const QString &letter);
    // False when nothing is being typed: the keyboard then deletes from its text.
    Q_INVOKABLE bool backspace();
    // Chooses a candidate of the shown page; returns the finished text, or "" while letters remain.
    Q_INVOKABLE QString choose(int indexOnPage);
    Q_INVOKABLE void nextPage();
    Q_INVOKABLE void previousPage();
    Q_INVOKABLE void clear();

signals:
    void changed();

private:
    void showPage(int first);

    PinyinEngine m_engine;
    bool m_available = false;
    int m_pageSize = 6;
    int m_first = 0;
    QStringList m_page;
};
