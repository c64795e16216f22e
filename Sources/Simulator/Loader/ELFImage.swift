import CLibElf
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A checked RV32 executable: its loadable segments, entry point and symbols.
/// Parsing goes through libelf; every check that fails becomes an `ELFError`.
public struct ELFImage: Sendable {
    public struct Segment: Sendable, Equatable {
        /// Load (physical) address: where QEMU and Spike put the bytes too.
        public var address: UInt32
        /// File contents; the rest of `memorySize` is zero (bss).
        public var data: [UInt8]
        public var memorySize: UInt32
    }

    public var entry: UInt32
    public var segments: [Segment]
    public var symbols: SymbolTable

    public init(entry: UInt32, segments: [Segment], symbols: SymbolTable) {
        self.entry = entry
        self.segments = segments
        self.symbols = symbols
    }

    /// Reads and checks the ELF file at `path`.
    public init(contentsOf path: String) throws(ELFError) {
        try self.init(bytes: try Self.readFile(path))
    }

    /// Checks and parses an ELF file held in memory.
    public init(bytes: [UInt8]) throws(ELFError) {
        let parsed: Result<ELFImage, ELFError> = elfLock.withLock { _ in
            do throws(ELFError) { return .success(try ELFParser.parse(bytes)) } catch { return .failure(error) }
        }
        self = try parsed.get()
    }

    /// Larger than any RV32 program the simulator could load: a guard against
    /// device files and other endless inputs, not a limit real programs reach.
    public static let maximumFileSize = 256 << 20

    private static func readFile(_ path: String) throws(ELFError) -> [UInt8] {
        do {
            return try HostFile.read(path, limit: maximumFileSize)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }
}

/// libelf keeps global state (elf_version); one parse at a time.
private let elfLock = Mutex(())

private enum ELFParser {
    static let elfMagic: [UInt8] = [0x7F, 0x45, 0x4C, 0x46]
    static let phdrSize = MemoryLayout<Elf32_Phdr>.size
    static let shdrSize = MemoryLayout<Elf32_Shdr>.size

    static func parse(_ bytes: [UInt8]) throws(ELFError) -> ELFImage {
        guard bytes.count >= 4, Array(bytes[0..<4]) == elfMagic else { throw .notELF }
        guard bytes.count >= 6 else { throw .truncated("no ELF identification") }
        if Int32(bytes[4]) != ELFCLASS32 {
            throw bytes[4] == 2 ? .not32Bit : .malformed("unknown ELF class \(bytes[4])")
        }
        if Int32(bytes[5]) != ELFDATA2LSB { throw .bigEndian }
        guard bytes.count >= 52 else { throw .truncated("file ends inside the ELF header") }

        // libelf wants a mutable buffer that outlives its handle.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: bytes)
        do {
            _ = elf_version(UInt32(EV_CURRENT))
            guard let elf = elf_memory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count) else {
                throw .malformed(libelfMessage())
            }
            defer { elf_end(elf) }
            guard elf_kind(elf) == ELF_K_ELF else { throw .notELF }
            var header = GElf_Ehdr()
            guard gelf_getehdr(elf, &header) != nil else { throw .truncated("unreadable ELF header") }
            guard header.e_machine == UInt16(EM_RISCV) else { throw .notRISCV(machine: header.e_machine) }
            guard header.e_type == UInt16(ET_EXEC) else { throw .notExecutable(type: header.e_type) }
            try checkEntrySizes(header)
            try checkSections(elf, header: header, fileSize: buffer.count)
            let segments = try loadSegments(elf, header: header, fileSize: buffer.count, file: UnsafeRawBufferPointer(buffer))
            guard !segments.isEmpty else { throw .noLoadableSegment }
            return ELFImage(entry: UInt32(truncatingIfNeeded: header.e_entry), segments: segments,
                            symbols: symbols(elf))
        }
    }

    /// ELF32 tables have fixed entry sizes; libelf reads them with those sizes
    /// whatever the header says, so a header that disagrees is rejected (as
    /// QEMU's loader does) rather than read differently from other tools.
    private static func checkEntrySizes(_ header: GElf_Ehdr) throws(ELFError) {
        if (header.e_phoff != 0 || header.e_phnum != 0) && header.e_phentsize != UInt16(phdrSize) {
            throw .malformed("program header entries are \(header.e_phentsize) bytes (e_phentsize), expected \(phdrSize)")
        }
        if (header.e_shoff != 0 || header.e_shnum != 0) && header.e_shentsize != UInt16(shdrSize) {
            throw .malformed("section header entries are \(header.e_shentsize) bytes (e_shentsize), expected \(shdrSize)")
        }
    }

    /// A file cut short loses its section table (symbols) before its segments.
    private static func checkSections(_ elf: OpaquePointer, header: GElf_Ehdr, fileSize: Int) throws(ELFError) {
        let declaredEnd = UInt64(header.e_shoff) + UInt64(header.e_shnum) * UInt64(shdrSize)
        guard declaredEnd <= UInt64(fileSize) else { throw .truncated("section headers extend past the end of the file") }
        var count = 0
        guard elf_getshdrnum(elf, &count) == 0 else {
            throw .malformed("unreadable section header table: \(libelfMessage())")
        }
        let tableEnd = UInt64(header.e_shoff) + UInt64(count) * UInt64(header.e_shentsize)
        guard tableEnd <= UInt64(fileSize) else { throw .truncated("section headers extend past the end of the file") }
        // libelf quietly drops a section table it cannot use (e.g. an extended
        // section count larger than the file): that would lose the symbols.
        if header.e_shoff != 0 && count == 0 {
            throw .malformed("section header table at offset \(header.e_shoff) is unusable (e_shnum = \(header.e_shnum))")
        }
        var section: OpaquePointer? = nil
        while let next = elf_nextscn(elf, section) {
            section = next
            var sectionHeader = GElf_Shdr()
            guard gelf_getshdr(next, &sectionHeader) != nil else { throw .truncated("unreadable section header") }
            guard sectionHeader.sh_type != UInt32(SHT_NOBITS) else { continue }
            guard sectionHeader.sh_offset + sectionHeader.sh_size <= UInt64(fileSize) else {
                throw .truncated("section \(elf_ndxscn(next)) extends past the end of the file")
            }
        }
    }

    /// libelf's last error as text.
    private static func libelfMessage() -> String {
        elf_errmsg(-1).map { String(cString: $0) } ?? "unknown libelf error"
    }

    private static func loadSegments(_ elf: OpaquePointer, header: GElf_Ehdr, fileSize: Int,
                                     file: UnsafeRawBufferPointer) throws(ELFError) -> [ELFImage.Segment] {
        // libelf quietly shortens (or fails on) a table running past the end of
        // the file; judge the header's own numbers first (0xFFFF: count in section 0).
        if header.e_phnum != 0xFFFF {
            let declaredEnd = UInt64(header.e_phoff) + UInt64(header.e_phnum) * UInt64(phdrSize)
            guard declaredEnd <= UInt64(fileSize) else {
                throw .truncated("program headers extend past the end of the file (\(header.e_phnum) at offset \(header.e_phoff), file has \(fileSize) bytes)")
            }
        }
        var count = 0
        guard elf_getphdrnum(elf, &count) == 0 else {
            throw .malformed("unreadable program header table: \(libelfMessage())")
        }
        let tableEnd = UInt64(header.e_phoff) + UInt64(count) * UInt64(header.e_phentsize)
        guard tableEnd <= UInt64(fileSize) else { throw .truncated("program headers extend past the end of the file") }
        var segments: [ELFImage.Segment] = []
        for index in 0..<count {
            var program = GElf_Phdr()
            guard gelf_getphdr(elf, Int32(index), &program) != nil else {
                throw .malformed("unreadable program header \(index): \(libelfMessage())")
            }
            guard program.p_type == UInt32(PT_LOAD), program.p_memsz > 0 else { continue }
            let start = UInt64(program.p_offset), length = UInt64(program.p_filesz)
            guard start + length <= UInt64(fileSize) else {
                throw .truncated("segment \(index) needs bytes \(start)..<\(start + length), file has \(fileSize)")
            }
            guard program.p_filesz <= program.p_memsz else {
                throw .malformed("segment \(index) is larger in the file than in memory")
            }
            let data = Array(file[Int(start)..<Int(start + length)])
            segments.append(ELFImage.Segment(address: UInt32(truncatingIfNeeded: program.p_paddr), data: data,
                                             memorySize: UInt32(truncatingIfNeeded: program.p_memsz)))
        }
        return segments
    }

    private static func symbols(_ elf: OpaquePointer) -> SymbolTable {
        var executableSections = Set<Int>()
        var codeSections: [CodeSection] = []
        var namesIndex = 0
        _ = elf_getshdrstrndx(elf, &namesIndex)
        var result: [Symbol] = []
        var section: OpaquePointer? = nil
        var symbolSections: [(OpaquePointer, GElf_Shdr)] = []
        while let next = elf_nextscn(elf, section) {
            section = next
            var sectionHeader = GElf_Shdr()
            guard gelf_getshdr(next, &sectionHeader) != nil else { continue }
            if sectionHeader.sh_flags & UInt64(SHF_EXECINSTR) != 0 {
                executableSections.insert(elf_ndxscn(next))
                let name = elf_strptr(elf, namesIndex, Int(sectionHeader.sh_name)).map { String(cString: $0) } ?? ""
                codeSections.append(CodeSection(name: name, range: sectionHeader.sh_addr..<(sectionHeader.sh_addr + sectionHeader.sh_size)))
            }
            if sectionHeader.sh_type == UInt32(SHT_SYMTAB) { symbolSections.append((next, sectionHeader)) }
        }
        for (table, tableHeader) in symbolSections {
            guard let data = elf_getdata(table, nil), tableHeader.sh_entsize > 0 else { continue }
            let count = Int(tableHeader.sh_size / tableHeader.sh_entsize)
            for index in 0..<count {
                var symbol = GElf_Sym()
                guard gelf_getsym(data, Int32(index), &symbol) != nil, symbol.st_name != 0,
                      symbol.st_shndx != UInt16(SHN_UNDEF),
                      let namePointer = elf_strptr(elf, Int(tableHeader.sh_link), Int(symbol.st_name)) else { continue }
                let name = String(cString: namePointer)
                let type = Int32(symbol.st_info & 0xF)
                guard type != STT_SECTION, type != STT_FILE, !name.hasPrefix("$"), !name.hasPrefix(".L") else { continue }
                let isCode = type == STT_FUNC || (type == STT_NOTYPE && executableSections.contains(Int(symbol.st_shndx)))
                result.append(Symbol(name: name, address: UInt32(truncatingIfNeeded: symbol.st_value),
                                     size: UInt32(truncatingIfNeeded: symbol.st_size), isCode: isCode))
            }
        }
        return SymbolTable(result, codeSections: codeSections)
    }
}
