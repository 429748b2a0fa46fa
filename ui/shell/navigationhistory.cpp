#include "shell/navigationhistory.h"

namespace dpm {

namespace {

constexpr qsizetype kMaxPlaces = 200;

} // namespace

void NavigationHistory::visit(const Place &place)
{
    if (m_index >= 0 && m_places.at(m_index) == place)
        return;
    m_places.resize(m_index + 1);
    m_places.append(place);
    if (m_places.size() > kMaxPlaces)
        m_places.removeFirst();
    m_index = m_places.size() - 1;
}

Place NavigationHistory::back()
{
    if (canGoBack())
        --m_index;
    return current();
}

Place NavigationHistory::forward()
{
    if (canGoForward())
        ++m_index;
    return current();
}

} // namespace dpm
