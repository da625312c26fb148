#include "pinyininput.h"

#include "uilog.h"

PinyinInput::PinyinInput(QObject *parent)
    : QObject(parent)
{
    QString error;
    m_available = PinyinEngine::isAvailable(&error);
    if (!m_available)
        qCWarning(lcUi) << "pinyin input is off:" << error;
}

void PinyinInput::setPageSize(int size)
{
    if (size < 1 || size == m_pageSize)
        return;
    m_pageSize = size;
    showPage(0);
}

bool PinyinInput::type(const QString &letter)
{
    if (letter.size() != 1 || !m_engine.typeLetter(letter.at(0)))
        return false;
    showPage(0);
    return true;
}

bool PinyinInput::backspace()
{
    if (!m_engine.backspace())
        return false;
    showPage(0);
    return true;
}

QString PinyinInput::choose(int indexOnPage)
{
    if (indexOnPage < 0 || indexOnPage >= m_page.size())
        return {};
    const QString finished = m_engine.choose(m_first + indexOnPage);
    showPage(0);
    return finished;
}

void PinyinInput::nextPage()
{
    if (hasNextPage())
        showPage(m_first + m_pageSize);
}

void PinyinInput::previousPage()
{
    if (hasPreviousPage())
        showPage(std::max(0, m_first - m_pageSize));
}

void PinyinInput::clear()
{
    m_engine.clear();
    showPage(0);
}

void PinyinInput::showPage(int first)
{
    m_first = first;
    m_page = m_engine.candidates(first, m_pageSize);
    emit changed();
}
