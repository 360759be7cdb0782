// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/elfreader.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <memory>

#include <elf.h>
#include <gelf.h>
#include <libelf.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// Bounds on hostile input: no real program comes near them.
constexpr size_t kMaxSymbols = 2'000'000;
constexpr size_t kMaxDynamicEntries = 100'000;
constexpr size_t kMaxProgramHeaders = 65'535;
constexpr size_t kMaxSections = 1'000'000;
constexpr std::uint64_t kMaxGoBuildInfo = 64 * 1024 * 1024;

struct ElfDeleter
{
    void operator()(Elf *elf) const { elf_end(elf); }
};
using ElfPtr = std::unique_ptr<Elf, ElfDeleter>;

Error corrupt(const QString &what)
{
    return {ExitCode::BadTarget, u"corrupt ELF file: "_s + what};
}

QString libelfError()
{
    const char *message = elf_errmsg(-1);
    return message ? QString::fromUtf8(message) : u"unknown libelf error"_s;
}

QString machineName(int machine)
{
    switch (machine) {
    case EM_X86_64:
        return u"x86-64"_s;
    case EM_386:
        return u"i386"_s;
    case EM_AARCH64:
        return u"AArch64"_s;
    case EM_ARM:
        return u"ARM"_s;
    case EM_RISCV:
        return u"RISC-V"_s;
    case EM_PPC64:
        return u"PowerPC64"_s;
    case EM_PPC:
        return u"PowerPC"_s;
    case EM_S390:
        return u"S/390"_s;
    case EM_MIPS:
        return u"MIPS"_s;
    case EM_LOONGARCH:
        return u"LoongArch"_s;
    default:
        return u"machine %1"_s.arg(machine);
    }
}

QString typeName(int type)
{
    switch (type) {
    case ET_EXEC:
        return u"executable"_s;
    case ET_DYN:
        return u"shared object"_s;
    case ET_REL:
        return u"relocatable"_s;
    case ET_CORE:
        return u"core"_s;
    default:
        return u"other"_s;
    }
}

// A NUL-terminated string inside the raw image, or nullopt when it runs off the end.
std::optional<QString> rawString(QByteArrayView image, std::uint64_t offset, std::uint64_t size)
{
    if (offset >= std::uint64_t(image.size())) {
        return std::nullopt;
    }
    const std::uint64_t available = std::min<std::uint64_t>(size, std::uint64_t(image.size()) - offset);
    const QByteArrayView bytes = image.sliced(qsizetype(offset), qsizetype(available));
    const qsizetype end = bytes.indexOf('\0');
    return QString::fromUtf8(end >= 0 ? bytes.first(end) : bytes);
}

QStringList splitPath(const char *value)
{
    return QString::fromUtf8(value).split(u':');
}

Result<ElfFacts> read(Elf *elf, QByteArrayView image)
{
    if (elf_kind(elf) != ELF_K_ELF) {
        if (image.startsWith("\x7f"
                             "ELF")) {
            return corrupt(u"libelf does not recognise its header (class %1, data %2, version %3)"_s
                               .arg(image.size() > 4 ? int(quint8(image[4])) : -1)
                               .arg(image.size() > 5 ? int(quint8(image[5])) : -1)
                               .arg(image.size() > 6 ? int(quint8(image[6])) : -1));
        }
        return Error{ExitCode::BadTarget, u"not an ELF file"_s};
    }
    GElf_Ehdr ehdr;
    if (!gelf_getehdr(elf, &ehdr)) {
        return corrupt(u"unreadable ELF header (%1)"_s.arg(libelfError()));
    }
    // libelf reads header tables lazily and quietly yields nothing for a table past the end of a
    // truncated file: check the tables against the file's size first.
    const auto size = std::uint64_t(image.size());
    const auto tableFits = [size](std::uint64_t offset, std::uint64_t count, std::uint64_t entrySize) {
        return offset <= size && entrySize != 0 && count <= (size - offset) / entrySize;
    };
    if (ehdr.e_phnum > 0 && ehdr.e_phnum != PN_XNUM && !tableFits(ehdr.e_phoff, ehdr.e_phnum, ehdr.e_phentsize)) {
        return corrupt(u"its %1 program headers at offset %2 run past the end of the file (%3 bytes): truncated?"_s
                           .arg(ehdr.e_phnum)
                           .arg(ehdr.e_phoff)
                           .arg(size));
    }
    if (ehdr.e_shnum > 0 && !tableFits(ehdr.e_shoff, ehdr.e_shnum, ehdr.e_shentsize)) {
        return corrupt(u"its %1 section headers at offset %2 run past the end of the file (%3 bytes): truncated?"_s
                           .arg(ehdr.e_shnum)
                           .arg(ehdr.e_shoff)
                           .arg(size));
    }
    ElfFacts facts;
    const int elfClass = gelf_getclass(elf);
    facts.bits = elfClass == ELFCLASS64 ? 64 : elfClass == ELFCLASS32 ? 32 : 0;
    if (facts.bits == 0) {
        return corrupt(u"unknown ELF class %1"_s.arg(elfClass));
    }
    facts.machine = machineName(ehdr.e_machine);
    facts.type = typeName(ehdr.e_type);

    // Program headers: interpreter, RELRO, stack, dynamic segment.
    size_t programHeaders = 0;
    if (elf_getphdrnum(elf, &programHeaders) != 0) {
        return corrupt(u"unreadable program header count (%1)"_s.arg(libelfError()));
    }
    if (programHeaders > kMaxProgramHeaders) {
        return corrupt(u"%1 program headers"_s.arg(programHeaders));
    }
    bool hasRelro = false;
    bool hasStackHeader = false;
    bool executableStack = false;
    struct Load
    {
        std::uint64_t vaddr, offset, filesz;
    };
    QList<Load> loads;
    for (size_t i = 0; i < programHeaders; ++i) {
        GElf_Phdr phdr;
        if (!gelf_getphdr(elf, int(i), &phdr)) {
            return corrupt(u"program header %1 is unreadable (%2)"_s.arg(i).arg(libelfError()));
        }
        switch (phdr.p_type) {
        case PT_INTERP: {
            const auto interpreter = rawString(image, phdr.p_offset, phdr.p_filesz);
            if (!interpreter) {
                return corrupt(u"the interpreter path at offset %1 lies past the end of the file"_s.arg(phdr.p_offset));
            }
            facts.interpreter = *interpreter;
            break;
        }
        case PT_GNU_RELRO:
            hasRelro = true;
            break;
        case PT_GNU_STACK:
            hasStackHeader = true;
            executableStack = (phdr.p_flags & PF_X) != 0;
            break;
        case PT_DYNAMIC:
            facts.dynamic = true;
            break;
        case PT_LOAD:
            if (phdr.p_offset > size || phdr.p_filesz > size - phdr.p_offset) {
                return corrupt(u"loadable segment %1 (%2 bytes at offset %3) runs past the end of the file (%4 "
                               u"bytes): truncated?"_s.arg(i)
                                   .arg(phdr.p_filesz)
                                   .arg(phdr.p_offset)
                                   .arg(size));
            }
            loads.append({phdr.p_vaddr, phdr.p_offset, phdr.p_filesz});
            break;
        default:
            break;
        }
    }
    // Without PT_GNU_STACK the kernel's default on most architectures is an executable stack.
    facts.nx = hasStackHeader && !executableStack;

    size_t sections = 0;
    size_t sectionNames = 0;
    if (elf_getshdrnum(elf, &sections) != 0) {
        return corrupt(u"unreadable section count (%1)"_s.arg(libelfError()));
    }
    if (sections > kMaxSections) {
        return corrupt(u"%1 sections"_s.arg(sections));
    }
    facts.hasSectionHeaders = sections > 0;
    if (facts.hasSectionHeaders && elf_getshdrstrndx(elf, &sectionNames) != 0) {
        return corrupt(u"unreadable section name table index (%1)"_s.arg(libelfError()));
    }

    bool flagsBindNow = false;
    bool flags1Pie = false;
    QSet<QString> imports;
    QByteArrayView goBuildInfoSection;
    for (Elf_Scn *scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr)) {
            return corrupt(u"section header %1 is unreadable (%2)"_s.arg(elf_ndxscn(scn)).arg(libelfError()));
        }
        const char *rawName = elf_strptr(elf, sectionNames, shdr.sh_name);
        const QByteArrayView name = rawName ? QByteArrayView(rawName) : QByteArrayView();
        if (shdr.sh_type == SHT_NOBITS) {
            continue;
        }
        const bool inFile = shdr.sh_offset <= std::uint64_t(image.size()) &&
                            shdr.sh_size <= std::uint64_t(image.size()) - shdr.sh_offset;
        if (shdr.sh_type == SHT_NULL) {
            continue;
        }
        if (!inFile) {
            return corrupt(u"section %1 (%2 bytes at offset %3) lies past the end of the file (%4 bytes): truncated?"_s
                               .arg(QString::fromUtf8(name.isEmpty() ? QByteArrayView("?") : name))
                               .arg(shdr.sh_size)
                               .arg(shdr.sh_offset)
                               .arg(image.size()));
        }
        if (shdr.sh_type == SHT_SYMTAB) {
            facts.hasSymbolTable = true;
        } else if (name == ".go.buildinfo") {
            if (shdr.sh_size <= kMaxGoBuildInfo) {
                goBuildInfoSection = image.sliced(qsizetype(shdr.sh_offset), qsizetype(shdr.sh_size));
            }
            facts.go = true;
        } else if (name == ".note.go.buildid" || name == ".gopclntab") {
            facts.go = true;
        }
        if (shdr.sh_type == SHT_DYNAMIC) {
            Elf_Data *data = elf_getdata(scn, nullptr);
            if (!data || shdr.sh_entsize == 0) {
                return corrupt(u"the dynamic section is unreadable (%1)"_s.arg(libelfError()));
            }
            const size_t count = std::min<size_t>(shdr.sh_size / shdr.sh_entsize, kMaxDynamicEntries);
            for (size_t i = 0; i < count; ++i) {
                GElf_Dyn dyn;
                if (!gelf_getdyn(data, int(i), &dyn)) {
                    break;
                }
                if (dyn.d_tag == DT_NULL) {
                    break;
                }
                const auto string = [&]() -> const char * {
                    const char *value = elf_strptr(elf, shdr.sh_link, dyn.d_un.d_val);
                    return value ? value : "";
                };
                switch (dyn.d_tag) {
                case DT_NEEDED:
                    facts.needed.append(QString::fromUtf8(string()));
                    break;
                case DT_RPATH:
                    facts.rpath += splitPath(string());
                    break;
                case DT_RUNPATH:
                    facts.runpath += splitPath(string());
                    break;
                case DT_BIND_NOW:
                    flagsBindNow = true;
                    break;
                case DT_FLAGS:
                    flagsBindNow = flagsBindNow || (dyn.d_un.d_val & DF_BIND_NOW) != 0;
                    break;
                case DT_FLAGS_1:
                    flagsBindNow = flagsBindNow || (dyn.d_un.d_val & DF_1_NOW) != 0;
                    flags1Pie = (dyn.d_un.d_val & DF_1_PIE) != 0;
                    break;
                default:
                    break;
                }
            }
        } else if (shdr.sh_type == SHT_DYNSYM) {
            Elf_Data *data = elf_getdata(scn, nullptr);
            if (!data || shdr.sh_entsize == 0) {
                return corrupt(u"the dynamic symbol table is unreadable (%1)"_s.arg(libelfError()));
            }
            const size_t count = std::min<size_t>(shdr.sh_size / shdr.sh_entsize, kMaxSymbols);
            for (size_t i = 1; i < count; ++i) {
                GElf_Sym sym;
                if (!gelf_getsym(data, int(i), &sym)) {
                    break;
                }
                if (sym.st_shndx != SHN_UNDEF || sym.st_name == 0) {
                    continue;
                }
                const char *symbol = elf_strptr(elf, shdr.sh_link, sym.st_name);
                if (symbol && *symbol) {
                    imports.insert(QString::fromUtf8(symbol));
                }
            }
        } else if (shdr.sh_type == SHT_NOTE && name == ".note.gnu.build-id") {
            Elf_Data *data = elf_getdata(scn, nullptr);
            GElf_Nhdr note;
            size_t nameOffset = 0;
            size_t descOffset = 0;
            if (data && gelf_getnote(data, 0, &note, &nameOffset, &descOffset) > 0 && note.n_type == NT_GNU_BUILD_ID &&
                descOffset + note.n_descsz <= data->d_size) {
                facts.buildId = QString::fromLatin1(
                    QByteArray(static_cast<const char *>(data->d_buf) + descOffset, qsizetype(note.n_descsz)).toHex());
            }
        }
    }
    facts.imports = QStringList(imports.cbegin(), imports.cend());
    std::sort(facts.imports.begin(), facts.imports.end());

    facts.bindNow = flagsBindNow;
    facts.relro = !hasRelro ? u"none"_s : flagsBindNow ? u"full"_s : u"partial"_s;
    facts.pie = ehdr.e_type == ET_DYN && (flags1Pie || !facts.interpreter.isEmpty());
    if (facts.pie && facts.type == u"shared object") {
        facts.type = u"executable"_s;
    }
    facts.canary = imports.contains(u"__stack_chk_fail"_s) || imports.contains(u"__stack_chk_guard"_s);
    facts.fortify = std::any_of(facts.imports.cbegin(), facts.imports.cend(), [](const QString &symbol) {
        return symbol.startsWith(u"__") && symbol.endsWith(u"_chk") && symbol != u"__stack_chk_fail";
    });

    if (facts.go && !goBuildInfoSection.isEmpty()) {
        const GoMemoryReader readMemory = [&loads, image](std::uint64_t address, std::uint64_t size) -> QByteArrayView {
            for (const Load &load : loads) {
                if (address >= load.vaddr && address - load.vaddr <= load.filesz &&
                    size <= load.filesz - (address - load.vaddr)) {
                    const std::uint64_t offset = load.offset + (address - load.vaddr);
                    if (offset <= std::uint64_t(image.size()) && size <= std::uint64_t(image.size()) - offset) {
                        return image.sliced(qsizetype(offset), qsizetype(size));
                    }
                }
            }
            return {};
        };
        Result<GoBuildInfo> info = parseGoBuildInfo(goBuildInfoSection, readMemory);
        if (info) {
            facts.goBuildInfo = std::move(info).value();
        } else {
            facts.goBuildInfoError = info.error().message;
        }
    } else if (facts.go) {
        facts.goBuildInfoError = u"the program has no .go.buildinfo section"_s;
    }
    return facts;
}

bool initLibelf()
{
    static const bool ok = elf_version(EV_CURRENT) != EV_NONE;
    return ok;
}

} // namespace

Result<ElfFacts> readElf(int fd)
{
    if (!initLibelf()) {
        return Error{ExitCode::Failure, u"libelf is out of date"_s};
    }
    ElfPtr elf(elf_begin(fd, ELF_C_READ_MMAP, nullptr));
    if (!elf) {
        return corrupt(libelfError());
    }
    size_t size = 0;
    const char *raw = elf_rawfile(elf.get(), &size);
    if (!raw) {
        return corrupt(u"cannot map the file (%1)"_s.arg(libelfError()));
    }
    return read(elf.get(), QByteArrayView(raw, qsizetype(size)));
}

Result<ElfFacts> readElfMemory(QByteArrayView bytes)
{
    if (!initLibelf()) {
        return Error{ExitCode::Failure, u"libelf is out of date"_s};
    }
    // libelf wants a mutable buffer; it does not write to it when reading.
    ElfPtr elf(elf_memory(const_cast<char *>(bytes.data()), size_t(bytes.size())));
    if (!elf) {
        return corrupt(libelfError());
    }
    return read(elf.get(), bytes);
}

QJsonObject toJson(const ElfFacts &facts)
{
    QJsonObject json{
        {u"bits"_s, facts.bits},
        {u"machine"_s, facts.machine},
        {u"type"_s, facts.type},
        {u"pie"_s, facts.pie},
        {u"linking"_s, facts.dynamic ? (facts.interpreter.isEmpty() ? u"static-pie"_s : u"dynamic"_s) : u"static"_s},
        {u"interpreter"_s, facts.interpreter},
        {u"needed"_s, QJsonArray::fromStringList(facts.needed)},
        {u"rpath"_s, QJsonArray::fromStringList(facts.rpath)},
        {u"runpath"_s, QJsonArray::fromStringList(facts.runpath)},
        {u"imported_symbols"_s, facts.imports.size()},
        {u"section_headers"_s, facts.hasSectionHeaders},
        {u"stripped"_s, !facts.hasSymbolTable},
        {u"build_id"_s, facts.buildId},
        {u"go"_s, facts.go},
        {u"hardening"_s, QJsonObject{{u"relro"_s, facts.relro},
                                     {u"bind_now"_s, facts.bindNow},
                                     {u"nx"_s, facts.nx},
                                     {u"canary"_s, facts.canary},
                                     {u"fortify"_s, facts.fortify},
                                     {u"pie"_s, facts.pie}}},
    };
    return json;
}

} // namespace Deroot::Core
