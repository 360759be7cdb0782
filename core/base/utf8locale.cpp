// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/utf8locale.h"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <string>

#include <langinfo.h>
#include <locale.h>
#include <strings.h>

namespace Deroot::Core {

namespace {

bool isUtf8(const char *codeset)
{
    return codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

bool exists(const std::string &name)
{
    locale_t locale = newlocale(LC_CTYPE_MASK, name.c_str(), locale_t(nullptr));
    if (locale == locale_t(nullptr)) {
        return false;
    }
    const bool utf8 = isUtf8(nl_langinfo_l(CODESET, locale));
    freelocale(locale);
    return utf8;
}

} // namespace

// setlocale(), nl_langinfo() and setenv() are not thread-safe; this runs first in main(), before
// any thread exists (utf8locale.h).
// NOLINTBEGIN(concurrency-mt-unsafe)
void preferUtf8Locale()
{
    // As Qt will: when the environment names a locale that is not installed, nothing is selected,
    // and Qt's warning is the right message (this cannot repair it without changing the language).
    if (!setlocale(LC_ALL, "") || isUtf8(nl_langinfo(CODESET))) {
        return;
    }
    // The locale without its encoding or variant (de_DE.ISO-8859-1@euro -> de_DE), as Qt shortens it.
    std::string base = setlocale(LC_CTYPE, nullptr);
    base = base.substr(0, base.find_first_of(".@"));
    const bool plain = base == "C" || base == "POSIX";
    std::string candidate = plain ? std::string("C.UTF-8") : base + ".UTF-8";
    if (!exists(candidate)) {
        if (!plain) {
            return;
        }
        candidate = "C.utf8";
        if (!exists(candidate)) {
            return;
        }
    }
    // LC_ALL overrides LC_CTYPE, so when it is set it is the variable to change; its messages
    // language is unchanged because candidate is the same locale (or C, which C.UTF-8 also is).
    const char *all = std::getenv("LC_ALL");
    setenv(all && *all ? "LC_ALL" : "LC_CTYPE", candidate.c_str(), 1);
}
// NOLINTEND(concurrency-mt-unsafe)

} // namespace Deroot::Core
