#pragma once

#include <QtGlobal>

#include <algorithm>

// How many of a list's rows a screen shows: a page at first, one more page each time the resident
// asks for more. A county hall's catalogue has thousands of items; building a card for each
// before the home screen can show took seconds and a hundred megabytes, and nobody scrolls past
// the first few dozen (search and the kinds find the rest).
class RowLimit
{
public:
    explicit RowLimit(int page)
        : m_page(page)
        , m_limit(page)
    {
    }

    [[nodiscard]] int shown(qsizetype total) const { return int(std::min<qsizetype>(total, m_limit)); }
    [[nodiscard]] int hidden(qsizetype total) const { return int(total) - shown(total); }
    void reset() { m_limit = m_page; }
    void grow() { m_limit += m_page; }

private:
    int m_page;
    int m_limit;
};
